# chart: what it says when it cannot draw.
on error continue
load "data/report_deals.csv" as deals
chart bar amountt by region from deals
chart bar region by region from deals
chart bar amount by regio from deals
chart line amount by region from deals
chart line amount by amount from deals
chart bar amount by region from deals with (height: 5)
chart bar amount by region from deals with (width: 10)
chart line amount by closed_at from deals with (colour: "red")
chart bar amount by region from nothing
chart bar amount by region from deals | where amount > 1M
