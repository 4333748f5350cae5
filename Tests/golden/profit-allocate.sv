# allocate: "revenue" spreads the unallocated cost (1,960.00 by client) across the rows in
# proportion to their revenue, exactly: the rows add up to the costs' total to the kopeck.
load "data/profit_clients.csv" as clients with (types: (tax_id: text))
load "data/profit_counterparties.csv" as counterparties with (types: (tax_id: text))
load "data/profit_deals.csv" as deals
load "data/profit_costs.csv" as costs
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
map costs as acc.costs
match clients
profit by client with (allocate: "revenue")
from profit | group (cost = sum(cost))
let off_total = from profit | group (c = sum(cost)) | where c != 2588.83
expect rows(off_total) == 0 else "the rows add up to every cost"
# By product the unallocated row has revenue of its own (D10 has no product): it keeps its share.
profit by product with (allocate: "revenue")
profit by product with (allocate: "none")
