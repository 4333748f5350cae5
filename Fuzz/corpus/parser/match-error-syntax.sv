# A link without 'to counterparty' is a syntax error: nothing runs.
print "not printed"
link client 1 counterparty К-001
