# check client: one client's card as on 28 November, after match clients and dedupe clients.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
load "data/receivables_clients.csv" as clients
load "data/receivables_counterparties.csv" as counterparties
load "data/receivables_deals.csv" as deals
load "data/receivables_costs.csv" as costs
map invoices as acc.invoices
map payments as acc.payments
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
map costs as acc.costs
match clients
dedupe clients
# By id: overdue, so the card starts with a warning; K2 is also matched to C7, its duplicate.
check client C2 as of @2026-11-28
# By name, in any case or alphabet: ООО «Ромашка».
check client "ROMASHKA" as of @2026-11-28
# Nothing owed, nothing matched.
check client "заря" as of @2026-11-28
