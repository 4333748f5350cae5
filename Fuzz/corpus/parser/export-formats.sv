# export: each format; the csv is loaded back and must give the same totals.
load "data/deals.csv" as deals
load "data/clients.csv" as clients with (types: (tax_id: text, client_id: integer))
export deals to "/tmp/sverka-golden-export-deals.csv"
load "/tmp/sverka-golden-export-deals.csv" as deals_back
from deals | group (n = count(), total = sum(amount), first = min(closed_at))
from deals_back | group (n = count(), total = sum(amount), first = min(closed_at))
let won = from deals | where stage == "won" | select deal_id, amount, closed_at
export won to "/tmp/sverka-golden-export-won.tsv"
export from deals | where stage == "won" | select deal_id, region, amount to "/tmp/sverka-golden-export-won.json"
export clients to "/tmp/sverka-golden-export-clients.ndjson"
export from deals | sort -amount | take 1 to "/tmp/sverka-golden-export-top.md"
export deals to "/tmp/sverka-golden-export-deals.xlsx"
export won to "/tmp/sverka-golden-export-1c.csv" with (encoding: "windows-1251", decimal: ",", date: "dd.MM.yyyy")
export from deals | where amount < 0 to "/tmp/sverka-golden-export-none.json"
help export
