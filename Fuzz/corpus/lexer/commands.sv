# The data and query commands.
load "data/deals.csv" as deals
load "data/clients.csv" as clients with (types: (tax_id: text, client_id: integer))
tables
describe clients
explain from deals | where amount > 1M and stage == "won" | group region (n = count()) | sort -n | take 5
sql "select count(*) as n, sum(amount) as minor_units from deals"
let big = from deals | where amount > 1M
tables
drop big
print rows(deals)
print "итого: " + text(1250000.50)
expect rows(deals) == 9 else "nine deals expected"
set format csv
from clients | select client_id, tax_id | take 3
set format json
from deals | select deal_id, amount, closed_at, big = amount > 1M | take 2
set format markdown
from deals | select deal_id, region, amount | take 2
set format table
set maxrows 4
from deals | select deal_id, amount
