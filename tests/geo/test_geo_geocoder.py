"""Place mentions in Arabic text: clitics, cue words, admin parents, common words, and the seeds' places."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.geo.geocoder import GeoContext, PlaceMention, find_places


def places(text: str, context: GeoContext | None = None) -> list[PlaceMention]:
    mentions = find_places(text, context)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    return mentions


def the(text: str, name: str, context: GeoContext | None = None) -> PlaceMention:
    found = [m for m in places(text, context) if name in m.text or m.text in name]
    assert found, f"{name} not found in {text}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "name", "country", "admin1"),
    [
        ("حظر تجول كامل في مدينة الشدادي وما حولها، في جنوب محافظة الحسكة", "الشدادي", "SY", "Al-Hasakah"),
        ("تفكيك خلية في منطقة معضمية القلمون شمالي محافظة ريف دمشق", "معضمية القلمون", "SY", "Rif Dimashq"),
        ("عملية إنزال جوي في منطقة أطمة بريف إدلب شمال غربي سوريا", "أطمة", "SY", "Idlib"),
        ("نفذت القوات الأمريكية عملية في مدينة الباب بريف حلب", "الباب", "SY", "Aleppo"),
        ("تثبيت نقطة جديدة جنوب بلدة العديسة، أقدم الجيش الإسرائيلي", "العديسة", "LB", "Nabatieh"),
        ("على هامش قمة المناخ المنعقدة في مدينة بيليم البرازيلية", "بيليم", "BR", None),
        ("انفجار قرب سوق غامبورو في مايدوغوري بولاية بورنو بنيجيريا", "مايدوغوري", "NG", "Borno"),
    ],
)
def test_the_seeds_places_resolve_to_their_province(
    sentence: str, name: str, country: str, admin1: str | None
) -> None:
    place = the(sentence, name).place
    assert place.country == country
    if admin1:
        assert place.admin1 == admin1
    assert place.geo_precision == 1


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).parents[2] / "rasd" / "data" / "samples").glob("*.txt"))
)
def test_the_seed_documents_name_no_place_twice_differently(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    resolved: dict[str, set[str | None]] = {}
    for mention in places(text):
        resolved.setdefault(mention.text, set()).add(mention.place.id)
    assert all(len(ids) == 1 for ids in resolved.values()), resolved


def test_proclitics_are_peeled_off_and_offsets_stay_on_the_name() -> None:
    text = "قصف بريف حلب والرقة، وزيارة لسوريا، وعودة للرقة"
    mentions = places(text)
    assert [m.text for m in mentions] == ["حلب", "الرقة", "سوريا", "لرقة"]
    assert [m.place.admin1 for m in mentions] == ["Aleppo", "Raqqa", None, "Raqqa"]


def test_rif_and_directions_make_the_place_approximate() -> None:
    assert the("قصف مدفعي على ريف حلب الشرقي", "حلب").place.geo_precision == 2
    assert the("اشتباكات في مدينة حلب", "حلب").place.geo_precision == 1


def test_governorate_cue_picks_the_province_over_its_capital() -> None:
    province = the("في محافظة الحسكة بشمال شرق البلاد", "الحسكة").place
    town = the("سقطت قذيفة في الحسكة صباحا", "الحسكة").place
    assert province.id != town.id
    assert province.geo_precision == 3 and town.geo_precision == 1
    assert province.admin1 == town.admin1 == "Al-Hasakah"


def test_rif_dimashq_and_south_lebanon_are_regions() -> None:
    assert the("مداهمات في ريف دمشق", "ريف دمشق").place.admin1 == "Rif Dimashq"
    south = the("غارات إسرائيلية على جنوب لبنان", "جنوب لبنان").place
    assert south.country == "LB" and south.geo_precision == 3


def test_country_context_breaks_ties_between_namesakes() -> None:
    assert the("اشتباكات في طرابلس", "طرابلس").place.country == "LY"
    assert the("اشتباكات في طرابلس شمال لبنان", "طرابلس").place.country == "LB"
    assert the("اشتباكات في طرابلس", "طرابلس", GeoContext(country="LB")).place.country == "LB"


def test_common_words_that_are_also_place_names_need_a_cue() -> None:
    assert places("دخل الوفد من خلال باب الجناح الغربي للبيت الأبيض") == []
    assert places("نشرت الوكالة صور الدمار") == []
    assert places("وقال ماكرون الجمعة إن بلاده مستعدة") == []
    assert places("وعاد إلى الباب الرئيسي") == []
    tyre = the("غارة على مدينة صور جنوب لبنان", "صور").place
    assert (tyre.country, tyre.admin1) == ("LB", "South")


def test_adjectives_and_organisation_names_are_not_places() -> None:
    assert places("طرد 60 دبلوماسياً روسياً") == []
    assert places("بثت سرايا القدس مشاهد") == []


def test_an_unknown_village_is_placed_by_its_parent() -> None:
    mention = the("انفجار في قرية العيون بريف بلدة مارع شمال غرب سوريا", "العيون")
    assert mention.place.country == "SY" and mention.place.geo_precision == 2


def test_hashtags_are_read_as_words() -> None:
    assert the("أعلنت وزارة خارجية #كوريا_الجنوبية", "كوريا").place.country == "KR"


def test_the_dateline_sets_the_country_of_the_article() -> None:
    assert the("اشتباكات في طرابلس", "طرابلس", GeoContext(dateline="بيروت")).place.country == "LB"


def test_a_direction_before_a_country_stays_a_country_level_place() -> None:
    syria = the("انتشار في شمال شرقي سوريا", "سوريا").place
    assert (syria.country, syria.geo_precision) == ("SY", 3)


def test_empty_and_latin_text_have_no_places() -> None:
    assert places("") == [] and places("Damascus") == []


@pytest.mark.parametrize(
    ("name", "country", "admin1"),
    [
        ("الشدادي", "SY", "Al-Hasakah"),
        ("معضمية القلمون", "SY", "Rif Dimashq"),
        ("أطمة", "SY", "Idlib"),
        ("الباب", "SY", "Aleppo"),
        ("العديسة", "LB", "Nabatieh"),
        ("بيليم", "BR", None),
        ("مايدوغوري", "NG", "Borno"),
    ],
)
def test_the_bundled_seed_documents_place_their_towns(name: str, country: str, admin1: str | None) -> None:
    samples = Path(__file__).parents[2] / "rasd" / "data" / "samples"
    mentions = [m for path in sorted(samples.glob("*.txt")) for m in places(path.read_text("utf-8"))]
    matching = [m.place for m in mentions if m.text == name]
    assert matching, name
    assert all(p.country == country and (admin1 is None or p.admin1 == admin1) for p in matching), name
