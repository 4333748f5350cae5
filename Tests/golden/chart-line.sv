# chart line: a column over months, dates or numbers.
load "data/report_deals.csv" as deals
load "data/report_costs.csv" as costs with (types: (account: text))
map deals as crm.deals
map costs as acc.costs
report pnl by month
chart line revenue by month from report_pnl with (width: 72)
chart line operating_profit by month from report_pnl with (width: 72, height: 6)
# Months with no row are drawn as gaps; rows with no month are left out.
chart line amount by month from deals | where stage == "won" | derive month = yearmonth(closed_at) | where month != "2026-04" with (width: 60, height: 4)
report kpi as of @2026-11-30
chart line revenue by period_end from report_kpi with (width: 80, height: 5)
