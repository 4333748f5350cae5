# report: mistakes the parser catches before anything runs.
report forecast
report sales by
report kpi as of
