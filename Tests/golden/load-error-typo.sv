# 1,999 amounts and one typo on line 1501: the column stays money, the typo stops the load,
# and the table loaded before is unchanged.
load "data/load-iso.csv" as deals
load "data/load-typo.csv" as deals
