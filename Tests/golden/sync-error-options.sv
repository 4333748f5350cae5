# File options need a file to apply to.
sync invoices with (terms: 30, encoding: "windows-1251")
