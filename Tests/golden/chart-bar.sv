# chart bar: any result — a report's table, a pipeline, a raw table — as bars.
load "data/report_clients.csv" as clients
load "data/report_deals.csv" as deals
map clients as crm.clients
map deals as crm.deals
report sales by region
chart bar revenue by region from report_sales with (width: 70)
chart bar win_rate_pct by region from report_sales with (width: 50)
# A raw table: rows with the same key are added up; the order is the query's.
chart bar amount by client_id from deals | where stage == "won" | sort client_id with (width: 60)
# Negative values grow left from a zero axis.
chart bar change by month from deals | where closed_at != null | group month = yearmonth(closed_at) (change = sum(if(stage == "won", amount, -amount))) | sort month with (width: 72)
# Long names are cut by display width; the special characters stay as written.
chart bar amount by name from deals | join clients on deals.client_id == clients.client_id | where stage == "won" | select name, amount with (width: 60)
set maxrows 2
chart bar amount by deal_id from deals with (width: 40)
