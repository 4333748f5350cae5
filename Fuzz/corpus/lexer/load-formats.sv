# Locale formats found per column, and the note each decision leaves.
load "data/load-formats.csv" as f
from f
describe f
