# With a base currency and rates, each debt is converted at the rate in effect on the as-of date:
# USD at 101.2345 (27 November), EUR at 105.25; U2 100.00 USD → 10,123.45, U3 250.50 USD → 25,359.24.
load "data/receivables_invoices_usd.csv" as invoices
load "data/receivables_payments.csv" as payments
load "data/receivables_rates.csv" as rates
map invoices as acc.invoices
map payments as acc.payments
set currency RUB
map rates as acc.rates
aging as of @2026-11-28
# A rate applies from its date on: on 1 October there is none for USD yet.
aging as of @2026-10-01
