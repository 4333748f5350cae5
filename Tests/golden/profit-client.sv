# profit by client on the hand-made fixture (data/profit_*.csv): revenue from won deals, costs
# through the counterparties matched to each client; clients 4 and 14 are one company entered
# twice, so counterparty k4's costs go to client 4; k8 (a supplier) and k9 match no client.
load "data/profit_clients.csv" as clients with (types: (tax_id: text))
load "data/profit_counterparties.csv" as counterparties with (types: (tax_id: text))
load "data/profit_deals.csv" as deals
load "data/profit_costs.csv" as costs
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
map costs as acc.costs
match clients
profit by client
# The table is a table: ABC classes, the unallocated row, the figures that add up.
from profit | where abc == "A" | select client_id, client_name, margin
from profit | where client_id == null
from profit | group (revenue = sum(revenue), cost = sum(cost), margin = sum(margin))
describe profit
