# sync invoices on the hand-made fixture: proposals, held-back items, conflicts and masters.
load "data/recon_deals.csv" as deals
load "data/recon_invoices.csv" as invoices
load "data/recon_payments.csv" as payments
load "data/recon_clients.csv" as clients with (types: (tax_id: text))
load "data/recon_counterparties.csv" as counterparties with (types: (tax_id: text))
map deals as crm.deals
map invoices as acc.invoices
map payments as acc.payments
map clients as crm.clients
map counterparties as acc.counterparties
# No matches yet: no invoice has a counterparty to go to, so apply has nothing to send and
# writes no file.
sync invoices as of @2026-11-30
sync invoices as of @2026-11-30 apply to "sync-invoices-never-written.csv"
journal
load "data/recon_matches.csv" as matches
sync invoices where amount > 100 and client_id == "c1" as of @2026-11-30
sync invoices as of @2026-11-30 with (terms: 30)
from conflicts
master clients.name = crm
master clients.tax_id = accounting
master deals = accounting
sync invoices as of @2026-11-30
from conflicts | select field, crm_id, acc_id, master, action
