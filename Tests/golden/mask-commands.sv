# set mask on covers what commands show and say: match's and dedupe's tables and reasons, and
# error messages that quote a statement (carets stay under the text they point at).
load "data/match_clients.csv" as clients
load "data/match_counterparties.csv" as counterparties
map clients as crm.clients
map counterparties as acc.counterparties
set mask names
match clients
dedupe clients
from duplicates
from acc.counterparties | take 4
on error continue
from clients | where email == "ivan.petrovich@romashka.ru" and regoin == "Москва"
from clients | where phone == "+7 (495) 111-22-33" | select nmae
set mask maybe
export clients to "/tmp/sverka-golden-mask-bad.csv" with (mask: "partly")
