# An option the format cannot honour is an error, not silently ignored.
load "data/deals.csv" as deals
export deals to "/tmp/sverka-golden-export-deals.json" with (delimiter: ";")
