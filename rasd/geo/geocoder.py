"""Place mentions in Arabic text → places with coordinates, country, admin-1/admin-2 and ACLED precision.

Names of the gazetteer are found with one Aho-Corasick pass over the normalized text, letting a word carry
the proclitics و ف ب ل ك (``والرقة``, ``بريف حلب``, ``لسوريا``; ``للرقة`` for ل + الرقة). Each mention is then
resolved among the places of that name: an admin parent named right after it (``الباب بريف حلب``), cue words
before it (``مدينة``, ``محافظة``, ``ريف``), the countries of the article (its dateline, the caller's hint, the
countries it names), and finally population. Names that are also common words (``الباب`` the door, ``صور``
pictures) count only with such a cue.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

import ahocorasick

from rasd import model
from rasd.arabic.normalize import normalize
from rasd.geo.gazetteer import ARAB_WORLD, MENA, Gazetteer, GazetteerEntry, default_gazetteer, match_key
from rasd.model import Place

PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
# Cue words (normalized, without clitics) that announce a settlement, an admin unit, or a place's surroundings.
PLACE_CUES = frozenset(
    [
        "مدينه",
        "بلده",
        "قريه",
        "مخيم",
        "حي",
        "بلدات",
        "قري",
        "مدن",
        "مدينتي",
        "بلدتي",
        "قريتي",
        "ضاحيه",
        "مستوطنه",
        "معبر",
        "ميناء",
        "بلدتا",
        "قريتا",
        "حيي",
    ]
)
ADMIN_CUES = frozenset(["محافظه", "محافظتي", "ولايه", "اقليم", "مديريه", "قضاء", "اماره", "منطقه", "ناحيه"])
VICINITY_CUES = frozenset(["ريف", "محيط", "اطراف", "ضواحي", "قرب", "بالقرب", "مشارف"])
DIRECTION_CUES = frozenset(["شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط"])
CUE_WORDS = PLACE_CUES | ADMIN_CUES | VICINITY_CUES | DIRECTION_CUES
# Words before a name that make it part of an organisation's or a building's name, not a place mention.
NAME_OF_CUES = frozenset(
    [
        "سرايا",
        "البيت",
        "بيت",
        "جامعه",
        "قناه",
        "صحيفه",
        "جريده",
        "وكاله",
        "فندق",
        "بنك",
        "نادي",
        "مجله",
        "اذاعه",
        "تلفزيون",
    ]
)
# Names that are also everyday words: they count only after a cue word or before an admin parent.
COMMON_WORD_NAMES = frozenset(
    match_key(n)
    for n in [
        "الباب",
        "صور",
        "العين",
        "المدينة",
        "الجزيرة",
        "البيضاء",
        "العاصمة",
        "الشمال",
        "الجنوب",
        "الشرق",
        "الغرب",
        "الوسط",
        "الساحل",
        "الشاطئ",
        "المخيم",
        "المطار",
        "الميناء",
        "المعبر",
        "الحي",
        "القرية",
        "البلدة",
        "المنطقة",
        "أمس",
        "الأمس",
        "اليوم",
        "مالي",
        "بحري",
        "الشام",
        "المنار",
        "الميادين",
        "العربية",
        "الأخبار",
        "السلام",
        "الحرية",
        "النصر",
        "الأمل",
        "الوحدة",
        "الكرامة",
        "الاستقلال",
        "الفجر",
        "صفوي",
        "سلطات",
        "عالية",
        "مشهد",
        "الجديدة",
        "الشمالية",
        "الجنوبية",
        "الشرقية",
        "الغربية",
        "الوسطى",
        "الأبيض",
        "بشار",
        "براك",
        "السبت",
        "الأحد",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "الجديد",
        "هزة",
        "بركة",
        "معسكر",
        "مفرق",
        "آب",
    ]
)
# Common words that name a kind of place, and the month آب (= إب, Ibb): "وسط المدينة" is downtown, "جنوب مفرق"
# south of a junction, "منتصف آب" mid-August; only a settlement or admin cue (مدينة المفرق، محافظة إب) makes a name.
GENERIC_NOUNS = frozenset(
    match_key(n)
    for n in [
        "المدينة",
        "القرية",
        "البلدة",
        "المخيم",
        "المنطقة",
        "الحي",
        "المطار",
        "الميناء",
        "المعبر",
        "معسكر",
        "مفرق",
        "آب",
    ]
)
# Words after a name that make it a common noun: حماة الديار (guardians of the homeland), not Hama.
NOT_BEFORE = {match_key("حماة"): frozenset(match_key(n) for n in ["الديار", "الوطن", "الثورة", "الحمى"])}
# Words that are names of some place in GeoNames but, in Arabic news, practically never mean it.
NEVER_PLACES = frozenset(match_key(n) for n in ["التحالف", "الحكومة", "البلاد", "الزيارة", "الداخلية", "وقف"])
# Names of organisations, buildings and supranational regions that hold a place name but are no place
# mention: matched as a whole, they hide the place inside them.
NOT_PLACES = frozenset(
    match_key(n)
    for n in [
        "البيت الأبيض",
        "الشرق الأوسط",
        "المغرب العربي",
        "فيلق القدس",
        "سرايا القدس",
        "القدس العربي",
        "مصرف لبنان",
        "قوات سوريا الديمقراطية",
        "مجلس سوريا الديمقراطية",
        "هيئة تحرير الشام",
        "الدولة الإسلامية في العراق والشام",
        "المقاومة الإسلامية في العراق",
        "المقاومة الإسلامية في لبنان",
        "جامعة الدول العربية",
        "قناة الجزيرة",
        "شبكة الجزيرة",
    ]
)
_WORD = re.compile(r"[\w\u0621-\u064A]")
_LETTER = re.compile(r"[\u0621-\u064A]")


@dataclass(frozen=True, slots=True)
class GeoContext:
    """What the article says about where it is: the caller's country hint (ISO2) and its dateline."""

    country: str | None = None
    dateline: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention(model.PlaceMention):
    """A place mention with how the geocoder found it: ``kind`` (place, adm1, country …) and ``candidates``."""

    kind: str = "place"
    candidates: int = 1


