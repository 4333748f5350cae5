# report pnl: revenue and costs by account group per month.
load "data/report_deals.csv" as deals
# Account codes are text: as numbers, 90.2 would read 90.20.
load "data/report_costs.csv" as costs with (types: (account: text))
load "data/report_invoices.csv" as invoices
map deals as crm.deals
map costs as acc.costs
map invoices as acc.invoices
report pnl by month
from report_pnl | where operating_profit < 0 | select month, revenue, operating_profit, operating_margin_pct
report pnl from @2026-04-01 to @2026-06-30
report pnl by month with (revenue: "invoices")
