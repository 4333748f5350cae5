# A model that starts from the company's own figures: the errors the reconciliation found, the
# won deals' revenue, a variable. Its numbers are read each time it runs, so it follows the data.
load "data/recon_deals.csv" as deals
load "data/recon_invoices.csv" as invoices
load "data/recon_payments.csv" as payments
map deals as crm.deals
map invoices as acc.invoices
map payments as acc.payments
reconcile
let fix_cost = 2500
model integration
  gain   revenue      from (from crm.deals | where stage == "won" | group (s = sum(amount))) to 5000
  saving data_errors  from rows(mismatches) to 2 worth $fix_cost
  cost   project      20k
end
roi integration
# As of 30 November the reconciliation finds other mismatches: the model follows.
reconcile as of @2026-11-30
roi integration