@dataclass(slots=True)
class _Match:
    start: int  # offsets into the normalized text
    end: int
    key: str
    cue: str | None = None  # the cue class of the word before: place, admin, vicinity, direction
    candidates: list[GazetteerEntry] = field(default_factory=list)
    parents: list[GazetteerEntry] = field(default_factory=list)
    nisba: frozenset[str] = frozenset()  # countries of an adjective right next to it (العاصمة الأردنية عمان)


class Geocoder:
    """Finds and resolves place mentions with one gazetteer; build once, call ``find_places`` many times."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.automaton = ahocorasick.Automaton()
        self.common_keys: set[str] = set()
        for key, entries in gazetteer.index.items():
            if key in NEVER_PLACES or key in CUE_WORDS or not any(_indexable(key, e) for e in entries):
                continue
            self.automaton.add_word(key, (key, False))
            usable = [e for e in entries if _indexable(key, e)]
            if key in COMMON_WORD_NAMES or all(key in {match_key(n) for n in e.names_common} for e in usable):
                self.common_keys.add(key)
            if key.startswith("ال") and len(key) > 4:
                # ل + ال is written لل: للرقة holds "لرقه" after its first lam.
                elided = "ل" + key[2:]
                if elided not in gazetteer.index:
                    self.automaton.add_word(elided, (key, True))
        for phrase in NOT_PLACES:
            self.automaton.add_word(phrase, (phrase, False))
            if phrase.startswith("ال"):
                self.automaton.add_word("ل" + phrase[2:], (phrase, True))
        self.automaton.make_automaton()
        self.nisbas = ahocorasick.Automaton()
        for form, country in _country_adjectives(gazetteer).items():
            self.nisbas.add_word(form, (form, country))
        self.nisbas.make_automaton()

    def find_places(self, text: str, context: GeoContext | None = None) -> list[PlaceMention]:
        """Every place mention of ``text``, in order, with offsets into ``text`` and a resolved place."""
        context = context or GeoContext()
        norm = normalize(text)
        # Hashtags join words with "_" (#كوريا_الجنوبية); read it as a space, keeping offsets.
        s = norm.text.replace("_", " ")
        matches = [m for m in self._matches(s) if not _adjective(text, norm.to_original(m.start, m.end)[1])]
        previous_end = 0
        for match in matches:
            match.cue = "nisba" if _nisba(s, match) else _cue_before(s, match.start, previous_end)
            previous_end = match.end
        # Parents first among all names, to accept common words before their parent; then among accepted ones.
        _link_parents(s, matches)
        matches = [m for m in matches if _accepted(m, self.common_keys)]
        _link_parents(s, matches)
        adjectives = self._adjectives(s)
        _link_adjectives(matches, adjectives)
        countries = self._context_countries(matches, context)
        # Adjectives (الإسرائيلية is everywhere) only break a tie between a country and its big namesake.
        described = countries + Counter(country for _, _, country in adjectives)
        # Places the article names without ambiguity: namesakes near them are the ones meant.
        anchors = [
            m.candidates[0] for m in matches if len(m.candidates) == 1 and m.candidates[0].kind == "place"
        ]
        mentions = []
        for match in matches:
            entry, precision = self._resolve(match, countries, described, anchors)
            if entry is None:
                continue
            start, end = norm.to_original(match.start, match.end)
            mentions.append(
                PlaceMention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    place=_place(entry, match, precision),
                    kind=entry.kind,
                    candidates=len(match.candidates),
                )
            )
        return mentions

    def _matches(self, s: str) -> list[_Match]:
        found: list[_Match] = []
        for end_index, (key, elided) in self.automaton.iter(s):
            length = len(key) - 1 if elided else len(key)
            start, end = end_index - length + 1, end_index + 1
            if end < len(s) and _WORD.match(s[end]):
                continue
            word_start = start
            while word_start > 0 and _LETTER.match(s[word_start - 1]):
                word_start -= 1
            prefix = s[word_start:start]
            if elided and prefix not in {"ل", "ول", "فل"}:
                continue
            if not elided and (prefix not in PROCLITICS or (prefix, key) in self.gazetteer.blocked_forms):
                continue
            if key in NOT_BEFORE:  # the next word is read only for the few keys that need it
                following = s[end:].split(maxsplit=1)[:1]
                if following and following[0] in NOT_BEFORE[key]:
                    continue
            entries = () if key in NOT_PLACES else self.gazetteer.index.get(key, ())
            candidates = [e for e in entries if _indexable(key, e)]
            found.append(_Match(start, end, key, candidates=candidates))
        # Longest first, then leftmost: ريف دمشق wins over دمشق, خان يونس over يونس.
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: list[_Match] = []
        covered = bytearray(len(s))  # characters of the matches kept so far (matches are never empty)
        for match in found:
            if covered.find(1, match.start, match.end) == -1:
                taken.append(match)
                covered[match.start : match.end] = b"\x01" * (match.end - match.start)
        return sorted(taken, key=lambda m: m.start)

    def _adjectives(self, s: str) -> list[tuple[int, int, str]]:
        """Country adjectives (nisba: الأردنية، العماني، اللبنانيين) as (start, end, ISO2), whole words only."""
        found = []
        for end_index, (form, country) in self.nisbas.iter(s):
            start, end = end_index - len(form) + 1, end_index + 1
            if (end < len(s) and _WORD.match(s[end])) or (start > 0 and _LETTER.match(s[start - 1])):
                continue
            found.append((start, end, country))
        return found

    def _context_countries(self, matches: list[_Match], context: GeoContext) -> Counter[str]:
        countries: Counter[str] = Counter()
        if context.country:
            countries[context.country] += 3
        if context.dateline:
            for entry in self.gazetteer.lookup(context.dateline)[:1]:
                countries[entry.country] += 3
        for match in matches:
            kinds = {c.country for c in match.candidates if c.kind == "country"}
            owners = {c.country for c in match.candidates}
            if kinds and not _capital_namesake(match):
                countries.update(kinds)
            elif len(owners) == 1:
                countries.update(owners)
        return countries

    def _resolve(
        self,
        match: _Match,
        countries: Counter[str],
        described: Counter[str],
        anchors: list[GazetteerEntry],
    ) -> tuple[GazetteerEntry | None, int | None]:
        """The best place for a mention, and a precision override (2 when only its parent is known)."""
        parent_keys = {(p.country, p.admin1) for p in match.parents} | {
            (p.country, None) for p in match.parents
        }
        provinces = {c.country for c in match.candidates if c.kind == "adm1"}
        best, best_score = None, -math.inf
        for entry in match.candidates:
            score = _prior(entry)
            if entry.country in MENA:
                score += 6
            if match_key(entry.name_ar) == match.key:
                score += 3
            # A village named like a province elsewhere (الدوحة near Bethlehem, like Doha) needs more than the
            # article's country: a parent or a place nearby.
            village_namesake = (
                entry.kind == "place" and entry.population < 20_000 and bool(provinces - {entry.country})
            )
            if countries[entry.country] and not village_namesake:
                score += 8 + 2 * min(countries[entry.country], 4)
            if entry.country in match.nisba:
                score += 40
            if len(match.candidates) > 1 and entry.kind == "place":
                score += 6 * min(sum(1 for a in anchors if a is not entry and _near(entry, a, 30.0)), 3)
            if entry.kind == "country" and any(
                _major(other) and described[other.country] > described[entry.country]
                for other in match.candidates
                if other.country != entry.country
            ):
                # عمان is Oman or Amman: the article's countries decide between a country and a big namesake.
                score -= 45
            if (entry.country, entry.admin1) in parent_keys or (
                (
                    entry.country,
                    None,
                )
                in parent_keys
                and any(p.kind == "country" for p in match.parents)
            ):
                score += 40
                # Among namesakes in one province, the one nearest the named parent town.
                if any(p.kind == "place" and _near(entry, p, 30.0) for p in match.parents):
                    score += 20
            if match.cue == "admin" and entry.kind in ("adm1", "adm2"):
                score += 30
            if match.cue in ("place", "vicinity") and entry.kind == "place":
                score += 10
            if score > best_score:
                best, best_score = entry, score
        if match.parents and best is not None and best_score < 40 + _prior(best):
            # A village the gazetteer lacks, placed by its parent: "قرية العيون بريف بلدة مارع".
            # A sibling in a list (كفرا وصديقين، حولا) lies near the "parent"; a missing village lies in it.
            supported = [
                e
                for e in match.candidates
                if (e.country, e.admin1) in parent_keys
                or any(p.kind == "place" and _near(e, p, 30.0) for p in match.parents)
            ]
            if not supported and match.cue in ("place", "vicinity", "admin"):
                return max(match.parents, key=_prior), 2
        return best, None


def _major(entry: GazetteerEntry) -> bool:
    return entry.kind == "adm1" or (entry.kind == "place" and entry.population >= 100_000)


def _capital_namesake(match: _Match) -> bool:
    """A country name that is also the name of a big place elsewhere (عمان: Oman, Amman)."""
    owners = {c.country for c in match.candidates if c.kind == "country"}
    return any(_major(c) and c.country not in owners for c in match.candidates)


def _country_adjectives(gazetteer: Gazetteer) -> dict[str, str]:
    """Normalized nisba forms of each country's Arabic names: الأردن → الاردني، الاردنيه، الاردنيين …"""
    forms: dict[str, str] = {}
    for entry in gazetteer.entries:
        if entry.kind != "country":
            continue
        for name in entry.all_names_ar:
            key = match_key(name)
            if " " in key:
                continue
            bases = [key[2:]] if name.startswith("ال") else [key]
            for base in bases:
                if base.endswith(("يه", "يا")):
                    stem = base[:-2]
                elif base.endswith(("ا", "ه")):
                    stem = base[:-1]
                else:
                    stem = base
                if len(stem) < 3:
                    continue
                for ending in ("ي", "يه", "يين", "يون"):
                    forms.setdefault("ال" + stem + ending, entry.country)
    return forms


