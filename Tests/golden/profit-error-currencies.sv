# Deals in roubles, dollars and euros with no base currency: an error naming them, never a sum.
load "data/profit_deals_fx.csv" as deals
map deals as crm.deals
profit by client
