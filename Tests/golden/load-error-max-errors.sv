load "data/load-ragged.csv" as r with (max_errors: 1)
