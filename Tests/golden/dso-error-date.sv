# 'from' takes a date.
dso from "September" to @2026-11-30
