# Data tests: each kind of check, thresholds that warn, and the failing rows they keep.
load "data/test_deals.csv" as deals
load "data/test_invoices.csv" as invoices
# D3 twice, D7 three times: two repeated values.
test deals.deal_id unique warn if > 0
# I3 and I6 have no counterparty: 2 rows, within the limit.
test invoices.counterparty_id not null warn if > 5
# "negotiation" and "Won" (case counts); the empty stage is null and passes.
test deals.stage in ("won", "lost", "open") fail if > 2
# D4 and D99 are no deal; I5's empty deal_id passes.
test invoices.deal_id references deals.deal_id warn if >= 1
# Money compared to the kopeck: 500.50 is accepted, D7's 250.00 is not.
test deals.amount in (1000, 500.50, 300) where stage == "won" warn if > 0
test deals.closed_at in (@2026-11-10, @2026-11-12) where stage == "won" and closed_at <= @2026-11-12
# Both bounds included: 300.00 passes, 250.00 and 120.00 do not.
test deals.amount between 300 and 1000 warn if > 0
from test_failures
# Fixing the data and testing again replaces only that test's rows.
sql write "update deals set stage = 'won' where stage = 'Won'"
test deals.stage in ("won", "lost", "open") fail if > 2
from test_failures | group test (failures = count()) | sort test
