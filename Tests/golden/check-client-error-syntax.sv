# A name with spaces needs quotes.
check client ООО Ромашка
