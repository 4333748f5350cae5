# export needs 'to "PATH"'; a syntax error runs nothing.
load "data/deals.csv" as deals
export from deals | where amount > 1M
