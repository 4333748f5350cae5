# DSO = receivables at the end of the period ÷ invoiced in the period × days. 1 September to
# 28 November: 4,423.44 owed on the 28th, 2,973.45 invoiced (I2, I4, I5, I7, I8, I9), 89 days.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
dso from @2026-09-01 to @2026-11-28
# 'to' alone: the 90 days that end on it.
dso to @2026-11-28
# Nothing invoiced in the period: no DSO.
dso from @2027-01-01 to @2027-01-31
