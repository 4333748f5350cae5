let x = 1_000_000 + 12.50 * 1.5k - 2M / 20%
from t | where d >= @2026-11-30T14:05 and `Сумма с НДС` != $x <> 3
print 'it''s "quoted" \n {$x}'
select "unterminated
