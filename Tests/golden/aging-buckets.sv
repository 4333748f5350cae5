# aging on the hand-made fixture (data/receivables_*.csv), as of 28 November 2026: I2 has no due
# date (due 14 days after issue), P3 is paid after the date (still debt), I6 is overpaid, I11 is
# issued after the date, I12 has no issue date, P5, P6 and P8 are set against no invoice.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
aging as of @2026-11-28
from aging | where bucket != "total" | group (invoices = sum(invoices), outstanding = sum(outstanding))
# Other edges, longer terms, days from the issue date.
aging as of @2026-11-28 with (edges: "15,45", terms: 30)
aging as of @2026-11-28 with (basis: "invoice_date", edges: (30, 90))
# A week later P3 has come in: I4 owes 1,000.00, now 31-60.
let day = @2026-12-05
aging as of $day
expect rows(aging) == 6 else "five buckets and the total"
