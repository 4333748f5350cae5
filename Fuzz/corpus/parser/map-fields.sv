# Named fields, expressions, stage lists and values read as null; mapping again replaces.
load "data/map_sales_ru.csv" as sales
map sales as crm.deals (id = `Номер`, amount = `Цена` * `Кол-во`) with (won: ("Сделка заключена", "Оплачено"), lost: ("Клиент отказался"))
from crm.deals | select id, client_id, amount, stage, stage_raw, created_at
map sales as crm.deals (id = `Номер`, amount = `Сумма текстом`) with (on_error: "null")
from crm.deals | select id, amount
roles
describe crm.deals
