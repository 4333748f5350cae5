load "data/deals.csv" as t
load "data/bad_amount.csv" as t with (types: (amount: money))
