# sql reads; sql write changes the workspace in one transaction and says how much.
load "data/test_deals.csv" as deals
sql "select count(*) as won from deals where stage = 'won'"
sql write "update deals set stage = 'won' where stage = 'Won'"
sql write "delete from deals where amount is null"
sql write "insert into deals (deal_id, stage, amount) values ('D8', 'open', 99900) returning deal_id, amount"
sql write "create table won_deals as select deal_id, amount from deals where stage = 'won'"
sql write "create index won_deals_id on won_deals (deal_id)"
from won_deals | sort deal_id
sql write "drop table won_deals"
# A table changed by sql write is reloaded by the next load, even of an unchanged file.
load "data/test_deals.csv" as deals
from deals | group stage (n = count()) | sort stage
