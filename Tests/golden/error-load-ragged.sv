load "data/ragged.csv" as r
