# link checks that both records exist; ids are compared as text, exactly (a Latin K is not К).
load "data/match_clients.csv" as clients
load "data/match_counterparties.csv" as counterparties
map clients as crm.clients
map counterparties as acc.counterparties
link client 1 to counterparty K-001
