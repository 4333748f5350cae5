# Monthly close: load both systems' exports, map them onto the model, match clients to
# counterparties, reconcile, send accounting the invoices it lacks, and export the reports.
#
#   cd examples && mkdir -p outbox
#   sverka run monthly-close.sv --workspace close.db --set as_of=2026-11-30 --log close.jsonl
#
# Run it every night from cron or a systemd timer (see the README); a second run over the same
# exports loads nothing (unchanged files are skipped) and sends nothing twice (the journal).

# The evening the exports were taken: deals closed, invoices issued and payments made later wait for the next run.
param as_of date default today()

load "data/clients.csv" as clients
load "data/deals.csv" as deals
load "data/counterparties.csv" as counterparties
load "data/invoices.csv" as invoices
load "data/payments.csv" as payments

map clients as crm.clients
map deals as crm.deals
map counterparties as acc.counterparties
map invoices as acc.invoices
map payments as acc.payments

match clients
reconcile as of $as_of

# Stop (exit code 3) before sending anything when the books disagree more than usual.
expect rows(mismatches) < 1000 else "more than 1000 mismatches: look before sending anything"

sync invoices as of $as_of apply to "outbox/invoices.csv"

export mismatches to "mismatches.xlsx"
export from mismatches | group kind (n = count(), diff = sum(diff)) | sort -n to "mismatch-summary.csv"
