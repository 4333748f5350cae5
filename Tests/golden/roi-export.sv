# The result is a table like any other: export it, load it back, and the figures are the same.
model integration
  gain   sales        from 10M to 10.5M
  saving order_hours  from 400 to 150 worth 1200
  saving data_errors  from 120 to 20  worth 3000
  cost   project      900k
  cost   licenses     15k per month
  discount 12%
end
roi integration vary cost.project from 500k to 2M step 250k
export roi to "/tmp/sverka-golden-roi.xlsx"
export roi to "/tmp/sverka-golden-roi.csv"
load "/tmp/sverka-golden-roi.csv" as roi_back
from roi | group (n = count(), cost = sum(total_cost), net = sum(net_effect), npv = sum(npv))
from roi_back | group (n = count(), cost = sum(total_cost), net = sum(net_effect), npv = sum(npv))
roi integration
export roi_lines to "/tmp/sverka-golden-roi-lines.json"
describe roi
