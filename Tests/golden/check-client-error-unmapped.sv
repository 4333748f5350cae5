# check client needs crm.clients.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
check client C1
