"""Resolution of detected temporal expressions to calendar values, relative to a reference (publication) day.

Values follow TIMEX3/ISO 8601: ``2025-11-10`` (day), ``2025-W45`` (week), ``2025-11`` (month), ``2025``
(year), ``199`` (decade: the 1990s); durations are ISO 8601 durations (``P180D``, ``P11M``, ``PT24H``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from rasd.model import TimexPrecision
from rasd.time.detect import Mention
from rasd.time.hijri import hijri_month_to_gregorian, hijri_to_gregorian, hijri_year_of
from rasd.time.lexicon import (
    CARDINALS,
    DECADES,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    ORDINAL_DAYS,
    TENSE_WORDS,
    UNITS,
    WEEKDAYS,
)

Resolution = tuple[str | None, TimexPrecision | None]

# A verb in the future (سيلتقي, ستعقد, سنواصل) or a word announcing a plan, in the clause before a bare
# weekday or a year-less date. The look-aheads keep out common nouns that start with س + ي/ت/ن/ا.
_FUTURE_CUE = re.compile(
    r"(?<!\w)(?:[وف]?س(?:ي(?!اس|طر|اد|ار|د|نا|ول|ف|ر|ن)|ت(?!ه(?!\w)|ين|ار|ر|ا)|ن(?!ه(?!\w)|و|ين|ت|ي|ا)"
    r"|ا(?!ع|بق|ح|ل|م|د|ي|ر|ب))\w{2,}"
    r"|سوف|المقرر|مقرر|مقررا|المتوقع|يتوقع|تتوقع|المرتقب|المرتقبه|مرتقب|مرتقبه|يعتزم|تعتزم|المزمع|يزمع|تزمع"
    r"|المنتظر|ينتظر|يرتقب)(?!\w)"
)


_CLAUSE_BREAK = re.compile(r"[\"«»“”:;]")


def is_future_context(before: str, after: str) -> bool:
    """True when the clause around an expression speaks of what is to come.

    The clause is cut at quotes and colons: a quotation has its own tense (سيتقاعد في آب، "لأنه فشل في ...").
    """
    clause = _CLAUSE_BREAK.split(before[-70:])[-1]
    return bool(_FUTURE_CUE.search(clause) or _FUTURE_CUE.match(after.lstrip(" ,")))


def _day_number(word: str) -> int | None:
    if word.startswith("ال") and word[2:].strip().isdigit():
        word = word[2:].strip()  # الـ7
    if word.isdigit():
        return int(word)
    return ORDINAL_DAYS.get(word)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _leaning(distance: int, future: bool) -> float:
    """Distance in days, doubled on the side the tense argues against: news mostly look back."""
    return abs(distance) * (2.0 if (distance > 0) != future and distance != 0 else 1.0)


def _nearest_year_for_day(month: int, day: int, ref: date, weekday: int | None, future: bool) -> date | None:
    """The year-less date nearest the reference (a matching weekday wins; past leaning unless future cue)."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    if weekday is not None and any(d.weekday() == weekday for d in options):
        options = [d for d in options if d.weekday() == weekday]
    if not options:
        return None
    return min(options, key=lambda d: _leaning((d - ref).days, future))


def _nearest_year_for_month(month: int, ref: date, future: bool) -> int:
    def distance(year: int) -> float:
        return _leaning((year * 12 + month) - (ref.year * 12 + ref.month), future)

    return min((ref.year - 1, ref.year, ref.year + 1), key=distance)


def _year_from_tense(month: int, day: int | None, ref: date, tense: int) -> int:
    """The year of a month (and day) said with الماضي / المقبل / الحالي."""
    year = ref.year
    if day is not None:
        candidate = _safe_date(year, month, day)
        if candidate is not None and tense < 0 and candidate > ref:
            return year - 1
        if candidate is not None and tense > 0 and candidate < ref:
            return year + 1
        return year
    if tense < 0 and month >= ref.month:
        return year - 1
    if tense > 0 and month <= ref.month:
        return year + 1
    return year


def _resolve_date(m: Mention, ref: date | None) -> Resolution:
    parts = m.parts
    month = GREGORIAN_MONTHS[parts["d_m"]]
    day = _day_number(parts["d_day"]) if "d_day" in parts else None
    precision: TimexPrecision = "day" if day else "month"
    explicit = parts.get("d_year") or parts.get("d_year2") or parts.get("d_ynext")
    if explicit:
        year = int(explicit)
    elif ref is None:
        return None, precision
    elif "d_ythis" in parts:
        year = ref.year
    elif "d_ytense" in parts:
        year = ref.year + TENSE_WORDS[parts["d_ytense"]]
    elif "d_tense" in parts:
        year = _year_from_tense(month, day, ref, TENSE_WORDS[parts["d_tense"]])
    else:
        future = is_future_context(m.before, m.after)
        if day is None:
            year = _nearest_year_for_month(month, ref, future)
        else:
            weekday = WEEKDAYS.get(parts["d_wd"]) if "d_wd" in parts else None
            found = _nearest_year_for_day(month, day, ref, weekday, future)
            return (found.isoformat(), "day") if found else (None, None)
    if day is None:
        return _month_value(year, month), "month"
    found = _safe_date(year, month, day)
    return (found.isoformat(), "day") if found else (None, None)


