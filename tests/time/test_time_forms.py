"""The forms of Arabic dates, one behaviour per test; sentences written in the style of the news wires."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rasd.model import Timex
from rasd.time import find_timexes, throughput
from rasd.time.resolve import resolve_weekday

WEDNESDAY = date(2023, 10, 25)  # an Al Mayadeen publication day


def only(text: str, reference: date | datetime | None = WEDNESDAY) -> Timex:
    timexes = find_timexes(text, reference)
    assert len(timexes) == 1, [t.text for t in timexes]
    return timexes[0]


def value(text: str, reference: date | datetime | None = WEDNESDAY) -> str | None:
    return only(text, reference).value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وقّعت الاتفاقية في 8 شباط/فبراير 2024 في أنقرة.", "2024-02-08"),
        ("أعلن الجيش ذلك في 7 تشرين الأول/أكتوبر.", "2023-10-07"),
        ("منذ الـ7 من تشرين الأول/أكتوبر الماضي.", "2023-10-07"),
        ("وصل الوفد في الثالث من تموز/يوليو عام 2013.", "2013-07-03"),
        ("جرت الانتخابات في 12 مايو الماضي.", "2023-05-12"),
        ("تعقد القمة في 24 حزيران/يونيو المقبل.", "2024-06-24"),
        ("أسقطت الطائرة في كانون الثاني/يناير2017 فوق البحر.", "2017-01"),
        ("وتوصل الطرفان إلى اتفاق في مارس (آذار) الماضي.", "2023-03"),
        ("وصلت الشحنة مطلع شباط/فبراير الجاري.", "2023-02"),
        ("وقعت المجزرة في أواخر تشرين أول/أكتوبر الماضي.", "2022-10"),
        ("في أيار/مايو من العام الماضي هاجمت الزوارق سفينة.", "2022-05"),
    ],
)
def test_gregorian_and_levantine_months(sentence: str, expected: str) -> None:
    assert value(sentence) == expected


def test_a_past_month_after_the_reference_month_is_last_year() -> None:
    assert value("وكانت المحكمة قد أصدرت حكمها في ديسمبر الماضي.", date(2024, 1, 22)) == "2023-12"
    assert value("وفي 28 كانون الأول الماضي أعلنت الوزارة الحصيلة.", date(2024, 1, 3)) == "2023-12-28"


def test_a_year_less_date_leans_to_the_past_unless_the_verb_is_future() -> None:
    assert value("ما جرى في 7 أكتوبر غيّر المنطقة.", date(2024, 4, 23)) == "2023-10-07"
    assert value("سيزور الرئيس موسكو في 27 أيلول/سبتمبر.", date(2023, 8, 24)) == "2023-09-27"


def test_number_words_as_days() -> None:
    assert value("استقال الوزير في الحادي والعشرين من آذار/مارس 2019.") == "2019-03-21"
    assert value("وفي السابع من الشهر الجاري أعلنت الوزارة الحصيلة.") == "2023-10-07"


def test_the_first_day_of_a_pair_borrows_the_month() -> None:
    found = find_timexes("خططت القيادة في 23 و24 آذار/مارس لشنّ هجوم.", date(2023, 3, 24))
    assert [(t.text, t.value) for t in found] == [("23", "2023-03-23"), ("24 آذار/مارس", "2023-03-24")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("أعلنت الوزارة، اليوم الأربعاء، استشهاد شاب.", "2023-10-25"),
        ("قتل جنديان مساء أمس الثلاثاء في غارة.", "2023-10-24"),
        ("أعلن الجيش، يوم أمس، مقتل ضابط.", "2023-10-24"),
        ("قال المسؤول أول أمس (الاثنين) إن المفاوضات متعثرة.", "2023-10-23"),
        ("سيصل الوفد غداً الخميس إلى القاهرة.", "2023-10-26"),
        ("اندلعت اشتباكات عنيفة الليلة الماضية في المخيم.", "2023-10-24"),
        ("شنّت الطائرات فجر اليوم غارات على المدينة.", "2023-10-25"),
    ],
)
def test_deictic_days(sentence: str, expected: str) -> None:
    assert value(sentence) == expected


def test_today_counted_or_named_is_not_today() -> None:
    assert find_timexes("يواصل الاحتلال عدوانه لليوم الـ24 على التوالي.", WEDNESDAY) == []
    assert find_timexes("ماذا عن اليوم التالي للحرب؟", WEDNESDAY) == []
    assert find_timexes("تستهدف المقاومة في اليوم 202 من المعركة مواقع الاحتلال.", WEDNESDAY) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("أعلن الرئيس الاثنين تنظيم انتخابات مبكرة.", "2023-10-23"),
        ("أعلن الرئيس الأربعاء تنظيم انتخابات مبكرة.", "2023-10-25"),
        ("وغادر تركيا يوم الثلاثاء الماضي.", "2023-10-24"),
        ("وكانت الجمعة الماضية دامية.", "2023-10-20"),
        ("قصفت الطائرات المدينة صباح الأحد.", "2023-10-22"),
        ("سيلتقي الرئيسان الاثنين في البيت الأبيض.", "2023-10-30"),
        ("تنطلق الجولة الثانية من الانتخابات الأحد المقبل.", "2023-10-29"),
        ("ومن المقرر أن يصوت المجلس يوم الخميس المقبل.", "2023-10-26"),
    ],
)
def test_weekdays_from_tense(sentence: str, expected: str) -> None:
    assert value(sentence) == expected


def test_weekday_rules() -> None:
    monday = date(2025, 11, 10)
    assert resolve_weekday(0, monday, None, future=False) == monday  # the same weekday is that day
    assert resolve_weekday(0, monday, -1, future=False) == date(2025, 11, 3)
    assert resolve_weekday(0, monday, +1, future=False) == date(2025, 11, 17)
    assert resolve_weekday(4, monday, None, future=False) == date(2025, 11, 7)
    assert resolve_weekday(4, monday, None, future=True) == date(2025, 11, 14)


@pytest.mark.parametrize(
    ("sentence", "expected", "precision"),
    [
        ("تراجعت المخزونات الأسبوع الماضي.", "2023-W42", "week"),
        ("تنعقد القمة الشهر المقبل في الرياض.", "2023-11", "month"),
        ("أزاح الجيش الستار عن الصاروخ أواخر العام الماضي.", "2022", "year"),
        ("ومطلع الشهر الحالي أعلن الوزير زيارته.", "2023-10", "month"),
        ("وارتفع الإنفاق هذا العام.", "2023", "year"),
        ("تأسست الرابطة قبل 5 أشهر في جنيف.", "2023-05", "month"),
        ("لأول مرة منذ عشر سنوات يزور وفد الكونغرس حلب.", "2013", "year"),
        ("استشهد الشاب قبل نحو أسبوعين.", "2023-W41", "week"),
        ("بدأت الاتصالات قبل يومين.", "2023-10-23", "day"),
    ],
)
def test_relative_spans(sentence: str, expected: str, precision: str) -> None:
    timex = only(sentence)
    assert (timex.value, timex.precision) == (expected, precision)


def test_spans_counted_from_another_event_are_left_out() -> None:
    assert find_timexes("اعتقلته الشرطة بعد يومين من الهجوم على المدرسة.", WEDNESDAY) == []
    assert find_timexes("قبل شهر واحد فقط من عودة الكنيست.", WEDNESDAY) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("سيصدر قراراً بتعليق العمل بالقانون لمدة 180 يوماً.", "P180D"),
        ("وعلى مدى 11 شهراً سعى الرئيس إلى الشرعية.", "P11M"),
        ("حكمت المحكمة بالسجن ستة أشهر على المتهم.", "P6M"),
        ("استمرت العملية نحو ساعتين.", "PT2H"),
        ("أضرب الأسرى عن الطعام لمدة 24 ساعة.", "PT24H"),
        ("ضجت الساحة على مدى اليومين الماضيين بالخبر.", "P2D"),
        ("وقّع البلدان اتفاقية لمدة عقد كامل.", "P10Y"),
    ],
)
def test_durations_are_kept_apart_from_dates(sentence: str, expected: str) -> None:
    timex = only(sentence)
    assert (timex.value, timex.precision) == (expected, "duration")


def test_ages_and_frequencies_are_not_durations() -> None:
    assert find_timexes("اعتقل الشاب البالغ من العمر 17 عاما.", WEDNESDAY) == []
    assert find_timexes("يقتل شخص كل ثلاثة أيام في المدينة.", WEDNESDAY) == []
    assert find_timexes("استشهد الشاب يوسف (25 عاماً) برصاص الاحتلال.", WEDNESDAY) == []


@pytest.mark.parametrize(
    ("sentence", "expected", "precision"),
    [
        ("لم ننس أن هجمات باريس عام 2015 خُطط لها في سوريا.", "2015", "year"),
        ("وفي 2015 عاد إلى عمله.", "2015", "year"),
        ("اجتاحت الميليشيا العاصمة أواخر عام 2014م.", "2014", "year"),
        ("نشرت الوكالة تقريرها للعام 2017 أمس.", "2017", "year"),
        ("أحداث حصلت في التسعينات.", "199", "decade"),
        ("منذ ستينيات القرن الماضي تغيّر كل شيء.", "196", "decade"),
    ],
)
def test_years_and_decades(sentence: str, expected: str, precision: str) -> None:
    timex = find_timexes(sentence, WEDNESDAY)[0]
    assert (timex.value, timex.precision) == (expected, precision)


def test_numbers_that_are_not_years() -> None:
    assert find_timexes("بما في ذلك 2000 صاروخ موجه بالليزر.", WEDNESDAY) == []
    assert find_timexes("صدر القرار 2254 عن مجلس الأمن.", WEDNESDAY) == []
    assert find_timexes("فر أكثر من 1900 فلسطيني من المخيم.", WEDNESDAY) == []


def test_numeric_dates() -> None:
    assert value("نشر التقرير بتاريخ 14/2/2018 على موقع الوزارة.") == "2018-02-14"
    assert value("أي الثلاثاء 9/5/2023 أخلى الجيش مواقعه.") == "2023-05-09"


@pytest.mark.parametrize(
    ("sentence", "reference", "expected", "precision"),
    [
        (
            "التاريخ 19 نيسان/أبريل 2018، والموافق 3 شعبان 1439، لم يكن عادياً.",
            date(2023, 2, 23),
            "2018-04-19",
            "day",
        ),
        ("نفذت المقاومة الكمين في 27 رمضان الماضي.", date(2024, 4, 29), "2024-04-06", "day"),
        ("يطالب القرار بوقف إطلاق النار خلال شهر رمضان.", date(2024, 3, 26), "2024-03", "month"),
        ("فقد قدميه في غارة في 1433هـ.", date(2018, 6, 28), "2012", "year"),
    ],
)
def test_hijri_dates_are_converted(sentence: str, reference: date, expected: str, precision: str) -> None:
    timex = find_timexes(sentence, reference)[-1]
    assert (timex.value, timex.precision) == (expected, precision)


@pytest.mark.parametrize(
    "sentence",
    [
        "أدى المصلون صلاة الجمعة في المسجد الأقصى.",
        "اتصل الرئيس التركي رجب طيب أردوغان بنظيره.",
        "قال المتحدث العميد رمضان شريف إن الرد قادم.",
        "وتتهم قوى 14 آذار الحزب بالتعطيل.",
        "وقال إن الغرب مارس ضغوطاً على موسكو.",
        "دخل الوفد من باب الجناح الغربي.",
        "ترشح محرم إنجة للانتخابات الرئاسية.",
    ],
)
def test_look_alikes_are_not_dates(sentence: str) -> None:
    assert find_timexes(sentence, WEDNESDAY) == []


def test_without_reference_relative_expressions_have_no_value() -> None:
    timexes = find_timexes("قال الوزير أمس إن الاتفاق وُقّع في 7 تشرين الثاني 2025.", None)
    assert [(t.text, t.value) for t in timexes] == [("أمس", None), ("7 تشرين الثاني 2025", "2025-11-07")]


def test_offsets_survive_diacritics_and_tatweel() -> None:
    text = "أُعلن وقفٌ للنار لمدّة 30 يوماً، بدءاً من الـ7 من تشرين الأوّل."
    for timex in find_timexes(text, WEDNESDAY):
        assert text[timex.start : timex.end] == timex.text
    assert [t.text for t in find_timexes(text, WEDNESDAY)] == ["لمدّة 30 يوماً", "الـ7 من تشرين الأوّل"]


def test_throughput_reports_megabytes_per_second() -> None:
    assert throughput(["وصل الرئيس أمس الاثنين إلى دمشق في زيارة رسمية."] * 50) > 0
