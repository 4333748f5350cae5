# A misspelt option gets its right name.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
aging as of @2026-11-28 with (term: 30)
