"""Publication date-times printed in page headers: ``الجمعة, 7 نوفمبر 2025 10:13 PM`` → 2025-11-07T22:13.

A header line is read only when the whole line is a date (with optional weekday, time and a label such as
``نشر في``); a date inside a sentence is the time stage's business, not this one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from rasd.arabic.normalize import normalize_text
from rasd.time.lexicon import GREGORIAN_MONTHS, WEEKDAYS

# Month and weekday names of the time stage's lexicon, in its folded form (which normalize_text also gives).
_MONTHS = GREGORIAN_MONTHS
_WEEKDAYS = "(?:" + "|".join(WEEKDAYS) + ")"
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_LABEL = r"(?:(?:تاريخ النشر|نشر في|نشر|اخر تحديث|تم التحديث|محدث|بتاريخ)\s*:?\s*)?"
_TIME = r"(?:\s*[-|،,]?\s*(?:الساعه\s*)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?\s*(?P<ampm>AM|PM|am|pm|ص|م)?)?"
_TEXTUAL = re.compile(
    rf"^\s*{_LABEL}(?:{_WEEKDAYS}\s*[,،]?\s*)?(?P<day>\d{{1,2}})\s*(?:من\s+)?(?P<month>{_MONTH_RE})\s*[,،]?\s*"
    rf"(?P<year>\d{{4}}){_TIME}\s*$"
)
_NUMERIC = re.compile(
    rf"^\s*{_LABEL}(?:{_WEEKDAYS}\s*[,،]?\s*)?(?P<day>\d{{1,2}})[/.-](?P<month>\d{{1,2}})[/.-](?P<year>\d{{4}}){_TIME}\s*$"
)
_ISO = re.compile(
    rf"^\s*{_LABEL}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?:[T ](?P<hour>\d{{2}}):(?P<minute>\d{{2}})(?::\d{{2}})?)?\s*$"
)


@dataclass(frozen=True, slots=True)
class PublishedTime:
    value: str
    precision: str  # "minute" or "day"


def parse_published_line(line: str) -> PublishedTime | None:
    """The publication time printed on ``line``, if the line is nothing but a date (and time)."""
    text = normalize_text(line.strip())
    if len(text) > 80 or not any(ch.isdigit() for ch in text):
        return None
    for pattern in (_TEXTUAL, _NUMERIC, _ISO):
        match = pattern.match(text)
        if match:
            return _build(match)
    return None


def _build(match: re.Match[str]) -> PublishedTime | None:
    groups = match.groupdict()
    month_raw = groups["month"]
    month = int(month_raw) if month_raw.isdigit() else _MONTHS[month_raw]
    try:
        day = datetime(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
    if groups.get("hour") is None:
        return PublishedTime(day.strftime("%Y-%m-%d"), "day")
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = (groups.get("ampm") or "").lower()
    if ampm in ("pm", "م") and hour < 12:
        hour += 12
    elif ampm in ("am", "ص") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return PublishedTime(day.strftime("%Y-%m-%d"), "day")
    return PublishedTime(day.replace(hour=hour, minute=minute).strftime("%Y-%m-%dT%H:%M"), "minute")
