load "data/deals.csv" as deals
from deals | select total = sum(amount)
