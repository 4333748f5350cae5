# Several currencies need a base currency (profit-error-currencies.sv): with set currency RUB each amount is
# converted at the latest rate in acc.rates on or before its own date (F5 is dated Sunday
# 2026-03-08: Friday's USD rate), rounded half away from zero to the kopeck, then added up.
# Amounts with no currency (F4, X3) are in the base currency.
load "data/profit_clients.csv" as clients with (types: (tax_id: text))
load "data/profit_counterparties.csv" as counterparties with (types: (tax_id: text))
load "data/profit_deals_fx.csv" as deals
load "data/profit_costs_fx.csv" as costs
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
map costs as acc.costs
match clients
load "data/profit_rates.csv" as rates
map rates as acc.rates
set currency RUB
profit by client
profit by product with (allocate: "revenue")
# The option overrides the setting for one command; none asks for one currency again.
set currency none
profit by client with (currency: "rub")
let off_total = from profit | group (r = sum(revenue)) | where r != 5321.24
expect rows(off_total) == 0 else "the converted revenue"
