# profit from … to …: deals by close date, costs by their date, both ends included. D11 (won,
# no close date) only counts without a period.
load "data/profit_clients.csv" as clients with (types: (tax_id: text))
load "data/profit_counterparties.csv" as counterparties with (types: (tax_id: text))
load "data/profit_deals.csv" as deals
load "data/profit_costs.csv" as costs
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
map costs as acc.costs
match clients
profit by client from @2026-02-10 to @2026-03-25
let q2 = @2026-04-01
profit by product from $q2 to @2026-06-30
profit by client from @2026-04-01
profit by manager to @2026-01-31
