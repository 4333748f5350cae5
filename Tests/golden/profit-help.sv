help profit
