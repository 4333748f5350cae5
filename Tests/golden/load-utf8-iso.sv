# UTF-8, commas, ISO dates, decimal points: every note is plain, so load prints one line.
load "data/load-iso.csv" as deals
describe deals
from deals | group (total = sum(amount), n = count())
