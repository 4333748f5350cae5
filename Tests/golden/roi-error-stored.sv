# The model reads its numbers when it runs: when the data it read is gone, the caret is under
# the model's own text, as the workspace keeps it.
sql write "create table errs as select 1 as id union all select 2"
model integration
  gain   sales        from 10M to 10.5M
  saving data_errors  from rows(errs) to 0 worth 3000
  cost   project      900k
end
roi integration
drop errs
roi integration
