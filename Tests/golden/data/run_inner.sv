# Included by runs-scripts.sv: its variables and tables carry on in the including script.
let inner_total = 41 + 1
load "recon_deals.csv" as inner_deals
print "inner ran"
