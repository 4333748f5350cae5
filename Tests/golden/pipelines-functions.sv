# Functions and edge cases on both engines (see pipelines-steps.sv): text, dates, exact money,
# rounding, division by zero, conversions from text. Both engines must print exactly this.
load "data/clients.csv" as clients
load "data/deals.csv" as deals

from deals | select deal_id, up = upper(manager), low = lower(region), len = length(region), part = substr(product_sku, 5), sku = replace(product_sku, "SKU-", "#") | sort deal_id
from clients | select client_id, has_ooo = contains(name, "ООО"), starts = starts_with(name, "ООО"), ends = ends_with(email, ".ru"), tail = ends_with(name, ""), label = concat(name, " / ", tax_id) | sort client_id
from deals | select deal_id, y = year(created_at), m = month(created_at), d = day(created_at), q = quarter(created_at), wd = weekday(created_at), ym = yearmonth(created_at) | sort deal_id
from deals | select deal_id, due = created_at + 30, back = created_at - 7, plus = add_days(created_at, 45), months = add_months(created_at, 1), som = start_of_month(created_at), eom = end_of_month(created_at), soy = start_of_year(created_at) | sort deal_id
from deals | select deal_id, days = days_between(created_at, closed_at), diff = closed_at - created_at | sort deal_id
from deals | select deal_id, jan31 = add_months(@2026-01-31, 1), leap = add_months(@2024-02-29, 12), dec = add_months(@2026-12-31, -10) | take 1
from deals | select deal_id, amount, r0 = round(amount), r1 = round(amount, 1), fl = floor(amount), ce = ceil(amount), neg = -amount, ab = abs(-amount) | sort deal_id
from deals | select deal_id, negr = round(-amount, 1), negf = floor(-amount), negc = ceil(-amount) | sort deal_id
from deals | select deal_id, ratio = amount / 3, per = round(amount / 7, 4), zero = amount / 0, zi = deal_id / 0, m = deal_id % 7, mz = deal_id % 0 | sort deal_id
from deals | select deal_id, as_text = text(amount), as_num = number(amount), as_int = int(amount), big = text(amount > 1000), cents = amount * 100 | sort deal_id
from deals | select deal_id, x = least(amount, 1000), y = greatest(amount, 1000), c = coalesce(closed_at, created_at), nul = nullif(stage, "won"), kind = if(amount >= 1M, "big", "small") | sort deal_id
from deals | select deal_id, half_up = round(2.5), half_neg = round(-2.5), real_half = round(number("2.5")), real_round = round(number("0.125"), 2), trunc = int(number("-2.7")) | take 1
from deals | select deal_id, d1 = date("2026-02-28"), d2 = date("01.03.2026"), m1 = decimal("1 234,50"), m2 = decimal("1,234.5"), m3 = decimal("7"), m4 = decimal("-0,125", 2) | take 1
from deals | derive txt = text(amount) | select deal_id, back = decimal(txt), bad = decimal(stage), dt = date(text(created_at)), nodate = date(stage) | sort deal_id
from deals | derive t = text(deal_id) | select deal_id, num = number(t), i = int(t), junk = number(stage) | sort deal_id | take 3
from deals | group currency (total = sum(amount), mean = avg(amount), n = count(closed_at), ids = sum(deal_id), avg_id = avg(deal_id)) | sort currency
from deals | where closed_at > "2026-06-01" and amount between 10 and 1M | select deal_id | sort deal_id
from deals | where not (stage in ("won", "lost")) or closed_at == null | select deal_id | sort deal_id
from deals | select deal_id, today_ok = today() > @2020-01-01, flag = amount > 100 and stage != "lost" | where flag | sort -deal_id