def _resolve_monthday(m: Mention, ref: date | None) -> Resolution:
    """السابع من الشهر الجاري: a day of the reference month (or of the month before or after)."""
    day = _day_number(m.parts["m_day"])
    if ref is None or day is None:
        return None, "day"
    shift = TENSE_WORDS.get(m.parts.get("m_tense", ""), 0)
    year, month = _shift_month(ref, shift)
    found = _safe_date(year, month, day)
    return (found.isoformat(), "day") if found else (None, None)


def _resolve_dayfirst(m: Mention, ref: date | None) -> Resolution:
    day = _day_number(m.parts["q_day"])
    if ref is None or day is None:
        return None, "day"
    month = GREGORIAN_MONTHS[m.parts["q_m"]]
    found = _nearest_year_for_day(month, day, ref, None, is_future_context(m.before, m.after))
    return (found.isoformat(), "day") if found else (None, None)


def _resolve_hijri(m: Mention, ref: date | None) -> Resolution:
    parts = m.parts
    month = HIJRI_MONTHS[parts["h_m"]]
    day = _day_number(parts["h_day"]) if "h_day" in parts else None
    if "h_year" in parts:
        year = int(parts["h_year"])
    elif ref is None:
        return None, "day" if day else "month"
    elif "h_ythis" in parts:
        year = hijri_year_of(ref)
    else:
        here = hijri_year_of(ref)
        tense = TENSE_WORDS.get(parts.get("h_tense", ""))

        def distance(y: int) -> float:
            gregorian = hijri_to_gregorian(y, month, day) if day else hijri_month_to_gregorian(y, month)
            offset = ((gregorian or ref) - ref).days
            if tense is not None and tense != 0 and (offset > 0) != (tense > 0):
                return float("inf")  # رمضان الماضي lies before the reference, المقبل after it
            return abs(offset)

        year = min((here - 1, here, here + 1), key=distance)
    if day is None:
        middle = hijri_month_to_gregorian(year, month)
        return _month_value(middle.year, middle.month), "month"
    found = hijri_to_gregorian(year, month, day)
    return (found.isoformat(), "day") if found else (None, None)


def _resolve_numeric(m: Mention) -> Resolution:
    parts = m.parts
    if "n_hy" in parts:
        found = hijri_to_gregorian(int(parts["n_hy"]), int(parts["n_hm"]), int(parts["n_hd"]))
        return (found.isoformat(), "day") if found else (None, None)
    if "n_y" in parts:
        year, month, day = int(parts["n_y"]), int(parts["n_m"]), int(parts["n_d"])
    else:
        year, month, day = int(parts["n_y2"]), int(parts["n_m2"]), int(parts["n_d2"])
    found = _safe_date(year, month, day)
    return (found.isoformat(), "day") if found else (None, None)


def _snap_to_weekday(anchor: date, weekday: int) -> date:
    """The day with ``weekday`` nearest ``anchor`` (a late-night article may say اليوم for yesterday)."""
    offset = (weekday - anchor.weekday() + 3) % 7 - 3
    return anchor + timedelta(days=offset)


_DEICTIC_OFFSETS = {
    "امس": -1,
    "الامس": -1,
    "البارحه": -1,
    "اول امس": -2,
    "اول من امس": -2,
    "امس الاول": -2,
    "اليوم": 0,
    "الليله": 0,
    "غدا": 1,
    "بعد غد": 2,
}


def _resolve_deictic(m: Mention, ref: date | None) -> Resolution:
    if ref is None:
        return None, "day"
    parts = m.parts
    offset = _DEICTIC_OFFSETS[parts["x_word"]]
    if "x_tense" in parts:
        offset += TENSE_WORDS[parts["x_tense"]]
    day = ref + timedelta(days=offset)
    if "x_wd" in parts:
        day = _snap_to_weekday(day, WEEKDAYS[parts["x_wd"]])
    return day.isoformat(), "day"


