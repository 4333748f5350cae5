# alerts takes terms, not edges.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
alerts as of @2026-11-28 with (edges: "30,60")
