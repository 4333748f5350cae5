# The same deals as 1C writes them: Windows-1251, semicolons, CRLF, dd.MM.yyyy, 12 345,67
# with no-break spaces, (0,01) for a negative, да/нет. Same types, same exact total.
load "data/load-iso.csv" as iso
load "data/load-1c.csv" as onec
describe onec
from onec | group (total = sum(`Сумма`), n = count())
sql "select (select sum(amount) from iso) = (select sum(\"Сумма\") from onec) as same_total"
expect rows(onec) == rows(iso) else "both files hold five deals"
