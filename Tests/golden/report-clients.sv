# report clients: new, returned, lapsed and active clients per month, with and without activities.
load "data/report_deals.csv" as deals
load "data/report_activities.csv" as activities
map deals as crm.deals
# A three-month window: c1 lapses in May and comes back in June, c4 lapses in October and comes back in November.
report clients with (window: 3)
from report_clients | group (new = sum(new_clients), returned = sum(returned_clients), lapsed = sum(lapsed_clients))
map activities as crm.activities
# Twelve months (the default), with the activities: the December 2025 call opens the months.
report clients
report clients from @2026-06-01 to @2026-12-31 with (window: 3)
