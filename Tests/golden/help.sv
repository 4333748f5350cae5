help
help load
help group
help functions
