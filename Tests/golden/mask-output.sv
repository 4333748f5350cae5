# set mask: e-mails, phones and individuals' tax ids masked in every output format; names too
# with `set mask names`; off shows the data again.
load "data/mask_clients.csv" as contacts
from contacts
set mask on
from contacts
set format csv
from contacts
set format json
from contacts | select Код, Почта, Телефон, Комментарий | take 2
set format markdown
from contacts | select Код, ИНН, Телефон
set format table
# Mapped roles say which columns are personal: Ответственный is the clients' manager, a person.
map contacts as crm.clients
set mask names
from crm.clients | select id, name, tax_id, manager
from contacts | select Наименование, Ответственный
# A query's own renamed column is judged by its values alone.
from contacts | select who = Ответственный, mail = Почта | take 1
set mask off
from crm.clients | select id, email, phone, manager | take 2
