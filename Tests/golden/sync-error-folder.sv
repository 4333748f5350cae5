# An outbox folder must exist; sverka does not create it.
load "data/recon_deals.csv" as deals
load "data/recon_invoices.csv" as invoices
load "data/recon_payments.csv" as payments
load "data/recon_matches.csv" as matches
map deals as crm.deals
map invoices as acc.invoices
map payments as acc.payments
sync invoices as of @2026-11-30 apply to "no-such-outbox/invoices.csv"
