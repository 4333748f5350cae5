# export never creates folders: the error points at the path.
load "data/deals.csv" as deals
export deals to "no-such-folder/deals.csv"
