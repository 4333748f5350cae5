# sync proposes invoices or statuses; a script with a syntax error runs nothing.
master clients.email = crm
sync payments
