# profit reads its revenue from crm.deals (acc.invoices or acc.payments with the option); the
# error names the role that is not mapped.
load "data/profit_deals.csv" as deals
map deals as crm.deals
profit by client with (revenue: "invoices")
