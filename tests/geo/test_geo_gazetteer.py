"""The built gazetteer: small, every country, Arabic and Latin names, ACLED-style admin names."""

from __future__ import annotations

from rasd.geo.gazetteer import GAZETTEER_PATH, default_gazetteer


def test_gazetteer_file_fits_the_package_budget() -> None:
    assert GAZETTEER_PATH.stat().st_size <= 40 * 1024 * 1024


def test_every_country_is_there_with_an_arabic_name() -> None:
    gazetteer = default_gazetteer()
    countries = [e for e in gazetteer.entries if e.kind == "country"]
    assert len(countries) >= 240
    assert all(e.name_ar for e in countries)
    for name, iso2 in [
        ("سوريا", "SY"),
        ("لبنان", "LB"),
        ("البرازيل", "BR"),
        ("نيجيريا", "NG"),
        ("فلسطين", "PS"),
    ]:
        assert any(e.kind == "country" and e.country == iso2 for e in gazetteer.lookup(name)), name


def test_syrian_governorates_carry_acled_style_english_names() -> None:
    gazetteer = default_gazetteer()
    names = {e.admin1 for e in gazetteer.entries if e.kind == "adm1" and e.country == "SY"}
    assert names == {
        "Al-Hasakah", "Aleppo", "Raqqa", "As-Suwayda", "Damascus", "Daraa", "Deir ez-Zor",
        "Hama", "Homs", "Idlib", "Latakia", "Quneitra", "Rif Dimashq", "Tartus",
    }  # fmt: skip


def test_lookup_folds_hamza_ta_marbuta_and_alef_maqsura() -> None:
    gazetteer = default_gazetteer()
    assert [e.id for e in gazetteer.lookup("أطمة")] == [e.id for e in gazetteer.lookup("اطمه")] != []


def test_places_have_latin_names_and_latin_lookup_tolerates_spellings() -> None:
    gazetteer = default_gazetteer()
    aleppo = next(e for e in gazetteer.lookup("حلب") if e.kind == "place")
    assert aleppo.name_en == "Aleppo"
    assert any(e.admin1 == "Latakia" for e in gazetteer.lookup("Lattakia"))
    assert any(e.admin1 == "Rif Dimashq" for e in gazetteer.lookup("Rural Damascus"))


def test_villages_of_the_region_are_included() -> None:
    gazetteer = default_gazetteer()
    syrian_places = [e for e in gazetteer.entries if e.kind == "place" and e.country == "SY"]
    assert len(syrian_places) >= 300
    assert any(e.population < 1000 for e in syrian_places)
