# UTF-8 text, then Windows-1251 bytes: a file of mixed encodings.
load "data/load-mixed.csv" as m
