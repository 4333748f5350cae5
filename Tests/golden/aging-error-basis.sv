# basis is due_date or invoice_date.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
aging as of @2026-11-28 with (basis: "paid_at")
