# load api: an unknown preset is refused before anything is sent, with the closest name and the list.
on error continue
load api "http://127.0.0.1:9/api/v4/leads" as leads with (preset: "amo", token_env: "HOME")
load api "http://127.0.0.1:9/rest/crm.deal.list.json" as deals with (preset: "bitrix")
load api "http://127.0.0.1:9/odata/standard.odata/Catalog_Контрагенты" as counterparties with (preset: "sap")
