# profit by product, manager and region on the hand-made fixture. Products come from the deals
# and the costs; managers and regions from the clients (the deal's own when the client names
# none) — D3's deal names Иванов Пётр, but client 2 is Петров Иван's.
load "data/profit_clients.csv" as clients with (types: (tax_id: text))
load "data/profit_counterparties.csv" as counterparties with (types: (tax_id: text))
load "data/profit_deals.csv" as deals
load "data/profit_costs.csv" as costs
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
map costs as acc.costs
match clients
profit by product
profit by manager
profit by region
