# report: what it says when it cannot answer.
on error continue
load "data/report_deals.csv" as deals
report sales by region
map deals as crm.deals
report sales by client
report sales by regoin
report sales by region, region
report sales by region, month, product
report sales
report kpi by month
report clients with (window: 0)
report clients with (windows: 3)
report pnl by region
report pnl by month
report pnl with (revenue: "payments")
report sales by region from @2026-06-30 to @2026-01-01
