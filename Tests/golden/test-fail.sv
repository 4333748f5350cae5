# A test over its fail threshold stops the script with exit code 3, like expect.
load "data/test_deals.csv" as deals
test deals.client_id not null fail if > 1
let limit = 1
test deals.deal_id unique fail if > $limit
print "not reached"
