# The six exports of scripts/gen-data (--deals 30), each mapped with the defaults only.
load "data/map_clients.csv" as clients
load "data/map_deals.csv" as deals
load "data/map_counterparties.csv" as counterparties
load "data/map_invoices.csv" as invoices
load "data/map_payments.csv" as payments
load "data/map_costs.csv" as costs
map clients as crm.clients
map deals as crm.deals
map counterparties as acc.counterparties
map invoices as acc.invoices
map payments as acc.payments
map costs as acc.costs
roles
describe crm.deals
# The roles read like tables; ids are text on both sides, money stays exact.
from crm.deals | group stage (deals = count(), amount = sum(amount)) | sort stage
from acc.invoices | join acc.counterparties on invoices.counterparty_id == counterparties.id
  | select invoices.id, counterparties.name, invoices.amount | sort -amount | take 3
expect rows(crm.deals) == 30 else "thirty deals"
