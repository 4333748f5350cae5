# chart: mistakes the parser catches before anything runs (every one is reported).
chart bar amount by region deals
chart bar amount by region
chart pie amount by region from deals
chart bar by region from deals
