profit by client with (allocate: "cost")
