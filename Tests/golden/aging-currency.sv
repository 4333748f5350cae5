# Invoices in roubles, dollars and euros are never added up as they are.
load "data/receivables_invoices_usd.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
aging as of @2026-11-28
