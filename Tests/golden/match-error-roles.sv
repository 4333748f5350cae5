# match needs crm.clients and acc.counterparties: map them first.
load "data/match_clients.csv" as clients
match clients
