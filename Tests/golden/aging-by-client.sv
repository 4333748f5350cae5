# aging by client: counterparties reach clients through match clients (K2 is matched to C2 and to
# its duplicate C7 and counts for C2, the lower id); K8 has no client and keeps its own row.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
load "data/receivables_clients.csv" as clients
load "data/receivables_counterparties.csv" as counterparties
map invoices as acc.invoices
map payments as acc.payments
map clients as crm.clients
map counterparties as acc.counterparties
# Before match clients every row is a counterparty.
aging as of @2026-11-28 by client
match clients
aging as of @2026-11-28 by client
from aging | where client_id is null | select counterparty_id, name, outstanding, overdue
from aging | sort -`90+` | take 2 | select client_id, `90+`
