load "data/load-iso.csv" as deals with (on_eror: "skip")
