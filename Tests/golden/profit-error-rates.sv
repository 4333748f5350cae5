# Rates that do not cover every amount: the error names each currency that lacks one, with how
# many amounts and from which date; no table is written.
load "data/profit_clients.csv" as clients with (types: (tax_id: text))
load "data/profit_counterparties.csv" as counterparties with (types: (tax_id: text))
load "data/profit_deals_fx.csv" as deals
load "data/profit_costs_fx.csv" as costs
load "data/profit_rates_usd.csv" as rates
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
map costs as acc.costs
map rates as acc.rates
match clients
set currency RUB
profit by client
tables
