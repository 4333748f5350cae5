# load api: a token or password written into the statement is refused, and never shown.
on error continue
load api "http://127.0.0.1:9/api/v4/leads" as leads with (preset: "amocrm", token: "abc123def456ghi")
load api "http://127.0.0.1:9/odata/standard.odata/Catalog_Контрагенты" as c with (preset: "1c", user: "buh", password: "hunter2-hunter2")
load api "http://127.0.0.1:9/api/v4/leads" as leads with (token_env: "HOME", token_file: "~/.amo")
