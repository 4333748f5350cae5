# An option profit does not take: the error points at it and suggests the one meant.
profit by client with (revenu: "invoices")
