load "data/deals.csv" as deals
from deals | where amount > "many"
