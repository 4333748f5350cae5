# load api: a misspelt 'api' is taken for a file path without quotes; the usage shows both forms.
load apu "http://127.0.0.1:9/items" as items
