# Field lists take name = expression; nothing runs when a line does not parse.
load "data/map_deals.csv" as deals
map deals as crm.deals (id: deal_id)
map deals as crm.
