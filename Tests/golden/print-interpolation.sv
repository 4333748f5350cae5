# print "…{$name}…": each variable shown as a table cell shows it.
load "data/test_deals.csv" as deals
let n = rows(deals)
let total = 1250000.50
let as_of = @2026-11-30
let region = "Север"
let nothing = null
let ставка = 20%
print "{$n} deals, {$total} in total, as of {$as_of}"
print "region: { $region }, missing: {$nothing}, rate: {$ставка}"
print "braces: {{$n}} and }} stay; \"quotes\" and a\ttab"
print 'single quotes too: {$n}'
print "no placeholders at all"
print $total
print rows(deals) * 2
