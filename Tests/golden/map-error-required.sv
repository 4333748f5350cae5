# A table without the required columns: the error lists them, the columns, and the syntax.
load "data/map_sales_ru.csv" as sales
map sales as acc.invoices
print "not reached"
