profit by customer
