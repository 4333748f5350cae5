# export dashboard: one HTML page (its content is checked by EndToEndTests/DashboardTests).
load "data/report_clients.csv" as clients
load "data/report_deals.csv" as deals
load "data/report_costs.csv" as costs with (types: (account: text))
load "data/report_invoices.csv" as invoices
load "data/report_payments.csv" as payments
load "data/report_counterparties.csv" as counterparties
load "data/report_matches.csv" as matches
map clients as crm.clients
map deals as crm.deals
map costs as acc.costs
map invoices as acc.invoices
map payments as acc.payments
map counterparties as acc.counterparties
export dashboard to "/tmp/sverka-golden-dashboard.html" with (as_of: @2026-11-30, top: 3)
on error continue
# A table called dashboard is still exported as a table to any other format.
load "data/report_matches.csv" as dashboard
export dashboard to "/tmp/sverka-golden-dashboard.csv"
export dashboard to "no-such-folder/kpi.html" with (as_of: @2026-11-30)
export dashboard to "/tmp/sverka-golden-dashboard.html" with (as_off: @2026-11-30)
export dashboard to "/tmp/sverka-golden-dashboard.html" with (top: 0)
