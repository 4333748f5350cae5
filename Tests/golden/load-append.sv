# append adds rows: columns matched by name, a whole amount widened to money, in one transaction.
load "data/load-iso.csv" as deals
append "data/load-more.csv" to deals
from deals | group (total = sum(amount), n = count())
load "data/load-iso.csv" as deals
