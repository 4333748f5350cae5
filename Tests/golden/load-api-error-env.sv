# load api: credentials read from the environment must be there; the message says how to set them.
on error continue
load api "http://127.0.0.1:9/api/v4/leads" as leads with (preset: "amocrm", token_env: "SVERKA_GOLDEN_SURELY_UNSET")
load api "http://127.0.0.1:9/odata/standard.odata/Catalog_Контрагенты" as c with (preset: "1c", user_env: "SVERKA_GOLDEN_NO_USER", password_env: "HOME")
load api "http://127.0.0.1:9/api/v4/leads" as leads with (token_env: "not a name")
