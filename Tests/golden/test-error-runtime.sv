# Mistakes found when a test runs point at the test's own text; nothing is written.
on error continue
load "data/test_deals.csv" as deals
test dealz.deal_id unique
test deals.dael_id unique
test deals.deal_id references invoices.deal_id
test deals.amount in ("a", "b")
test crm.deals.id unique
test deals.deal_id unique where amont > 0
test deals.deal_id unique fail if > "many"
test deals.deal_id unique warn if > $limit
tables
