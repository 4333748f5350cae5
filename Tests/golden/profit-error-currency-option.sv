profit by client with (currency: "12")
