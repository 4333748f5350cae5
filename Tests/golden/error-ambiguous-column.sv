load "data/deals.csv" as deals
load "data/clients.csv" as clients
from deals | join clients using (client_id) | select region
