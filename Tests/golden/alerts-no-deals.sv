# Without crm.deals or matches, alerts still lists the debts, and says what it could not see.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
map invoices as acc.invoices
map payments as acc.payments
alerts as of @2026-11-28 with (terms: 30)
