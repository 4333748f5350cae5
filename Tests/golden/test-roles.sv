# Roles and named queries are tested like tables; the role's own columns are the ones tested.
load "data/test_deals.csv" as deals
load "data/test_invoices.csv" as invoices
map deals as crm.deals
map invoices as acc.invoices
test crm.deals.id unique warn if > 0
test crm.deals.stage in ("won", "lost", "open")
test acc.invoices.deal_id references crm.deals.id warn if > 0
let won = from crm.deals | where stage == "won"
test won.amount not null warn if > 0
from test_failures | sort test, key
