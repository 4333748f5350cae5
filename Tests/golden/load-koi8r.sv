# KOI8-R is never guessed: the option says so. The rows match the Windows-1251 file's.
load "data/load-koi8.csv" as koi with (encoding: "koi8-r")
load "data/load-1c.csv" as onec
sql "select count(*) as differing from (select * from koi except select * from onec)"
from koi | select `Клиент`, `Сумма`, `Дата` | take 2
