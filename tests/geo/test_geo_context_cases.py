"""Context decides between namesakes: Amman or Oman, which Taybeh, a place or an adjective.

Cases found while scoring events on real Al Mayadeen, ANT and Al Jazeera articles; sentences are short
paraphrases of the constructions met there.
"""

from __future__ import annotations

import pytest

from rasd.geo.geocoder import find_places


def places(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.place.country, m.place.admin1) for m in find_places(text)]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("وصل الملك إلى العاصمة الأردنية عمان أمس", "JO"),
        ("تظاهر المئات في عمان أمام السفارة الإسرائيلية، وقالت الحكومة الأردنية إن", "JO"),
        ("وصل الوفد إلى عمان في إطار الوساطة العمانية", "OM"),
        ("وصل الوفد إلى عمان", "OM"),
    ],
)
def test_amman_or_oman_follows_the_country_the_article_describes(text: str, country: str) -> None:
    assert places(text)[0][1] == country


def test_sultanate_of_oman_and_muscat_stay_in_oman() -> None:
    assert [c for _, c, _ in places("وزير خارجية سلطنة عمان في مسقط")] == ["OM", "OM"]


def test_taybeh_in_south_lebanon_is_the_marjayoun_village_not_the_israeli_town() -> None:
    assert places("قصف مدفعي على بلدة الطيبة جنوب لبنان")[0] == ("الطيبة", "LB", "Nabatieh")
    assert places("استهدف حزب الله تجمعاً في الطيبة والخيام")[0] == ("الطيبة", "LB", "Nabatieh")


def test_taybeh_near_tel_aviv_is_the_israeli_town() -> None:
    assert places("سقط صاروخ على الطيبة قرب تل أبيب")[0][1] == "IL"


@pytest.mark.parametrize(
    ("text", "name", "country", "admin1"),
    [
        ("غارة إسرائيلية على بلدة كفرا في جنوب لبنان", "كفرا", "LB", "Nabatieh"),
        ("استهدف القصف بلدة صديقين جنوبي لبنان", "صديقين", "LB", "South"),
        ("احتجاجات في ولاية ميشيغان الأمريكية", "ميشيغان", "US", "Michigan"),
        ("وقعت هزة أرضية في جاكرتا", "جاكرتا", "ID", "Jakarta Raya"),
        ("تظاهرة في سلانيك اليونانية", "سلانيك", "GR", "Kentriki Makedonia"),
        ("قضت محكمة في القدس الغربية", "القدس الغربية", "IL", "Jerusalem"),
    ],
)
def test_places_the_articles_name(text: str, name: str, country: str, admin1: str) -> None:
    assert (name, country, admin1) in places(text)


def test_jerusalem_alone_is_coded_as_acled_codes_east_jerusalem() -> None:
    assert places("اقتحم مستوطنون المسجد الأقصى في القدس")[-1][:2] == ("القدس", "PS")


def test_the_new_and_a_tremor_are_words_not_towns() -> None:
    assert places("وقال في بيانه الجديد إن هزة سياسية تنتظر الحكومة") == []


def test_a_namesake_near_the_other_places_of_the_article_wins() -> None:
    found = places("قصف أفيفيم وعرب العرامشة ومارون الرأس ويارون والطيبة")
    assert found[-1] == ("الطيبة", "LB", "Nabatieh")


def test_a_village_in_a_comma_list_is_a_sibling_not_a_child_of_the_next_one() -> None:
    assert ("صديقين", "LB", "South") in places("استهدف القصف بلدات كفرا وصديقين، حولا وميس الجبل")


def test_a_pond_is_no_iraqi_town() -> None:
    assert places("غارة على بركة ريشا") == []


@pytest.mark.parametrize(
    "text",
    ["اعتقلت الشرطة شاباً وسط المدينة.", "تسلل مسلحون جنوب مفرق الوازعية", "سيطرت القوات على معسكر الاستقبال"],
)
def test_nouns_for_a_kind_of_place_are_no_town_after_a_direction(text: str) -> None:
    assert places(text) == []


def test_a_generic_noun_after_a_settlement_cue_is_the_town() -> None:
    assert places("تظاهرة في مدينة المفرق")[0][1:] == ("JO", "Mafraq")


def test_yarmouk_basin_is_in_daraa_not_the_damascus_camp() -> None:
    assert places("قصف في حوض اليرموك غربي درعا")[0] == ("حوض اليرموك", "SY", "Daraa")


def test_doha_in_a_gaza_story_is_qatar_unless_a_parent_names_the_bethlehem_village() -> None:
    assert places("وفد إسرائيلي يتوجه للدوحة لمواصلة المفاوضات حول غزة")[0][1] == "QA"
    assert places("اقتحمت قوات الاحتلال بلدة الدوحة غرب بيت لحم")[0][1] == "PS"


def test_erbil_is_its_own_governorate_as_acled_codes_iraq() -> None:
    assert places("هجوم بطائرة مسيرة على مطار أربيل")[0][1:] == ("IQ", "Erbil")


def test_ibb_after_a_cue_is_the_yemeni_city_and_the_month_is_not() -> None:
    assert places("قصف في مدينة إب")[0][1:] == ("YE", "Ibb")
    assert places("في منتصف آب الماضي") == []


def test_damascus_airport_lies_in_rif_dimashq() -> None:
    assert places("هبطت الطائرة في مطار دمشق الدولي")[0][1:] == ("SY", "Rif Dimashq")


def test_yemeni_districts_by_their_arabic_names() -> None:
    assert places("معارك في مديرية التحيتا جنوب الحديدة")[0][1:] == ("YE", "Al Hudaydah")
    assert places("غارات على مديرية شدا الحدودية")[0][1:] == ("YE", "Sadah")
