# A value an option does not take: the error points at the value and lists the choices.
profit by client with (revenue: "orders")
