# UTF-16 (little-endian, with a byte order mark), tab-separated.
load "data/load-utf16.txt" as u
from u | group (total = sum(amount), n = count())
describe u
