# export … with (mask: true) in every format, each file read back; `set mask on` masks exports
# without the option, and an explicit mask: false is obeyed and said.
load "data/mask_clients.csv" as contacts
export contacts to "/tmp/sverka-golden-mask.csv" with (mask: true)
load "/tmp/sverka-golden-mask.csv" as back_csv
from back_csv
export contacts to "/tmp/sverka-golden-mask.tsv" with (mask: true)
load "/tmp/sverka-golden-mask.tsv" as back_tsv
from back_tsv | select Почта, Телефон, ИНН, Комментарий
export contacts to "/tmp/sverka-golden-mask.json" with (mask: true)
load "/tmp/sverka-golden-mask.json" as back_json
from back_json | select Почта, Телефон, ИНН
export contacts to "/tmp/sverka-golden-mask.ndjson" with (mask: true)
load "/tmp/sverka-golden-mask.ndjson" as back_ndjson
from back_ndjson | select Почта, Телефон, ИНН
export contacts to "/tmp/sverka-golden-mask.xlsx" with (mask: true)
load "/tmp/sverka-golden-mask.xlsx" as back_xlsx
from back_xlsx | select Почта, ИНН, Комментарий
export contacts to "/tmp/sverka-golden-mask.md" with (mask: "names")
# The session's setting masks an export that says nothing, names included at `names`.
map contacts as crm.clients
set mask names
export crm.clients to "/tmp/sverka-golden-mask-session.csv"
set mask off
load "/tmp/sverka-golden-mask-session.csv" as back_session
from back_session | select name, email, phone, manager
set mask on
export contacts to "/tmp/sverka-golden-mask-raw.csv" with (mask: false)
set mask off
load "/tmp/sverka-golden-mask-raw.csv" as back_raw
from back_raw | select Почта, Телефон | take 2
