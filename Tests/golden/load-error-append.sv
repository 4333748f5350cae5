# A column whose type does not fit the table's stops the append; nothing is added.
load "data/load-iso.csv" as deals
append "data/load-more-bad.csv" to deals
