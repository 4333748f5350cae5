print "not printed: a script with a syntax error runs nothing"
test deals.deal_id
test deals.deal_id unique not null
test deal_id unique
test deals.deal_id unique fail if 5
test deals.stage in ()
test deals.stage in "won"
test deals.amount between 0 fail if > 1
test deals.deal_id unique warn if > 1 warn if > 2
test deals.deal_id references deals
