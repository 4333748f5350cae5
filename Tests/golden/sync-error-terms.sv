# terms is a whole number of days.
sync invoices with (terms: "two weeks")
