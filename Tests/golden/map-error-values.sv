# Text that is not an amount stops the mapping, with the rows that hold it; nothing is stored.
load "data/map_sales_ru.csv" as sales
map sales as crm.deals (id = `Номер`, amount = `Сумма текстом`)
print "not reached"
