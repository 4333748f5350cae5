# load api: only http and https URLs, naming a server, with no password inside.
on error continue
load api "ftp://127.0.0.1/exports/leads.json" as leads
load api "file:///tmp/leads.json" as leads
load api "127.0.0.1/api/v4/leads" as leads
load api "https://bot:s3cr3t-pass@127.0.0.1:9/api/v4/leads" as leads
