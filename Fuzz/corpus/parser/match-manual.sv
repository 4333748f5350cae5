# Manual decisions override match clients and are kept in the workspace (_sverka_links).
load "data/match_clients.csv" as clients
load "data/match_counterparties.csv" as counterparties
map clients as crm.clients
map counterparties as acc.counterparties
link client 9 to counterparty К-001
unlink client 3 from counterparty К-002
unlink client 11
match clients
from matches | where client_id in ("3", "9", "11")
from unmatched_clients | where client_id in ("3", "11") | select client_id, reason
sql "select client_id, counterparty_id, decision from _sverka_links order by rowid"
# A later decision about the same pair replaces the earlier one.
link client 3 to counterparty "К-002"
match clients
from matches | where client_id == "3"
sql "select client_id, counterparty_id, decision from _sverka_links order by rowid"
