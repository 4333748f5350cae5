# 'as of' takes a date.
reconcile as of "end of month"
