# A second load of the same file with the same options is skipped; force or new options reload.
load "data/load-iso.csv" as deals
load "data/load-iso.csv" as deals
load "data/load-iso.csv" as deals with (force: true)
load "data/load-iso.csv" as deals with (types: (id: text))
load "data/load-iso.csv" as deals with (types: (id: text))
describe deals
