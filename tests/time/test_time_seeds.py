"""Every date the seed articles fix comes out right (the issue's acceptance list)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from rasd.time import find_timexes

ENAB_PUBLISHED = datetime(2025, 11, 7, 22, 13)
# The first Asharq Al-Awsat article reports the White House meeting of Monday 10 November after it happened.
ASHARQ_REFERENCE = date(2025, 11, 10)


def _values(path: Path, reference: datetime | date) -> dict[str, set[str | None]]:
    found: dict[str, set[str | None]] = {}
    for timex in find_timexes(path.read_text(encoding="utf-8"), reference):
        found.setdefault(timex.text, set()).add(timex.value)
    return found


def test_enab_baladi_dates_resolve_to_the_calendar(seed_enab: Path) -> None:
    values = {v for vs in _values(seed_enab, ENAB_PUBLISHED).values() for v in vs}
    for expected in ("2025-11-07", "2025-11-10", "2025-11-04", "2025-11-01", "2025-10-19"):
        assert expected in values
    for expected in ("2025-07-25", "2025-08-20", "2024-12", "2015"):
        assert expected in values


def test_enab_baladi_levantine_months_with_tense_words(seed_enab: Path) -> None:
    values = _values(seed_enab, ENAB_PUBLISHED)
    assert values["الجمعة 7 من تشرين الثاني"] == {"2025-11-07"}
    assert values["الاثنين المقبل 10 من تشرين الثاني الحالي"] == {"2025-11-10"}
    assert values["19 من تشرين الأول الماضي"] == {"2025-10-19"}
    assert values["25 من تموز الماضي"] == {"2025-07-25"}
    assert values["20 من آب الماضي"] == {"2025-08-20"}
    assert values["كانون الأول 2024"] == {"2024-12"}
    assert values["الاثنين المقبل"] == {"2025-11-10"}


def test_asharq_weekdays_count_back_from_the_meeting_day(seed_dump: Path) -> None:
    values = _values(seed_dump, ASHARQ_REFERENCE)
    assert values["الاثنين"] == {"2025-11-10"}
    assert values["صباح الاثنين"] == {"2025-11-10"}
    assert values["يوم الجمعة الماضي"] == {"2025-11-07"}
    assert values["يوم الخميس الماضي"] == {"2025-11-06"}
    assert values["مساء السبت"] == {"2025-11-08"}
    assert values["صباح الأحد"] == {"2025-11-09"}


def test_asharq_months_in_both_calendars(seed_dump: Path) -> None:
    values = _values(seed_dump, ASHARQ_REFERENCE)
    assert values["ديسمبر 2024"] == {"2024-12"}
    assert values["مارس (آذار) الماضي"] == {"2025-03"}
    assert values["سبتمبر (أيلول) الماضي"] == {"2025-09"}
    assert values["ديسمبر (كانون الأول) 2024"] == {"2024-12"}
    assert values["عام 2019"] == {"2019"}


def test_asharq_durations_are_not_dates(seed_dump: Path) -> None:
    timexes = {t.text: t for t in find_timexes(seed_dump.read_text(encoding="utf-8"), ASHARQ_REFERENCE)}
    assert timexes["لمدة 180 يوماً"].value == "P180D"
    assert timexes["لمدة 180 يوماً"].precision == "duration"
    assert timexes["على مدى 11 شهراً"].value == "P11M"


def test_offsets_point_at_the_original_characters(seed_dump: Path) -> None:
    text = seed_dump.read_text(encoding="utf-8")
    for timex in find_timexes(text, ASHARQ_REFERENCE):
        assert text[timex.start : timex.end] == timex.text
