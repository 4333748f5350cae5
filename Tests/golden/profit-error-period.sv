# A period that ends before it starts.
profit by client from @2026-06-01 to @2026-01-01
