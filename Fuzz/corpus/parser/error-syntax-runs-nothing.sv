print "this must not print: the script has a syntax error below"
from deals | wher amount > 1
