# revenue: "invoices" (issued in the period) and "payments" (made in it). An invoice belongs to
# its deal's client, else to its counterparty's (I21: k2 → client 2; I20: k9 → none); a payment
# follows its invoice, or its own counterparty (P6: k3; P9 names an unknown invoice: k1).
load "data/profit_clients.csv" as clients with (types: (tax_id: text))
load "data/profit_counterparties.csv" as counterparties with (types: (tax_id: text))
load "data/profit_deals.csv" as deals
load "data/profit_costs.csv" as costs
load "data/profit_invoices.csv" as invoices
load "data/profit_payments.csv" as payments
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
map costs as acc.costs
map invoices as acc.invoices
map payments as acc.payments
match clients
profit by client with (revenue: "invoices")
profit by product from @2026-03-01 to @2026-04-30 with (revenue: "invoices")
profit by client with (revenue: "payments")
profit by region from @2026-03-01 with (revenue: payments)
