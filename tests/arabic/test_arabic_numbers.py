"""Quantities: digits, number words, approximators and ranges, with ACLED's conservative figure."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.arabic.numbers import evaluate, find_quantities


def only(text: str) -> tuple[float | None, str, str]:
    (quantity,) = find_quantities(text)
    assert text[quantity.start : quantity.end] == quantity.text
    return quantity.value, quantity.qualifier, quantity.text


def test_seed_more_than_forty_is_forty(seed_dump: Path) -> None:
    text = seed_dump.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "مقتل أكثر من 40" in line)
    quantity = next(q for q in find_quantities(sentence) if q.text == "أكثر من 40")
    assert (quantity.value, quantity.low, quantity.high, quantity.qualifier) == (40, 40, None, "more_than")


def test_seed_tens_and_a_number_of(seed_dump: Path, seed_enab: Path) -> None:
    assert only("أدت إلى مقتل بعض عناصر «داعش» واعتقال العشرات.") == (10, "vague", "العشرات")
    assert only("نيجيريا: القضاء على عشرات الإرهابيين بقصف جوي") == (10, "vague", "عشرات")
    assert only("أسفرت عن مقتل عدد من عناصر التنظيم.") == (3, "vague", "عدد من")
    assert only("العملية أسفرت عن تفكيك الخلية المؤلفة من ثلاثة أشخاص") == (3, "exact", "ثلاثة")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سقط نحو ١٢ قتيلاً", (12, "about", "نحو ١٢")),
        ("قتل قرابة ثلاثين مدنياً", (30, "about", "قرابة ثلاثين")),
        ("ما لا يقل عن 7 قتلى", (7, "at_least", "ما لا يقل عن 7")),
        ("نزح حوالي 1.5 مليون شخص", (1_500_000, "about", "حوالي 1.5 مليون")),
        ("شارك زهاء ألفي متظاهر", (2000, "about", "زهاء ألفي")),
        ("قتل خمسة وعشرون جندياً", (25, "exact", "خمسة وعشرون")),
        ("أصيب أربعون شخصاً", (40, "exact", "أربعون")),
        ("سقط ثلاث قذائف", (3, "exact", "ثلاث")),
        ("اعتقل اثنين من المسلحين", (2, "exact", "اثنين")),
        ("قتل أحد عشر جندياً", (11, "exact", "أحد عشر")),
        ("وصل مئة وخمسون جريحاً", (150, "exact", "مئة وخمسون")),
        ("نزح مئات الآلاف", (100_000, "vague", "مئات الآلاف")),
        ("استشهد المئات", (100, "vague", "المئات")),
        ("قتل بضعة جنود", (3, "vague", "بضعة")),
        ("10,000 جندي", (10_000, "exact", "10,000")),
        ("عفو يشمل 162 ألفا و989 معتقلا", (162_989, "exact", "162 ألفا و989")),
        ("نزح نحو مليون و200 ألف", (1_200_000, "about", "نحو مليون و200 ألف")),
        ("أكثر من تسعة وعشرين ألفاً وخمسمئة", (29_500, "more_than", "أكثر من تسعة وعشرين ألفاً وخمسمئة")),
        ("وارتقى أكثر من 8.200 طفل", (8200, "more_than", "أكثر من 8.200")),
        ("بما يقارب 3.9 % من الشهداء", (3.9, "about", "ما يقارب 3.9")),
        ("إن عدداً من الأسرى", (3, "vague", "عدداً من")),
    ],
)
def test_number_words_and_approximators(text: str, expected: tuple[float, str, str]) -> None:
    assert only(text) == expected


def test_ranges_take_their_low_end() -> None:
    (between,) = find_quantities("قتل بين 10 و20 شخصاً")
    assert (between.value, between.low, between.high, between.qualifier, between.text) == (
        10,
        10,
        20,
        "range",
        "بين 10 و20",
    )
    (dash,) = find_quantities("سقط 10-20 صاروخاً")
    assert (dash.low, dash.high, dash.text) == (10, 20, "10-20")


def test_less_than_has_no_conservative_figure() -> None:
    (quantity,) = find_quantities("قتل أقل من 10 أشخاص")
    assert (quantity.value, quantity.high, quantity.qualifier) == (None, 10, "less_than")


def test_words_that_only_look_like_numbers_are_not_quantities() -> None:
    assert find_quantities("التقى أحد القادة يوم الاثنين وتوجه نحو الجنود، لست أدري") == []
    assert find_quantities("على أعتاب اليوم الثمانين للحرب، وهو في الثانية والثلاثين") == []  # ordinals


def test_dual_nouns_count_two_and_plurals_do_not() -> None:
    assert find_quantities("أسفر الهجوم عن مقتل شخصين") == []  # duals are asked for
    (two,) = find_quantities("أسفر الهجوم عن مقتل شخصين", duals=True)
    assert (two.value, two.qualifier, two.text, two.noun) == (2, "exact", "شخصين", "شخصين")
    assert [q.text for q in find_quantities("وكانت الشهيدتان قد ارتقتا في الجنوب", duals=True)] == [
        "الشهيدتان"
    ]
    assert find_quantities("استهدف المدنيين والمسلحين في لبنان والسودان", duals=True) == []


def test_the_counted_noun_follows_the_number() -> None:
    sentence = "العملية أسفرت عن تفكيك الخلية المؤلفة من ثلاثة أشخاص"
    assert find_quantities(sentence)[0].noun == "أشخاص"
    assert find_quantities("زفّت المقاومة 5 من مجاهديها")[0].noun == "مجاهديها"


@pytest.mark.parametrize(
    ("gold", "floor"),
    [("quantities.tsv", 0.97), ("quantities_heldout.tsv", 0.98), ("quantities_blind.tsv", 0.98)],
)
def test_quantities_of_real_casualty_sentences(news_dir: Path, gold: str, floor: float) -> None:
    report = evaluate(Path(__file__).parent / "gold" / gold)
    assert report.n >= 50
    assert report.metrics["f1"] >= floor
    assert report.metrics["value_accuracy"] >= 0.98


@given(
    st.lists(
        st.sampled_from([*"٣0 5.,-", "أكثر من ", "بين ", "و", "عشرات ", "ألف ", "ثلاثة ", "نحو "]),
        max_size=20,
    )
)
def test_quantities_point_into_the_text(parts: list[str]) -> None:
    text = "".join(parts)
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.low is None or quantity.high is None or quantity.low <= quantity.high
