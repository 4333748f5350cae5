# report kpi: this month against the last, and a year of sparklines.
load "data/report_clients.csv" as clients
load "data/report_deals.csv" as deals
load "data/report_costs.csv" as costs with (types: (account: text))
load "data/report_invoices.csv" as invoices
load "data/report_payments.csv" as payments
map clients as crm.clients
map deals as crm.deals
map costs as acc.costs
map invoices as acc.invoices
map payments as acc.payments
# As of a month's last day: November against October.
report kpi as of @2026-11-30
from report_kpi | select period_start, period_end, revenue, deals_won, win_rate_pct, gross_margin_pct, overdue_pct, dso_days
# As of another day: the month that ends on it (10-29 … 11-28) against the one before.
report kpi as of @2026-11-28
set format csv
report kpi as of @2026-11-30
