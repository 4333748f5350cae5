# by is required and takes one of client, product, manager, region.
profit
