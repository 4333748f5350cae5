# Scripts that run other scripts, typed parameters, the error policy and the script library.
param as_of date default @2026-11-30
param limit integer default 2
print $as_of
print $limit + 1
# An included script is found beside this one's folder first; its variables carry on.
run "data/run_inner.sv"
print $inner_total
from inner_deals | group (n = count())
# The library: save, list by name, run by name, show, remove.
script save daily from "data/run_library.sv"
run daily
script show daily
script rm daily
# on error continue: the failure is reported, the script goes on.
on error continue
from no_such_table
print "went on after the failure"
# What this run did, from the bookkeeping tables (times and users left out).
sql "select script, status, dry_run from _sverka_runs"
sql "select seq, line, status, error is not null as failed from _sverka_run_statements order by seq"
sql "select statement, tables, rows from _sverka_audit order by seq"
# sql write is audited even when it changes no row.
sql write "create index inner_deals_stage on inner_deals(stage)"
sql "select statement, tables, rows from _sverka_audit where statement like 'sql write%'"
