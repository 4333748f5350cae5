let total = 10
print "before"
print "total: {$totl}"
print "not reached"
