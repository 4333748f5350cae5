# Asked to be UTF-8, Windows-1251 bytes are an error that shows them in hex, never mojibake.
load "data/load-1c.csv" as onec with (encoding: "utf-8")