def _link_adjectives(matches: list[_Match], adjectives: list[tuple[int, int, str]]) -> None:
    """A country adjective right before or after a name qualifies it: العاصمة الأردنية عمان, سلانيك اليونانية."""
    by_end = {end: country for _, end, country in adjectives}
    by_start = {start: country for start, _, country in adjectives}
    for match in matches:
        near = {by_end.get(match.start - 1), by_end.get(match.start - 2)}
        near |= {by_start.get(match.end + 1), by_start.get(match.end + 2)}
        near.discard(None)
        match.nisba = frozenset(c for c in near if c)


def _near(a: GazetteerEntry, b: GazetteerEntry, km: float) -> bool:
    if abs(a.lat - b.lat) * 111.0 > km:  # most pairs are far apart in latitude alone
        return False
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon) <= km


def _nisba(s: str, match: _Match) -> bool:
    """A country name that is also a feminine adjective, after a definite feminine noun it agrees with:
    ``القنصلية السعودية`` (the Saudi consulate), not Saudi Arabia."""
    if not (match.key.startswith("ال") and match.key.endswith("يه")) or " " in match.key:
        return False
    before = re.findall(r"[\u0621-\u064A]+", s[max(0, match.start - 30) : match.start])
    return (
        bool(before) and before[-1].endswith("ه") and ("ال" in before[-1][:4] or before[-1].startswith("لل"))
    )


