# master takes a field of the model and crm or accounting.
master clients.email = crm
master clients.emal = crm
