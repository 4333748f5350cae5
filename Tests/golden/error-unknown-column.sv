load "data/deals.csv" as deals
from deals | where amont > 1
print "not reached"