def _adjective(text: str, end: int) -> bool:
    """``روسياً`` (Russian, with tanween) is an adjective, not the country."""
    return "\u064b" in text[end - 1 : end + 1]


def _indexable(key: str, entry: GazetteerEntry) -> bool:
    """Small places far from the Arab world, and very short names, are left out: their Arabic names are
    mostly transliterations that collide with common words (``إلى`` Ely, ``بأنه`` Baneh)."""
    if entry.kind == "adm2" and entry.country not in ARAB_WORLD:
        return False
    if entry.kind != "place" or entry.id.startswith("rasd:"):
        major = True
    else:
        major = entry.population >= (100_000 if entry.country in ARAB_WORLD else 500_000)
    if len(key.replace(" ", "")) <= 3:
        return major
    return major or entry.country in ARAB_WORLD or entry.population >= 200_000


# A bare name of a province and of its capital (حلب، إدلب) is the town; "محافظة" before it makes it the province.
_KIND_PRIOR = {"country": 40.0, "region": 25.0, "adm1": 10.0, "adm2": 6.0}


def _prior(entry: GazetteerEntry) -> float:
    if entry.kind == "place":
        return 3 * math.log10(entry.population + 1)
    return _KIND_PRIOR.get(entry.kind, 0.0)


def _strip_clitics(word: str) -> str:
    if word.startswith(("لل", "ولل", "فلل")) and len(word) > 4:
        word = "ال" + word[word.index("لل") + 2 :]  # للبيت is ل + البيت
    for prefix in ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            rest = word[len(prefix) :]
            if rest.startswith("ال") or len(rest) >= 2:
                word = rest
                break
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _cue_before(s: str, start: int, floor: int = 0) -> str | None:
    """The class of the cue word just before a mention: the two words before the word carrying it (not
    reaching back into the previous mention); an organisation's word only right before it."""
    word_start = start
    while word_start > 0 and _LETTER.match(s[word_start - 1]):
        word_start -= 1
    words = re.findall(r"[\u0621-\u064A]+", s[max(floor, word_start - 40) : word_start])[-2:]
    for distance, word in enumerate(reversed(words)):
        cue = _word_cue(word, distance == 0)
        if cue is not None:
            return cue
    return None


