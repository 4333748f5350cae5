# A negative horizon is refused under the number that gives it.
model short
  gain sales from 10M to 10.5M
  cost project 900k
  horizon -3 months
end
