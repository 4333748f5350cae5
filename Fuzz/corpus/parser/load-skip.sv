# Bad rows set aside: a value its column cannot hold, rows with too many or too few fields.
load "data/load-typo.csv" as deals with (on_error: "skip")
from deals_rejects
load "data/load-ragged.csv" as r with (on_error: "skip", max_errors: 5)
from r
from r_rejects
