help map
help roles
help decimal
