# Every pipeline step (this was steps.sv), each result in a defined order: this script also runs against PostgreSQL
# (EndToEndTests/DialectGoldenTests: the tables copied to the server, `from deals` read as
# `from wh.deals`), and both engines must print exactly this.
load "data/clients.csv" as clients
load "data/deals.csv" as deals

from deals | where stage == "won" and amount >= 1000 | select deal_id, amount | sort deal_id
from deals | where stage = "won" | select deal_id, vat = round(amount * 20%, 2), half = amount / 2 | sort deal_id
from deals | derive days = closed_at - created_at, big = amount > 1M | select deal_id, days, big | sort deal_id | take 4
from deals | join clients on deals.client_id == clients.client_id | select deal_id, clients.name, amount | sort deal_id | take 3
from deals | left join clients using (client_id) | where name is null | select deal_id, client_id, name | sort deal_id
from deals | group region (revenue = sum(amount), deals = count(), average = avg(amount)) | sort -revenue
from deals | group (total = sum(amount), won = count(), largest = max(amount), first = min(created_at))
from deals | sort -amount, deal_id | take 3 | select deal_id, amount
from deals | select region | distinct | sort region
from deals | where deal_id < 103 | select deal_id, stage | append (from deals | where deal_id > 108 | select deal_id, stage) | sort deal_id
from deals | group stage (n = count()) | where n > 1 | sort stage
from deals | where region in ("Казань", "Москва") and closed_at between @2026-01-01 and @2026-06-30 | select deal_id | sort deal_id
from deals | where closed_at is null | select deal_id, stage | sort deal_id
from deals | where closed_at == null | select deal_id | sort deal_id
from deals
  | where stage == "won"
  | group month = yearmonth(closed_at) (revenue = sum(amount))
  | sort month
let won = from deals | where stage == "won"
from won | join clients on won.client_id == clients.client_id | group clients.name (revenue = sum(won.amount)) | sort -revenue | take 2
let threshold = 1.5k
from deals | where amount > $threshold | group (n = count())
let n = rows(deals)
print "{$n} deals"
from deals | group manager (clients = count_distinct(client_id), first = min(created_at), last = max(closed_at)) | sort manager
from deals | sort closed_at, deal_id | select deal_id, closed_at
from deals | sort -closed_at, deal_id | select deal_id, closed_at
from clients | sort tax_id, client_id | select client_id, tax_id
from deals | select deal_id, `client_id`, up = upper(manager), yr = year(created_at), q = quarter(created_at), due = created_at + 30 | sort deal_id | take 2
from deals | select deal_id, label = if(amount > 1M, "big", "small"), cur = coalesce(closed_at, created_at) | sort deal_id | take 3
