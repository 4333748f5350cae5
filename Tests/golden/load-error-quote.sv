load "data/load-quote.csv" as q
