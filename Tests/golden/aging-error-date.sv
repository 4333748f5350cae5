# 'as of' takes a date.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
aging as of "end of month"
