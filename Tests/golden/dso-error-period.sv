# A period that ends before it starts.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
dso from @2026-11-30 to @2026-09-01
