# by takes client.
load "data/receivables_invoices.csv" as invoices
aging as of @2026-11-28 by clients
