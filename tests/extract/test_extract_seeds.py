"""The two seed pages, read perfectly: the split, the metadata, and no layout debris in any text."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.extract import extract
from rasd.ingest import read_sources
from rasd.model import Article

DEBRIS = ("TT", "play-circle", "مشاركة المقال", "مقالات ذات صلة")


def articles_of(path: Path) -> list[Article]:
    [result] = list(read_sources([str(path)]))
    assert result.document is not None
    return extract(result.document)


@pytest.fixture(scope="module")
def dump(seed_dump: Path) -> list[Article]:
    return articles_of(seed_dump)


def test_asharq_dump_splits_into_four_articles_and_five_teasers(dump: list[Article]) -> None:
    assert [a.kind for a in dump] == ["article"] + ["teaser"] * 5 + ["article"] * 3
    assert dump[0].title == "سوريا تنضم رسمياً لـ«التحالف الدولي لمكافحة داعش»"
    assert [a.title for a in dump if a.kind == "article"][1:] == [
        "حظر تجول في الشدادي بعد هروب «دواعش»",
        "«حماس» تستعد لخروج قيادات من غزة",
        "قائد الجيش اللبناني إلى واشنطن في زيارة مفصلية مطلع فبراير",
    ]


def test_no_layout_debris_in_any_text(dump: list[Article], seed_enab: Path) -> None:
    for article in [*dump, *articles_of(seed_enab)]:
        lines = article.text.split("\n")
        for marker in DEBRIS:
            assert marker not in lines, (article.title, marker)
        assert "play-circle" not in article.text
        assert article.title not in article.text, "the repeated title stays out of the text"
        for caption in article.captions:
            assert caption not in article.text, "captions are their own field"


def test_subtitle_and_doubled_caption_of_the_first_article(dump: list[Article]) -> None:
    first = dump[0]
    assert (
        first.subtitle
        == "ترمب يعد الشرع بتعليق العمل بـ«قانون قيصر» لمدة 180 يوماً ومنح سوريا فرصة لتحقيق العظمة"
    )
    assert first.captions == [
        "الرئيس السوري أحمد الشرع لحظة وصوله إلى البيت الأبيض للقاء الرئيس الأميركي دونالد ترمب الاثنين (إ.ب.أ)"
    ]
    assert first.text.startswith("أعلنت سوريا انضمامها رسمياً إلى «التحالف الدولي ضد داعش»")
    assert first.text.endswith("وحماية الأقليات الدينية والعرقية.")


def test_subheadings_stay_inside_their_article_with_offsets(dump: list[Article]) -> None:
    first = dump[0]
    assert [s.text for s in first.subheadings] == ["مطالب أميركية", "برنامج الزيارة", "قانون قيصر"]
    for span in first.subheadings:
        assert first.text[span.start : span.end] == span.text


def test_teasers_become_separate_articles(dump: list[Article]) -> None:
    teasers = [a for a in dump if a.kind == "teaser"]
    assert [t.category for t in teasers] == [
        "المشرق العربي",
        "أفريقيا",
        "المشرق العربي",
        "المشرق العربي",
        "المشرق العربي",
    ]
    first = teasers[0]
    assert first.title == "الداخلية السورية: جاهزون لاستلام وتأمين سجون «داعش» في الحسكة"
    assert first.text == (
        "أكدت وزارة الداخلية السورية اليوم الاثنين جاهزيتها الكاملة لاستلام إدارة وتأمين سجون عناصر "
        "تنظيم «داعش» في محافظة الحسكة بشمال شرق البلاد."
    )
    assert first.byline == "«الشرق الأوسط» (دمشق)"
    assert first.dateline == "دمشق"
    assert first.source == "Asharq Al-Awsat"
    assert first.captions == [
        "عناصر من «قوات سوريا الديمقراطية» في الحسكة شمال شرقي سوريا (رويترز - أرشيفية)"
    ]
    nigeria = teasers[1]
    assert nigeria.title == "نيجيريا: القضاء على عشرات الإرهابيين بقصف جوي"
    assert nigeria.byline == "الشيخ محمد (نواكشوط)" and nigeria.dateline == "نواكشوط"
    assert "يوم 25 ديسمبر 2025" in nigeria.captions[0], "captions keep the facts they carry"
    assert teasers[3].captions[0].endswith("(أ.ب)"), "the play-circle marker is stripped from captions"
    assert [t.dateline for t in teasers] == ["دمشق", "نواكشوط", "لندن", "دمشق", "واشنطن"]


def test_every_article_of_the_dump_is_credited_to_asharq_al_awsat(dump: list[Article]) -> None:
    assert {a.source for a in dump} == {"Asharq Al-Awsat"}
    assert all(a.published is None for a in dump), "the dump prints no publication date"


def test_enab_baladi_article_with_dated_header(seed_enab: Path) -> None:
    [article] = articles_of(seed_enab)
    assert article.kind == "article"
    assert article.title == (
        "ماكرون يدعو الشرع للانضمام إلى التحالف الدولي ضد تنظيم الدولة الإسلامية وزيارة مرتقبة للبيت الأبيض"
    )
    assert article.published == "2025-11-07T22:13"
    assert article.published_precision == "minute"
    assert article.source == "Enab Baladi"
    assert [s.text for s in article.subheadings] == [
        "زيارة مرتقبة إلى واشنطن للانضمام",
        "عمليات مشتركة بين سوريا والتحالف",
    ]
    assert article.text.endswith("وسُلّموا إلى قوى الأمن الداخلي في أطمة.")
    assert "مشاركة المقال" not in article.text


def test_same_teaser_read_twice_gets_the_same_id(seed_dump: Path) -> None:
    assert [a.id for a in articles_of(seed_dump)] == [a.id for a in articles_of(seed_dump)]
