"""Which outlet a page dump comes from: its bylines, its own correspondents, its page markers."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from rasd.arabic.normalize import normalize_text


@dataclass(frozen=True, slots=True)
class Outlet:
    """An outlet: its canonical English name, how it names itself in Arabic, and its web domains."""

    name: str
    arabic: tuple[str, ...]
    domains: tuple[str, ...] = ()


OUTLETS: tuple[Outlet, ...] = (
    Outlet("Asharq Al-Awsat", ("الشرق الأوسط",), ("aawsat.com",)),
    Outlet("Enab Baladi", ("عنب بلدي",), ("enabbaladi.net",)),
    Outlet("Al Mayadeen", ("الميادين", "الميادين نت"), ("almayadeen.net",)),
    Outlet("Al Jazeera", ("الجزيرة", "الجزيرة نت"), ("aljazeera.net",)),
    Outlet("Al Arabiya", ("العربية", "العربية نت", "العربية.نت"), ("alarabiya.net",)),
    Outlet("Sky News Arabia", ("سكاي نيوز عربية",), ("skynewsarabia.com",)),
    Outlet("BBC Arabic", ("بي بي سي عربي", "بي بي سي"), ("bbc.com",)),
    Outlet("France 24", ("فرانس 24",), ("france24.com",)),
    Outlet("CNN Arabic", ("سي إن إن بالعربية", "سي إن إن"), ("cnn.com",)),
    Outlet("SANA", ("سانا", "الوكالة العربية السورية للأنباء"), ("sana.sy",)),
    Outlet("Anadolu Agency", ("الأناضول",), ("aa.com.tr",)),
    Outlet("Al-Quds Al-Arabi", ("القدس العربي",), ("alquds.co.uk",)),
    Outlet("Independent Arabia", ("اندبندنت عربية",), ("independentarabia.com",)),
    Outlet("Al-Araby Al-Jadeed", ("العربي الجديد",), ("alaraby.co.uk",)),
    Outlet("Annahar", ("النهار",), ("annahar.com",)),
    Outlet("Al-Akhbar", ("الأخبار",), ("al-akhbar.com",)),
    Outlet("Syria TV", ("تلفزيون سوريا",), ("syria.tv",)),
    Outlet("Hespress", ("هسبريس",), ("hespress.com",)),
    Outlet("Jawhara FM", ("جوهرة أف أم", "جوهرة FM"), ("jawharafm.net",)),
    Outlet("LBCI", ("ال بي سي",), ("lbcgroup.tv",)),
    Outlet("Youm7", ("اليوم السابع",), ("youm7.com",)),
    Outlet("Sputnik Arabic", ("سبوتنيك",), ("sputniknews.com",)),
    Outlet("Assabah", ("الصباح",), ("assabah.com.tn",)),
    Outlet("Al Bayan", ("البيان",), ("albayan.ae",)),
)
_BY_DOMAIN = {domain: outlet.name for outlet in OUTLETS for domain in outlet.domains}


def outlet_name(url: str | None, site_name: str | None) -> str | None:
    """The outlet's name: a known domain's canonical name, else the page's site name, else its domain."""
    domain = urlsplit(url).hostname if url else None
    if domain:
        domain = domain.removeprefix("www.")
        for known, name in _BY_DOMAIN.items():
            if domain == known or domain.endswith("." + known):
                return name
    if site_name and not site_name.startswith(("http://", "https://")):
        return " ".join(site_name.split())
    return domain


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
