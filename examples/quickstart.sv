# sverka quickstart: load a CRM export and an accounting export, and ask them questions.
# Run it with scripts/demo (which generates examples/data first), or:
#   sverka run examples/quickstart.sv

load "data/clients.csv" as clients
load "data/deals.csv" as deals
load "data/invoices.csv" as invoices
load "data/payments.csv" as payments

# What the loader made of the deals export: types, nulls, examples.
describe deals

# Revenue by region from won deals, largest first.
from deals
  | where stage == "won"
  | group region (revenue = sum(amount), deals = count(), average = avg(amount))
  | sort -revenue

# The ten best clients, with their names from the CRM.
let won = from deals | where stage == "won"
from won
  | join clients on won.client_id == clients.client_id
  | group clients.client_id, clients.name (revenue = sum(amount), deals = count())
  | sort -revenue
  | take 10

# Months of 2026 by revenue.
from won
  | where closed_at >= @2026-01-01
  | group month = yearmonth(closed_at) (revenue = sum(amount))
  | sort month

# Invoiced against paid, exactly to the kopeck.
from invoices | group (invoiced = sum(amount), invoices = count())
from payments | group (paid = sum(amount), payments = count())

# Invoices that no payment refers to, oldest first.
from invoices
  | left join payments on invoices.invoice_id == payments.invoice_id
  | where payments.payment_id is null
  | select invoices.invoice_id, number, invoices.amount, issue_date, due_date
  | sort issue_date
  | take 5

# Map both exports onto one model, link clients to counterparties, and list every disagreement.
load "data/counterparties.csv" as counterparties
map clients as crm.clients
map deals as crm.deals
map counterparties as acc.counterparties
map invoices as acc.invoices
map payments as acc.payments
match clients
reconcile
from mismatches | where kind == "amount_mismatch" | select deal_id, invoice_id, crm_amount, acc_amount, diff | sort -diff | take 5

# What accounting lacks: an invoice for each won deal without one (nothing is sent until `apply`).
sync invoices

# Which clients make money: won deals against the costs billed through their counterparties.
load "data/costs.csv" as costs
map costs as acc.costs
set maxrows 8
profit by client
set maxrows 40
from profit | where client_id is not null | sort -margin | take 5

# Who owes what on the last evening of November, by how long it is overdue.
aging as of @2026-11-30
chart bar outstanding by bucket from aging | where bucket != "total"

# A script stops (exit code 3) when its figures do not tie out.
expect rows(deals) > 0 else "the deals export is empty"
print "quickstart finished"
