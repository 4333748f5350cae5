# Options are checked by name.
load "data/match_clients.csv" as clients
load "data/match_counterparties.csv" as counterparties
map clients as crm.clients
map counterparties as acc.counterparties
match clients with (treshold: 0.8)
