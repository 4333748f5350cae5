# reconcile needs crm.deals, acc.invoices and acc.payments; the error names the one missing.
load "data/recon_deals.csv" as deals
load "data/recon_invoices.csv" as invoices
map deals as crm.deals
map invoices as acc.invoices
reconcile
