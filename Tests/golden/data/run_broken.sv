print "never saved"
from deals | where (
