# alerts: who owes past due on 28 November, and what they are still negotiating. D8 (C4) is won
# on 2 December, so it is open on the 28th; C5 has an open deal but owes nothing.
load "data/receivables_invoices.csv" as invoices
load "data/receivables_payments.csv" as payments
load "data/receivables_clients.csv" as clients
load "data/receivables_counterparties.csv" as counterparties
load "data/receivables_deals.csv" as deals
map invoices as acc.invoices
map payments as acc.payments
map clients as crm.clients
map counterparties as acc.counterparties
map deals as crm.deals
match clients
alerts as of @2026-11-28
from alerts | where open_deals > 0 | select client_id, manager, overdue, open_amount
# A week later D8 is won and P3 has paid part of I4.
alerts as of @2026-12-05
