# match clients: tax id first, then names, ambiguity reported, never chosen; then dedupe.
load "data/match_clients.csv" as clients
load "data/match_counterparties.csv" as counterparties
map clients as crm.clients
map counterparties as acc.counterparties
match clients
from matches
set format csv
from ambiguous_matches
from unmatched_clients
from unmatched_counterparties
set format table
from matches | where method == "name" | sort -score, client_id
describe matches
# A stricter threshold, and names only.
match clients with (threshold: 96%, methods: (name))
from matches
dedupe clients
set format csv
from duplicates
dedupe counterparties into cp_duplicates
from cp_duplicates | where not survivor | select id, reason
