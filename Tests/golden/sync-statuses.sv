# sync statuses: each deal's payment status as accounting has it, on two dates.
load "data/recon_deals.csv" as deals
load "data/recon_invoices.csv" as invoices
load "data/recon_payments.csv" as payments
map deals as crm.deals
map invoices as acc.invoices
map payments as acc.payments
sync statuses as of @2026-11-30
sync statuses as of @2026-12-11
from proposals | group status (deals = count(), outstanding = sum(outstanding)) | sort status
