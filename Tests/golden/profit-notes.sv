# Without acc.costs, crm.clients or matches profit still answers, and says what it could not do.
load "data/profit_deals.csv" as deals
map deals as crm.deals
profit by client
profit by manager
load "data/profit_costs.csv" as costs
map costs as acc.costs
profit by client
profit by product
