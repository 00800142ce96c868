"""Write ``tests/eval/gold/geo_gold.jsonl`` from a hand-written annotation spec (run from the repository root).

The spec (``tests/eval/gold/geo_gold.spec``) has one line per annotated article: ``KEY | SCOPE_END |
mention=PLACE ; mention=PLACE …`` (``mention~`` where the text glues the next word to it, ``mention#2``
for its second occurrence) with the mentions in reading order; SCOPE_END is ``all`` (the whole text)
or ``sentence`` (up to the first full stop, question or exclamation mark). PLACE is a key of ``PLACES`` below:
the place the annotator read the mention as. Its country, admin-1 and coordinates are the annotator's own
(``manual``) or read from the GeoNames row the annotator named (``gn``); countries carry no coordinates.
This tool only finds the character offsets of each mention in the article text (from ``../shared``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rasd.corpora import find_article  # noqa: E402
from rasd.geo.gazetteer import GazetteerEntry, default_gazetteer  # noqa: E402

SPEC = REPO / "tests" / "eval" / "gold" / "geo_gold.spec"
OUT = REPO / "tests" / "eval" / "gold" / "geo_gold.jsonl"

# place key → ("gn", GeoNames English name, ISO2) | ("manual", ISO2, admin1, lat, lon, kind, English name)
Manual = tuple[str, str, str | None, float | None, float | None, str, str]
PLACES: dict[str, tuple[str, str, str] | Manual] = {
    # Gaza Strip
    "gaza_strip": ("manual", "PS", "Gaza Strip", 31.40, 34.38, "adm1", "Gaza Strip"),
    "gaza_city": ("gn", "Gaza", "PS"),
    "rafah": ("gn", "Rafaḩ", "PS"),
    "khan_yunis": ("gn", "Khān Yūnis", "PS"),
    "jabalia": ("gn", "Jabālyā", "PS"),
    "beit_lahia": ("gn", "Bayt Lāhyā", "PS"),
    "beit_hanoun": ("gn", "Bayt Ḩānūn", "PS"),
    "nuseirat": ("manual", "PS", "Gaza Strip", 31.4497, 34.3933, "place", "Nuseirat"),
    "jabalia_camp": ("manual", "PS", "Gaza Strip", 31.5322, 34.4831, "place", "Jabalia Camp"),
    "mawasi": ("manual", "PS", "Gaza Strip", 31.355, 34.270, "place", "Al-Mawasi"),
    "tal_hawa": ("manual", "PS", "Gaza Strip", 31.504, 34.440, "place", "Tal al-Hawa"),
    "muntar": ("manual", "PS", "Gaza Strip", 31.505, 34.485, "place", "Al-Muntar"),
    "shujaiya": ("manual", "PS", "Gaza Strip", 31.4975, 34.470, "place", "Shujaiya"),
    "sheikh_radwan": ("manual", "PS", "Gaza Strip", 31.531, 34.468, "place", "Sheikh Radwan"),
    "attar": ("manual", "PS", "Gaza Strip", 31.355, 34.285, "place", "Al-Attar"),
    "netzarim": ("manual", "PS", "Gaza Strip", 31.46, 34.42, "region", "Netzarim corridor"),
    "wadi_gaza": ("manual", "PS", "Gaza Strip", 31.46, 34.40, "region", "Wadi Gaza"),
    # West Bank and Jerusalem (coded as ACLED codes them: Palestine, West Bank)
    "west_bank": ("manual", "PS", "West Bank", 31.95, 35.25, "adm1", "West Bank"),
    "jerusalem": ("manual", "PS", "West Bank", 31.7767, 35.2345, "place", "Jerusalem"),
    "hebron": ("gn", "Hebron", "PS"),
    "nablus": ("gn", "Nablus", "PS"),
    "bethlehem": ("gn", "Bethlehem", "PS"),
    "jenin": ("gn", "Janīn", "PS"),
    "qalqilya": ("gn", "Qalqīlyah", "PS"),
    "jericho": ("gn", "Jericho", "PS"),
    "tulkarm": ("gn", "Ţūlkarm", "PS"),
    "ramallah": ("gn", "Ramallah", "PS"),
    "salfit": ("gn", "Salfīt", "PS"),
    "ein_camp": ("manual", "PS", "West Bank", 32.2222, 35.2386, "place", "Ein Beit al-Ma camp"),
    "fawwar": ("manual", "PS", "West Bank", 31.4816, 35.0709, "place", "Al-Fawwar camp"),
    "dheisheh": ("manual", "PS", "West Bank", 31.6944, 35.1803, "place", "Dheisheh camp"),
    "aqabat_jabr": ("manual", "PS", "West Bank", 31.8364, 35.4372, "place", "Aqabat Jabr camp"),
    "nur_shams": ("manual", "PS", "West Bank", 32.3139, 35.0433, "place", "Nur Shams camp"),
    "burqa": ("manual", "PS", "West Bank", 31.958, 35.262, "place", "Burqa"),
    "walaja": ("manual", "PS", "West Bank", 31.7353, 35.1628, "place", "Al-Walaja"),
    "umm_safa": ("manual", "PS", "West Bank", 32.003, 35.155, "place", "Umm Safa"),
    "masafer_yatta": ("manual", "PS", "West Bank", 31.40, 35.15, "region", "Masafer Yatta"),
    "tuwayyil": ("manual", "PS", "West Bank", 32.12, 35.40, "place", "Khirbet al-Tawil"),
    "allenby": ("manual", "PS", "West Bank", 31.8733, 35.5417, "place", "Allenby crossing"),
    "sarta": ("manual", "PS", "West Bank", 32.0939, 35.0926, "place", "Sarta"),
    "barkan": ("manual", "PS", "West Bank", 32.100, 35.110, "place", "Barkan"),
    "izbat_abu_adam": ("manual", "PS", "West Bank", 32.097, 35.100, "place", "Izbat Abu Adam"),
    # Israel, Lebanon, Syria, Golan
    "tel_aviv": ("gn", "Tel Aviv", "IL"),
    "naqab": ("manual", "IL", "HaDarom", 30.80, 34.80, "region", "Negev"),
    "mount_keren": ("manual", "IL", "HaDarom", 30.83, 34.63, "place", "Har Keren"),
    "upper_galilee": ("manual", "IL", "HaZafon", 33.00, 35.45, "region", "Upper Galilee"),
    "gaza_envelope": ("manual", "IL", "HaDarom", 31.45, 34.50, "region", "Gaza envelope"),
    "south_lebanon": ("manual", "LB", None, 33.27, 35.40, "region", "South Lebanon"),
    "golan": ("manual", "SY", "Quneitra", 33.00, 35.75, "region", "Golan Heights"),
    "idlib": ("gn", "Idlib", "SY"),
    "deir_ezzor": ("gn", "Deir ez-Zor", "SY"),
    "abu_hamam": ("manual", "SY", "Deir ez-Zor", 34.838, 40.672, "place", "Abu Hamam"),
    "granij": ("manual", "SY", "Deir ez-Zor", 34.818, 40.655, "place", "Gharanij"),
    "marea": ("manual", "SY", "Aleppo", 36.5797, 37.0472, "place", "Marea"),
    "al_uyun": ("manual", "SY", "Aleppo", 36.545, 37.030, "place", "Al-Uyun"),
    "conoco": ("manual", "SY", "Deir ez-Zor", 35.445, 40.300, "place", "Conoco gas field"),
    "tanf": ("manual", "SY", "Homs", 33.50, 38.65, "place", "Al-Tanf"),
    # Gulf, Iraq, Yemen, Egypt, Maghreb
    "doha": ("gn", "Doha", "QA"),
    "dubai": ("gn", "Dubai", "AE"),
    "abu_dhabi": ("gn", "Abu Dhabi", "AE"),
    "basra": ("gn", "Basrah", "IQ"),
    "hodeidah": ("gn", "Al Ḩudaydah", "YE"),
    "bart_al_anan": ("manual", "YE", "Al Jawf", 16.33, 44.73, "place", "Bart al-Anan"),
    "al_jawf_ye": ("manual", "YE", "Al Jawf", 16.17, 45.50, "adm1", "Al Jawf"),
    "cairo": ("gn", "Cairo", "EG"),
    "abbasiya_cairo": ("manual", "EG", "Cairo", 30.0700, 31.2820, "place", "Abbassia"),
    "rabat": ("gn", "Rabat", "MA"),
    # Elsewhere
    "istanbul": ("gn", "Istanbul", "TR"),
    "levent": ("manual", "TR", "Istanbul", 41.0820, 29.0100, "place", "Levent"),
    "ankara": ("gn", "Ankara", "TR"),
    "tehran": ("gn", "Tehran", "IR"),
    "moscow": ("gn", "Moscow", "RU"),
    "sochi": ("gn", "Sochi", "RU"),
    "kyiv": ("gn", "Kyiv", "UA"),
    "donbas": ("manual", "UA", None, 48.00, 38.00, "region", "Donbas"),
    "crimea": ("manual", "UA", None, 45.30, 34.40, "region", "Crimea"),
    "karabakh": ("manual", "AZ", None, 39.82, 46.75, "region", "Nagorno-Karabakh"),
    "beijing": ("gn", "Beijing", "CN"),
    "seoul": ("gn", "Seoul", "KR"),
    "new_delhi": ("gn", "New Delhi", "IN"),
    "astana": ("gn", "Astana", "KZ"),
    "balochistan": ("manual", "PK", "Balochistan", 28.50, 65.00, "adm1", "Balochistan"),
    "paris": ("gn", "Paris", "FR"),
    "versailles": ("gn", "Versailles", "FR"),
    "brussels": ("gn", "Brussels", "BE"),
    "berlin": ("gn", "Berlin", "DE"),
    "genoa": ("gn", "Genoa", "IT"),
    "maggiore": ("manual", "IT", None, 45.95, 8.65, "region", "Lake Maggiore"),
    "washington": ("gn", "Washington", "US"),
    "new_york": ("gn", "New York City", "US"),
    "atlanta": ("gn", "Atlanta", "US"),
    "california": ("manual", "US", "California", 37.25, -119.75, "adm1", "California"),
    # Test split (annotated before the geocoder ran on these articles); None: a village the annotator
    # could not place to within 25 km (scored for country and admin-1 only).
    "kedumim": ("manual", "PS", "West Bank", 32.2136, 35.1575, "place", "Kedumim"),
    "raqqa": ("gn", "Ar Raqqah", "SY"),
    "hodeidah_gov": ("manual", "YE", "Al Hudaydah", 14.7978, 42.9545, "adm1", "Al Hudaydah"),
    "sharja_ye": ("manual", "YE", "Al Hudaydah", None, None, "place", "Al-Sharjah"),
    "saada": ("manual", "YE", "Sadah", 16.9402, 43.7639, "place", "Saada"),
    "sanaa": ("manual", "YE", "Amanat al Asimah", 15.3547, 44.2067, "place", "Sanaa"),
    "idlib_gov": ("manual", "SY", "Idlib", 35.9306, 36.6339, "adm1", "Idlib"),
    "hasakah_gov": ("manual", "SY", "Al-Hasakah", 36.5024, 40.7477, "adm1", "Al-Hasakah"),
    "daraa_gov": ("manual", "SY", "Daraa", 32.6189, 36.1021, "adm1", "Daraa"),
    "diyala": ("manual", "IQ", "Diyala", 33.7500, 44.6400, "adm1", "Diyala"),
    "kirkuk_gov": ("manual", "IQ", "Kirkuk", 35.4681, 44.3922, "adm1", "Kirkuk"),
    "anbar": ("manual", "IQ", "Anbar", 33.4206, 43.2989, "adm1", "Anbar"),
    "jisr": ("manual", "SY", "Idlib", 35.8128, 36.3175, "place", "Jisr al-Shughur"),
    "tyre": ("manual", "LB", "South", 33.2705, 35.2038, "place", "Tyre"),
    "dahieh": ("manual", "LB", "Mount Lebanon", 33.85, 35.50, "place", "Dahieh"),
    "kfarchouba": ("manual", "LB", "Nabatieh", 33.3422, 35.7528, "place", "Kfarchouba"),
    "hamo": ("manual", "SY", "Al-Hasakah", None, None, "place", "Hamo"),
    "qamishli": ("manual", "SY", "Al-Hasakah", 37.0522, 41.2317, "place", "Qamishli"),
    "dhiban": ("manual", "SY", "Deir ez-Zor", 35.0125, 40.5006, "place", "Dhiban"),
    "hama": ("manual", "SY", "Hama", 35.1318, 36.7578, "place", "Hama"),
    "aleppo": ("manual", "SY", "Aleppo", 36.2021, 37.1343, "place", "Aleppo"),
    "green_village": ("manual", "SY", "Deir ez-Zor", None, None, "place", "Green Village base"),
    "kharab_jir": ("manual", "SY", "Al-Hasakah", None, None, "place", "Kharab al-Jir"),
    "omar_field": ("manual", "SY", "Deir ez-Zor", None, None, "place", "Al-Omar oil field"),
    "malikiyah": ("manual", "SY", "Al-Hasakah", 37.1744, 42.1367, "place", "Al-Malikiyah"),
    "jalbal": ("manual", "SY", "Aleppo", None, None, "place", "Jalbal"),
    "kimar": ("manual", "SY", "Aleppo", None, None, "place", "Kimar"),
    "naqus": ("manual", "SY", "Latakia", None, None, "place", "Khirbet al-Naqus"),
    "latakia": ("manual", "SY", "Latakia", 35.5317, 35.7901, "adm1", "Latakia"),
    "yarmouk_basin": ("manual", "SY", "Daraa", 32.75, 35.95, "region", "Yarmouk basin"),
    "orenburg": ("gn", "Orenburg", "RU"),
    "saratov": ("gn", "Saratov", "RU"),
    "grozny": ("gn", "Grozny", "RU"),
}


def resolve(place_key: str) -> dict[str, object]:
    """Country, admin-1, coordinates and kind of an annotated place key."""
    if re.fullmatch(r"[A-Z]{2}", place_key):
        return {"country": place_key, "admin1": None, "lat": None, "lon": None, "kind": "country"}
    spec = PLACES[place_key]
    if spec[0] == "manual":
        _, cc, admin1, lat, lon, kind, name_en = spec  # type: ignore[misc]
        return {"country": cc, "admin1": admin1, "lat": lat, "lon": lon, "kind": kind, "name_en": name_en}
    _, name_en, cc = spec
    rows: list[GazetteerEntry] = [
        e
        for e in default_gazetteer().entries
        if e.kind == "place" and e.name_en == name_en and e.country == cc
    ]
    if not rows:
        raise SystemExit(f"no GeoNames place {name_en!r} in {cc}")
    row = max(rows, key=lambda e: e.population)
    return {
        "country": cc,
        "admin1": row.admin1,
        "lat": row.lat,
        "lon": row.lon,
        "kind": "place",
        "name_en": name_en,
    }


def scope_end(text: str, how: str) -> int:
    if how == "all":
        return len(text)
    found = re.search(r"[.!؟?]", text[40:])
    return 40 + found.start() + 1 if found else len(text)


def main() -> None:
    records = []
    split = "dev"
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        if line.startswith("@split "):
            split = line.split()[1]  # the articles below were annotated as this split
            continue
        if not line.strip() or line.startswith("#"):
            continue
        key, how, body = (part.strip() for part in line.split("|", 2))
        article = find_article(key)
        if article is None:
            raise SystemExit(f"article not found: {key}")
        end = scope_end(article.text, how)
        cursor, mentions = 0, []
        for item in filter(None, (x.strip() for x in body.split(";"))):
            surface, place_key = (x.strip() for x in item.split("="))
            # "name~": the text runs the name into the next word (إثيوبياالدكتور), so no end boundary.
            glued = surface.endswith("~")
            surface = surface.rstrip("~")
            # "name#2": the second occurrence (the first is inside a title or an organisation's name).
            surface, _, nth = surface.partition("#")
            skip = int(nth) - 1 if nth else 0
            # A whole word, after at most two proclitics (و ف ب ل ك) or a hashtag: not inside السعودية.
            found = re.compile(
                r"(?<![\u0621-\u064A])[وفبلك]{0,2}("
                + re.escape(surface)
                + r")"
                + ("" if glued else r"(?![\u0621-\u064A])")
            )
            hit = found.search(article.text, cursor)
            for _ in range(skip):
                hit = found.search(article.text, hit.end()) if hit else None
            at = hit.start(1) if hit else -1
            if at < 0 or at + len(surface) > end:
                raise SystemExit(f"{key}: {surface!r} not found after offset {cursor} within the scope")
            cursor = at + len(surface)
            mentions.append(
                {"start": at, "end": cursor, "text": surface, "place": place_key, **resolve(place_key)}
            )
        records.append({"key": key, "scope": [0, end], "split": split, "mentions": mentions})
    with open(OUT, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} articles, {sum(len(r['mentions']) for r in records)} mentions → {OUT}")


if __name__ == "__main__":
    main()
