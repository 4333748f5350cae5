# The help pages of the reconciliation and sync commands.
help reconcile
help sync
help master
help journal
