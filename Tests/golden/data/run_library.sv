# A library script: it reads the variables of the session that runs it.
print "library script ran"
print $limit * 10
