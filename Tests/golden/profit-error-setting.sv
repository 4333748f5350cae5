# A base currency is a code of letters.
set currency 12
