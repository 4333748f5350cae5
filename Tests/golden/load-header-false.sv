# No header: columns c1, c2, …; the separator and the decimal comma are found anyway.
load "data/load-header-false.csv" as h with (header: false, types: (c2: text))
from h
