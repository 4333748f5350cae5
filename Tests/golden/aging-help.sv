# The help pages of the receivables commands.
help aging
help dso
help alerts
help check
