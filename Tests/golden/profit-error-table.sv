# A table or named query called profit is the user's own: never overwritten.
load "data/profit_deals.csv" as deals
map deals as crm.deals
let profit = from deals | where amount > 1000
profit by product
