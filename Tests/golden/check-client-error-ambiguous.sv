# Two names contain "рома": the error lists them with their ids.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
load "data/receivables_clients.csv" as clients
map invoices as acc.invoices
map payments as acc.payments
map clients as crm.clients
check client "рома" as of @2026-11-28
