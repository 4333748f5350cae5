# Mistakes in model blocks are syntax errors: the whole script is checked first and nothing runs.
print "not run"
model a
  gain sales 10M to 10.5M
  cost project 900k
end
model b
  savng hours from 400 to 150
  cost project 900k per week
end
model c
  saving hours from 400 to 150 worth 1200 worth 1300
  cost project from 1 to 2
end
model show a
end
model d
  gain sales from 10M to 10.5M
  cost project 900k
roi d
