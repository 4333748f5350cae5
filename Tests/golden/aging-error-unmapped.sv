# aging needs acc.invoices and acc.payments; the error names the one missing.
load "data/receivables_invoices.csv" as invoices
map invoices as acc.invoices
aging as of @2026-11-28
