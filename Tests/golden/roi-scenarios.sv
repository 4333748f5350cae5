# Scenarios: named sets of overrides kept with the model, shown side by side in the order
# defined; one can be run alone, varied, and redefined in place.
model integration
  gain   sales        from 10M to 10.5M
  saving order_hours  from 400 to 150 worth 1200
  saving data_errors  from 120 to 20  worth 3000
  cost   project      900k
  cost   licenses     15k per month
end
scenario pessimistic of integration (cost.project = 1.2M, data_errors.to = 60, sales.to = 10.2M)
scenario base of integration
scenario optimistic of integration (cost.project = 800k, sales.to = 11M)
roi integration scenarios
from roi | select scenario, net_effect, roi_pct
roi integration scenario pessimistic
roi integration scenario optimistic vary cost.licenses from 0 to 30k step 15k
scenario pessimistic of integration (cost.project = 1.1M)
roi integration scenarios with (horizon = 24)
