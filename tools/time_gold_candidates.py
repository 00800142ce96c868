"""Candidate passages for the temporal gold set, and the builder that turns a hand-filled sheet into JSONL.

    python tools/time_gold_candidates.py list --per-kind 20 > /tmp/time_candidates.txt
    python tools/time_gold_candidates.py build /tmp/time_sheet.txt > tests/eval/gold/time_gold.jsonl

``list`` finds passages of ../shared/data/news with a *broad* regex of month names, weekdays and relative
words (deliberately not the detector of ``rasd.time``, so the gold is not shaped by it), draws a few per kind
of trigger, and prints each passage with its key, scope offsets and publication time. Nothing is resolved:
the annotator reads each passage and writes, in the sheet, every temporal expression with its value.

Sheet format (one block per passage, in the order the annotator likes)::

    @ almayadeen:123 1040 1388 2023-06-29T08:00:00+03:00
    صباح اليوم الخميس | 2023-06-29 | day | deictic
    ! صلاة الجمعة | generic Friday prayer

``@`` opens a scope (key, start, end, reference, and ``split=test`` for the held-out part); each following line is an expression written as it reads
in the text (diacritics and hamza forms may differ), found in order inside the scope; ``!`` lines record
look-alikes that are not temporal expressions (kept as ``not_timex`` records for the report).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rasd.corpora import CorpusArticle, find_article, iter_corpus, news_dir

_KINDS = {
    "levantine": r"كانون الثاني|كانون الأول|شباط|آذار|نيسان|أيار|حزيران|تموز|(?<!\w)آب(?!\w)|أيلول|تشرين",
    "msa_month": r"يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر",
    "both_months": r"(?:آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|شباط|كانون \S+|تشرين \S+)/\S+",
    "weekday": r"(?:ال)(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت)",
    "weekday_tense": r"(?:ال)(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت) (?:الماضي|المقبل|القادم|الفائت)",
    "deictic": r"(?<!\w)(?:أمس|الأمس|غداً|غدا|الليلة|البارحة|أول أمس)(?!\w)",
    "today": r"(?<!\w)اليوم(?!\w)",
    "relative": r"(?:الأسبوع|الشهر|العام|السنة) (?:الماضي|الماضية|المقبل|المقبلة|القادم|الحالي|الجاري|الجارية)",
    "ago": r"(?:قبل|منذ|بعد) (?:\d+ |\w+ )?(?:يوم|يومين|أيام|أسبوع|أسبوعين|أسابيع|شهر|شهرين|أشهر|عام|عامين|أعوام|سنة|سنوات)",
    "duration": r"(?:لمدة|على مدى|على مدار|طوال|طيلة) \S+",
    "year": r"(?:عام|العام|سنة|في|منذ) (?:19|20)\d\d",
    "decade": r"\w+(?:ينيات|ينات)",
    "part": r"(?:مطلع|منتصف|أواخر|نهاية|بداية|أوائل|أواسط) \S+",
    "hijri": r"رمضان|محرم|شوال|ذي الحجة|ذو الحجة|شعبان|رجب|هـ(?!\w)",
    "ordinal": r"(?:الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|عشر|العشرين) من \S+",
    "hijri_date": r"\d+ (?:من )?(?:رمضان|شوال|محرم|ذي الحجة|شعبان|رجب|صفر)|\d{4} ?هـ|شهر رمضان|رمضان المبارك",
    "tomorrow": r"(?<!\w)(?:غداً|غدا|بعد غد)(?!\w)",
    "day_before": r"أول أمس|أول من أمس|الليلة الماضية|ليل أمس|فجر اليوم",
    "future_weekday": r"(?:ال)(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت) (?:المقبل|القادم)",
    "numeric": r"\d{1,2}/\d{1,2}/\d{4}",
    "lookalike": r"صلاة الجمعة|خطبة الجمعة|\d+ آذار|حرب تموز|عدوان تموز|(?<!\w)مارس(?!\w)|رجب طيب|القرار \d{4}",
}
_SCOPE_MAX = 420


def _scope(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around a hit, at most about ``_SCOPE_MAX`` characters."""
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    hi_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    lo = max(lo, start - _SCOPE_MAX // 2)
    hi = min(hi, end + _SCOPE_MAX // 2)
    # Never cut a word in two.
    while 0 < lo < start and not (text[lo - 1].isspace() or text[lo - 1] == "."):
        lo += 1
    while end < hi < len(text) and not (text[hi].isspace() or text[hi - 1] == "."):
        hi -= 1
    return lo, hi


def list_candidates(per_kind: int, seed: int, folders: list[str], kinds: list[str], skip: set[str]) -> None:
    base = news_dir()
    if base is None:
        raise SystemExit("../shared/data/news not found")
    articles: list[CorpusArticle] = []
    for folder in folders:
        articles += [a for a in iter_corpus(base / folder) if a.text and a.published and a.key not in skip]
    rng = random.Random(seed)
    rng.shuffle(articles)
    patterns = {kind: re.compile(p) for kind, p in _KINDS.items() if not kinds or kind in kinds}
    found: dict[str, list[tuple[CorpusArticle, int, int]]] = defaultdict(list)
    used: set[str] = set()
    for article in articles:
        if article.key in used:
            continue
        for kind, pattern in patterns.items():
            if len(found[kind]) >= per_kind:
                continue
            hit = pattern.search(article.text)
            if hit:
                lo, hi = _scope(article.text, hit.start(), hit.end())
                found[kind].append((article, lo, hi))
                used.add(article.key)
                break
        if all(len(v) >= per_kind for v in found.values()) and len(found) == len(patterns):
            break
    for kind in patterns:
        for article, lo, hi in found[kind]:
            print(f"@ {article.key} {lo} {hi} {article.published}   # {kind}")
            print(article.text[lo:hi].replace("\n", " ⏎ "))
            print()


_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    chars, offsets = [], []
    for i, char in enumerate(text):
        if _MARKS.match(char):
            continue
        chars.append(char.translate(_FOLD))
        offsets.append(i)
    return "".join(chars), offsets


def build(sheet: Path) -> None:
    scope: dict[str, object] | None = None
    cursor, scope_end = 0, 0
    folded, offsets = "", list[int]()
    text = ""
    for number, raw in enumerate(sheet.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("  #")[0].strip()
        if not line:
            continue
        if line.startswith("@"):
            key, first, last, reference, *rest = line[1:].split()
            split = rest[0].removeprefix("split=") if rest and rest[0].startswith("split=") else "dev"
            article = find_article(key)
            if article is None:
                raise SystemExit(f"line {number}: no article {key}")
            text = article.text
            scope_end = int(last)
            scope = {
                "kind": "scope",
                "key": key,
                "start": int(first),
                "end": scope_end,
                "reference": reference,
                "split": split,
            }
            print(json.dumps(scope, ensure_ascii=False))
            folded, offsets = _folded_with_offsets(text)
            cursor = next(i for i, o in enumerate(offsets) if o >= int(first))
            continue
        if scope is None:
            raise SystemExit(f"line {number}: expression before any @ scope")
        negative = line.startswith("!")
        fields = [f.strip() for f in line.lstrip("!").split("|")]
        needle, _ = _folded_with_offsets(fields[0])
        at = folded.find(needle, cursor)
        if at == -1 or offsets[at] >= scope_end:
            raise SystemExit(f"line {number}: {fields[0]!r} not found in scope {scope['key']}")
        start = offsets[at]
        end = offsets[at + len(needle) - 1] + 1
        while end < len(text) and _MARKS.match(text[end]):
            end += 1  # tanween and tatweel belong to the word (يوماً, هـ)
        record: dict[str, object] = {"key": scope["key"], "start": start, "end": end, "text": text[start:end]}
        if negative:
            record = {"kind": "not_timex", **record, "note": fields[1] if len(fields) > 1 else ""}
        else:
            value, precision, form = fields[1], fields[2], fields[3]
            record = {
                "kind": "timex",
                **record,
                "reference": scope["reference"],
                "value": None if value == "null" else value,
                "precision": precision,
                "form": form,
            }
        print(json.dumps(record, ensure_ascii=False))
        cursor = at + len(needle)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="print candidate passages")
    listing.add_argument("--per-kind", type=int, default=20)
    listing.add_argument("--seed", type=int, default=13)
    listing.add_argument("--corpus", action="append", default=[], help="folder under data/news (repeatable)")
    listing.add_argument("--kind", action="append", default=[], help="only these kinds of trigger")
    listing.add_argument("--skip-keys", type=Path, help="a gold JSONL whose articles are left out")
    building = sub.add_parser("build", help="turn an annotated sheet into gold JSONL")
    building.add_argument("sheet", type=Path)
    args = parser.parse_args()
    if args.command == "list":
        skip = set()
        if args.skip_keys:
            skip = {
                json.loads(line)["key"] for line in args.skip_keys.read_text(encoding="utf-8").splitlines()
            }
        folders = args.corpus or ["almayadeen_2023_2024", "ant_2018"]
        list_candidates(args.per_kind, args.seed, folders, args.kind, skip)
    else:
        build(args.sheet)


if __name__ == "__main__":
    main()
