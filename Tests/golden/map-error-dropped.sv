# A role whose table is dropped says so in roles, and reading it fails clearly.
load "data/map_deals.csv" as deals
map deals as crm.deals
drop deals
roles
from crm.deals | take 1
