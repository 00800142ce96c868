"""Which outlet a page dump comes from: its bylines, its own correspondents, its page markers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rasd.arabic.normalize import normalize_text


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    arabic: tuple[str, ...]


OUTLETS: tuple[Outlet, ...] = (
    Outlet("Asharq Al-Awsat", ("الشرق الأوسط",)),
    Outlet("Enab Baladi", ("عنب بلدي",)),
    Outlet("Al Mayadeen", ("الميادين", "الميادين نت")),
    Outlet("Al Jazeera", ("الجزيرة", "الجزيرة نت")),
    Outlet("Al Arabiya", ("العربية", "العربية نت", "العربية.نت")),
    Outlet("Sky News Arabia", ("سكاي نيوز عربية",)),
    Outlet("BBC Arabic", ("بي بي سي عربي", "بي بي سي")),
    Outlet("France 24", ("فرانس 24",)),
    Outlet("CNN Arabic", ("سي إن إن بالعربية", "سي إن إن")),
    Outlet("SANA", ("سانا", "الوكالة العربية السورية للأنباء")),
    Outlet("Anadolu Agency", ("الأناضول",)),
    Outlet("Al-Quds Al-Arabi", ("القدس العربي",)),
    Outlet("Independent Arabia", ("اندبندنت عربية",)),
    Outlet("Al-Araby Al-Jadeed", ("العربي الجديد",)),
    Outlet("Annahar", ("النهار",)),
    Outlet("Al-Akhbar", ("الأخبار",)),
    Outlet("Syria TV", ("تلفزيون سوريا",)),
    Outlet("Hespress", ("هسبريس",)),
    Outlet("Jawhara FM", ("جوهرة أف أم", "جوهرة FM")),
)

# Layout markers that only one outlet's pages carry.
_PAGE_MARKERS = {"TT": "Asharq Al-Awsat", "مشاركة المقال:": "Enab Baladi"}


def _self_reference_patterns(outlet: Outlet) -> list[re.Pattern[str]]:
    names = "|".join(re.escape(normalize_text(n)) for n in sorted(outlet.arabic, key=len, reverse=True))
    return [
        # A byline such as «الشرق الأوسط» (دمشق) or الميادين نت - بيروت.
        re.compile(rf'^\s*["«]?(?:{names})["»]?\s*(?:\([^)\n]{{2,30}}\)|[-–]\s*\S+)?\s*$', re.MULTILINE),
        # The outlet's own correspondent, or sources speaking to it: مراسل عنب بلدي، لـ«الشرق الأوسط».
        re.compile(rf'(?:مراسل|مراسله|موفد|موفده)\s+["«]?(?:{names})["»]?'),
        re.compile(rf'(?:لـ\s*|ل)["«](?:{names})["»]'),
    ]


_PATTERNS = [(outlet.name, _self_reference_patterns(outlet)) for outlet in OUTLETS]


def outlet_from_byline(byline: str) -> str | None:
    """The outlet a byline names (``«الشرق الأوسط» (دمشق)`` → Asharq Al-Awsat), if any."""
    text = normalize_text(byline)
    for name, patterns in _PATTERNS:
        if patterns[0].search(text):
            return name
    return None


def detect_outlet(text: str, lines: list[str] | None = None) -> str | None:
    """The outlet that most often refers to itself in ``text`` (bylines count most), or a page marker's."""
    normalized = normalize_text(text)
    votes: Counter[str] = Counter()
    for name, (byline, correspondent, told) in _PATTERNS:
        votes[name] += 3 * len(byline.findall(normalized))
        votes[name] += 2 * len(correspondent.findall(normalized))
        votes[name] += len(told.findall(normalized))
    for line in lines if lines is not None else text.splitlines():
        marker = _PAGE_MARKERS.get(line.strip())
        if marker:
            votes[marker] += 2
    if not votes:
        return None
    name, score = votes.most_common(1)[0]
    return name if score > 0 else None