def resolve_weekday(weekday: int, ref: date, tense: int | None, future: bool) -> date:
    """The date of a weekday named in an article of day ``ref``.

    ``الماضي`` (tense -1) is the latest such day strictly before ``ref``, ``المقبل`` (+1) the first strictly
    after. A bare weekday is the latest on or before ``ref`` in past-tense context, the first on or after
    it in future-tense context: the same weekday as ``ref`` is ``ref`` itself.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if tense is not None and tense < 0:
        return ref - timedelta(days=back or 7)
    if tense is not None and tense > 0:
        return ref + timedelta(days=ahead or 7)
    if future:
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def _resolve_weekday(m: Mention, ref: date | None) -> Resolution:
    if ref is None:
        return None, "day"
    parts = m.parts
    tense = TENSE_WORDS[parts["w_tense"]] if "w_tense" in parts else None
    future = tense is None and is_future_context(m.before, m.after)
    return resolve_weekday(WEEKDAYS[parts["w_wd"]], ref, tense, future).isoformat(), "day"


def _resolve_relative(m: Mention, ref: date | None) -> Resolution:
    parts = m.parts
    unit = parts.get("r_unit") or parts.get("r_bare") or parts["r_this"].split()[-1]
    precision: TimexPrecision = {"الاسبوع": "week", "الشهر": "month"}.get(unit, "year")  # type: ignore[assignment]
    if ref is None:
        return None, precision
    shift = TENSE_WORDS[parts["r_tense"]] if "r_tense" in parts else 0
    if "r_year" in parts:
        return parts["r_year"], "year"  # العام الماضي 2017
    if precision == "week":
        return _week_value(ref + timedelta(days=7 * shift)), precision
    if precision == "month":
        return _month_value(*_shift_month(ref, shift)), precision
    return str(ref.year + shift), precision


def _count(number: str | None, inherent: int) -> int:
    if not number:
        return inherent or 1
    return int(number) if number.isdigit() else CARDINALS[number]


def _duration_value(unit: str, count: int) -> Resolution:
    if unit == "H":
        return f"PT{count}H", "duration"
    if unit == "X":
        return f"P{count * 10}Y", "duration"
    return f"P{count}{unit}", "duration"


def _resolve_duration(m: Mention) -> Resolution:
    """180 يوماً / شهرين / أسبوع واحد / اليومين الماضيين: a length of time, not a date."""
    parts = m.parts
    if "p_unit" in parts:
        unit, inherent = UNITS[parts["p_unit"].removeprefix("ال")]
        return _duration_value(unit, _count(parts.get("p_num"), inherent))
    word = parts.get("b_unit") or parts.get("b_dual") or parts["b_single"]
    unit, inherent = UNITS[word]
    return _duration_value(unit, _count(parts.get("b_num"), inherent))


def _resolve_span(m: Mention, ref: datetime | None) -> Resolution:
    parts = m.parts
    unit, inherent = UNITS[parts["a_unit"]]
    count = _count(parts.get("a_num"), inherent)
    if parts["a_dir"] not in {"قبل", "منذ", "بعد"}:
        return _duration_value(unit, count)
    if ref is None:
        return None, None
    sign = 1 if parts["a_dir"] == "بعد" else -1
    day = ref.date()
    if unit == "D":
        return (day + timedelta(days=sign * count)).isoformat(), "day"
    if unit == "H":
        return (ref + timedelta(hours=sign * count)).date().isoformat(), "day"
    if unit == "W":
        return _week_value(day + timedelta(days=7 * sign * count)), "week"
    if unit == "M":
        return _month_value(*_shift_month(day, sign * count)), "month"
    years = count * (10 if unit == "X" else 1)
    return str(day.year + sign * years), "year"


def resolve(mention: Mention, reference: datetime | None) -> Resolution:
    """The calendar value and precision of ``mention``; ``(None, precision)`` when it needs a reference."""
    ref = reference.date() if reference is not None else None
    form = mention.form
    if form == "date":
        return _resolve_date(mention, ref)
    if form == "monthday":
        return _resolve_monthday(mention, ref)
    if form == "dayfirst":
        return _resolve_dayfirst(mention, ref)
    if form in {"period", "duration"}:
        return _resolve_duration(mention)
    if form == "hijri":
        return _resolve_hijri(mention, ref)
    if form == "numeric":
        return _resolve_numeric(mention)
    if form == "deictic":
        return _resolve_deictic(mention, ref)
    if form == "weekday":
        return _resolve_weekday(mention, ref)
    if form == "relative":
        return _resolve_relative(mention, ref)
    if form == "year":
        return mention.parts["y_year"], "year"
    if form == "hijri_year":
        middle = hijri_to_gregorian(int(mention.parts["k_year"]), 7, 1)
        return (str(middle.year), "year") if middle else (None, "year")
    if form == "decade":
        word = mention.parts["c_dec"].removeprefix("ال")
        stem = word.removesuffix("ات").removesuffix("ي")
        return str(DECADES["ال" + stem]), "decade"
    if form == "span":
        return _resolve_span(mention, reference)
    return None, None
