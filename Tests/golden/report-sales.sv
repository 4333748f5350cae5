# report sales on the hand-made fixture (data/report_*.csv): each key, a period, and the pivot.
load "data/report_clients.csv" as clients
load "data/report_deals.csv" as deals
map clients as crm.clients
map deals as crm.deals
# Regions are the clients' (D15 was sold in Екатеринбург to c4 of Новосибирск); c5 has none, so its deals' own.
report sales by region
report sales by product
report sales by manager
# Months in order, October empty, the undated won deal D13 last; September: one lost deal, a 0% win rate.
report sales by month
report sales by month from @2026-03-01 to @2026-06-30
# The table has no total row: the regions add up to the printout's total.
report sales by region
from report_sales | group (revenue = sum(revenue), won = sum(deals_won), lost = sum(deals_lost))
# A row per region, a column per month, then a column per product.
report sales by region, month
report sales by manager, product from @2026-01-01 to @2026-06-30
describe report_sales
