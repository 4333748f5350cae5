# What-if without editing the model: overrides for one run, from expressions and variables;
# the model itself stays as written.
model integration
  gain   sales        from 10M to 10.5M
  saving order_hours  from 400 to 150 worth 1200
  saving data_errors  from 120 to 20  worth 3000
  cost   project      900k
  cost   licenses     15k per month
end
# Errors down to 40 save (120 − 40) × 3,000 = 240,000; cost 1,200,000 + 180,000.
roi integration with (cost.project = 1.2M, data_errors.to = 40)
let hourly = 1500
roi integration with (order_hours.worth = $hourly, horizon = 24, discount = 10%)
roi integration
from roi | select model, total_cost, roi_pct
