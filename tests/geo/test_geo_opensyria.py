"""Every Syrian governorate and district (Open-Syria admin data, names and aliases) resolves to its province."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rasd.geo.gazetteer import default_gazetteer
from rasd.geo.geocoder import GeoContext, find_places


def _names(unit: dict) -> list[str]:  # type: ignore[type-arg]
    return [unit["name"]["ar"], unit["name"]["en"], *(alias["value"] for alias in unit["aliases"])]


def _resolves(name: str, level: str, admin1: str) -> bool:
    if re.search(r"[A-Za-z]", name):
        return any(e.country == "SY" and e.admin1 == admin1 for e in default_gazetteer().lookup(name))
    generic = name.split()[0] in ("محافظة", "منطقة", "مركز")
    phrase = name if generic else ("محافظة " if level == "governorate" else "منطقة ") + name
    mentions = find_places(phrase, GeoContext(country="SY"))
    return bool(mentions) and (mentions[-1].place.country, mentions[-1].place.admin1) == ("SY", admin1)


def test_governorates_and_districts_resolve_to_the_right_admin1(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "geo" / "syria_opensyria"
    governorates = json.loads((folder / "governorates.json").read_text(encoding="utf-8"))
    districts = json.loads((folder / "districts.json").read_text(encoding="utf-8"))
    gazetteer = default_gazetteer()
    admin1 = {g["id"]: gazetteer.by_id["adm1:" + g["iso31662"]].admin1 for g in governorates}
    assert len(governorates) == 14 and len(districts) >= 60
    failures, total = [], 0
    for level, units, parent in (
        ("governorate", governorates, "id"),
        ("district", districts, "governorateId"),
    ):
        for unit in units:
            names = _names(unit)
            # The official Arabic and English names must all resolve.
            for name in names[:2]:
                assert _resolves(name, level, admin1[unit[parent]]), (level, name)
            for name in names[2:]:
                total += 1
                if not _resolves(name, level, admin1[unit[parent]]):
                    failures.append(name)
    # Aliases include rare romanizations (German "Dajr ez-Zaur"); all but a handful resolve.
    assert len(failures) <= 0.02 * total, failures
