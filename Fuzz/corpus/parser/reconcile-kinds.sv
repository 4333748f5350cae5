# reconcile on the hand-made fixture (data/recon_*.csv): each kind of disagreement, then as of a date.
load "data/recon_deals.csv" as deals
load "data/recon_invoices.csv" as invoices
load "data/recon_payments.csv" as payments
map deals as crm.deals
map invoices as acc.invoices
map payments as acc.payments
# Without a matches table counterparties cannot be judged, and the summary says so.
reconcile
load "data/recon_matches.csv" as matches
reconcile
from mismatches
# As of 30 November: D7 still open, D11 won but invoiced on 1 December, P5 and P7 not yet paid.
reconcile as of @2026-11-30
from mismatches | where kind in ("deal_without_invoice", "payment_without_invoice", "overpaid") | select kind, deal_id, invoice_id, payment_id, diff, note
from mismatches | group kind (n = count(), diff = sum(diff)) | sort -n, kind
expect rows(mismatches) == 12 else "twelve mismatches as of 30 November"
