# The issue's acceptance, as a new user would type it. Effects 500,000 + 300,000 + 300,000 =
# 1,100,000 a year; costs over 12 months 900,000 + 15,000 × 12 = 1,080,000; ROI 20,000 /
# 1,080,000 = 1.9%; the cumulative effect (91,666.67 a month) first covers the cumulative cost
# (900,000 + 15,000 a month) at the end of month 12.
model integration
  gain   sales        from 10M to 10.5M
  saving order_hours  from 400 to 150 worth 1200
  saving data_errors  from 120 to 20  worth 3000
  cost   project      900k
  cost   licenses     15k per month
  horizon 12 months
  discount 12%
end
roi integration
let accepted = from roi | where total_effect == 1100000 and total_cost == 1080000 and roi_pct == 1.9 and payback_month == 12
expect rows(accepted) == 1 else "the issue's figures"
# vary the project cost: 500k, 750k, … 2M is 7 rows; ROI is 0 at 1,100,000 − 180,000 = 920,000.
roi integration vary cost.project from 500k to 2M step 250k
expect rows(roi) == 7 else "seven rows"
# Without the licences line and without a discount: (1,100,000 − 900,000) / 900,000 = 22.2%.
model integration
  gain   sales        from 10M to 10.5M
  saving order_hours  from 400 to 150 worth 1200
  saving data_errors  from 120 to 20  worth 3000
  cost   project      900k
end
roi integration
let accepted_too = from roi | where roi_pct == 22.2 and npv == null
expect rows(accepted_too) == 1 else "22.2% and no NPV"
