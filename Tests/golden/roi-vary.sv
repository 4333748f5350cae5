# Sensitivity: one input over a range (up or down), the horizon, the discount, and two inputs
# at once; each prints its break-even.
model integration
  gain   sales        from 10M to 10.5M
  saving order_hours  from 400 to 150 worth 1200
  saving data_errors  from 120 to 20  worth 3000
  cost   project      900k
  cost   licenses     15k per month
  discount 12%
end
roi integration vary cost.licenses from 30k to 0 step 10k
roi integration vary horizon from 6 to 24 step 6
roi integration vary discount from 0% to 20% step 5%
# Two inputs: ROI % in a grid, every figure of each pair in table roi.
roi integration vary cost.project from 500k to 1.5M step 250k vary data_errors.to from 0 to 60 step 20
from roi | where cost_project == 1000000 | select cost_project, data_errors_to, net_effect, roi_pct
