load "data/deals.csv" as deals
expect rows(deals) == 10 else "ten deals expected"
print "not reached"
