# What raw SQL may not do; every refusal changes nothing.
on error continue
load "data/test_deals.csv" as deals
sql "delete from deals"
sql "create table t (a)"
sql write "delete from _sverka_tables"
sql write "create table _sverka_mine (a)"
sql write "drop table deals"
sql write "alter table deals add column note text"
sql write "create trigger t after insert on deals begin select 1; end"
sql "begin"
sql write "commit"
sql "attach 'other.db' as other"
sql "pragma foreign_keys = on"
sql "pragma table_info(deals)"
sql write "update deals set amount = 1; update deals set amount = 2"
sql write "update nowhere set a = 1"
sql "select count(*) as rows_left from deals"