@functools.lru_cache(maxsize=1 << 16)
def _word_cue(word: str, nearest: bool) -> str | None:
    """The cue class of one word (``name_of`` only for the word right before the mention); cached per word."""
    bare = _strip_clitics(word)
    for cue, members in (
        ("name_of", NAME_OF_CUES),
        ("admin", ADMIN_CUES),
        ("place", PLACE_CUES),
        ("vicinity", VICINITY_CUES),
        ("direction", DIRECTION_CUES),
    ):
        if (bare in members or word in members) and (cue != "name_of" or nearest):
            return cue
    return None


def _link_parents(s: str, matches: list[_Match]) -> None:
    """A name right after another one, behind a cue word or a comma, may be its parent:
    ``الباب بريف حلب``, ``مايدوغوري بولاية بورنو``, ``مخيم العين في مدينة نابلس``, ``العديسة، جنوب لبنان``."""
    for match in matches:
        match.parents = []
    for here, after in itertools.pairwise(matches):
        gap = s[here.end : after.start]
        if len(gap) > 30 or re.search(r"[.!?؟\n]", gap):
            continue
        if after.cue not in ("admin", "vicinity", "direction", "place") and "," not in gap:
            continue
        here.parents = [
            e for e in after.candidates if e.kind in ("country", "adm1", "adm2", "place", "region")
        ]


def _accepted(match: _Match, common_keys: set[str]) -> bool:
    if match.cue == "name_of" or not match.candidates or match.cue == "nisba":
        return False
    if match.key in common_keys:
        cues = (
            ("place", "admin") if match.key in GENERIC_NOUNS else ("place", "admin", "vicinity", "direction")
        )
        if match.cue in cues or match.key.split()[0] in CUE_WORDS:
            return True
        # Before its parent, a common word counts only as a namesake in that parent: "الباب بريف حلب".
        keys = {(p.country, p.admin1) for p in match.parents}
        match.candidates = [e for e in match.candidates if (e.country, e.admin1) in keys]
        return bool(match.candidates)
    return True


def _place(entry: GazetteerEntry, match: _Match | None, precision: int | None = None) -> Place:
    if precision is None:
        if entry.kind == "place":
            precision = 2 if match is not None and match.cue in ("vicinity", "direction") else 1
        elif entry.kind in ("adm2", "region"):
            precision = 2 if entry.admin1 else 3
        else:
            precision = 3
    return entry.place(precision)


@cache
def default_geocoder() -> Geocoder:
    """A geocoder over the bundled gazetteer, built on first use."""
    return Geocoder(default_gazetteer())


def find_places(text: str, context: GeoContext | None = None) -> list[PlaceMention]:
    """Place mentions of ``text`` resolved with the bundled gazetteer (see ``Geocoder.find_places``)."""
    return default_geocoder().find_places(text, context)
