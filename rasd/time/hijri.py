"""Hijri (Umm al-Qura) to Gregorian conversion, through the ``hijridate`` package."""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian, Hijri


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Hijri date; None outside the Umm al-Qura tables or for a day that does not exist."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def hijri_month_to_gregorian(year: int, month: int) -> date:
    """The Gregorian day in the middle (15th) of a Hijri month: the month a Hijri month mostly falls in."""
    found = hijri_to_gregorian(year, month, 15)
    if found is None:
        return date(1, 1, 1)
    return found


def hijri_year_of(day: date) -> int:
    """The Hijri year of a Gregorian day."""
    return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
