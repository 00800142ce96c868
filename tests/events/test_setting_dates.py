"""The setting of an event: its date (the happening's own day, the article's news day, or the publication
week) and the place a meeting is headed to (a capital that bears its country's name).

The sentences are written in the style of the Arabic news the stage reads (not copied from any article).
"""

from __future__ import annotations

from rasd.events import extract_events_from_text
from rasd.model import Event

# A Friday.
PUBLISHED = "2023-11-03T14:35:00+02:00"


def _first(text: str, plover: str, published: str = PUBLISHED) -> Event:
    events = [e for e in extract_events_from_text(text, published) if e.plover == plover]
    assert events, f"no {plover} event in {text!r}"
    return events[0]


def test_protests_after_friday_prayers_are_dated_to_that_friday() -> None:
    text = (
        "وقفات تضامنية في عدة مدن\n\n"
        "شهدت العاصمة الأردنية عمّان وقفات تضامنية حاشدة تنديداً بالعدوان على غزة.\n"
        "وجاءت هذه التظاهرات الشعبية عقب صلاة الجمعة."
    )
    event = _first(text, "PROTEST")
    assert (event.date, event.date_precision) == ("2023-11-03", "day")
    # published on the Saturday after: the Friday before it
    event = _first(text, "PROTEST", "2023-11-04T09:00:00+02:00")
    assert (event.date, event.date_precision) == ("2023-11-03", "day")


def test_friday_prayers_do_not_date_a_story_published_days_later() -> None:
    text = "وجاءت التظاهرات التي شهدتها عمّان عقب صلاة الجمعة تنديداً بالعدوان على غزة."
    event = _first(text, "PROTEST", "2023-11-07T09:00:00+02:00")
    assert event.date_precision == "week"


def test_how_long_shelling_lasted_does_not_date_the_news() -> None:
    text = "شهدت بلدة حولا قصفاً مدفعياً استمر لأكثر من ساعتين."
    event = _first(text, "ASSAULT", "2024-02-29T10:00:00+02:00")
    assert (event.date, event.date_precision) == ("2024-02-29", "week")


def test_the_past_24_hours_date_the_news_to_the_day_of_publication() -> None:
    text = "قصفت المدفعية بلدة حولا في جنوب لبنان خلال الساعات الـ24 الماضية."
    event = _first(text, "ASSAULT", "2024-02-29T10:00:00+02:00")
    assert (event.date, event.date_precision) == ("2024-02-29", "day")


def test_a_happening_a_few_days_ago_is_dated_to_the_publication_week() -> None:
    text = (
        "ذكرت وزارة الدفاع السورية، اليوم الاثنين، أن عدواناً جوياً استهدف مطار حلب الدولي.\n"
        "وقبل أيام، أعلنت عائلة الأسير شروعها في اعتصام مفتوح أمام دوّار المنارة وسط رام الله."
    )
    events = extract_events_from_text(text, "2023-08-28T08:09:00+03:00")
    sit_in = [e for e in events if e.plover == "PROTEST"]
    assert sit_in and (sit_in[0].date, sit_in[0].date_precision) == ("2023-08-28", "week")
    strike = [e for e in events if e.plover == "ASSAULT"]
    assert strike and (strike[0].date, strike[0].date_precision) == ("2023-08-28", "day")


def test_a_date_between_commas_dates_the_report_not_the_event_it_names() -> None:
    text = (
        "وعرض المتحدث باسم التحالف خلال مؤتمر صحفي، الإثنين، صوراً لبقايا الصواريخ التي أطلقت على "
        "العاصمة الرياض في أبريل/نيسان الحالي."
    )
    event = _first(text, "ASSAULT", "2018-04-16T19:05:00+03:00")
    assert (event.date, event.date_precision) == ("2018-04-01", "month")


def test_a_delegation_heading_to_a_city_meets_there() -> None:
    event = _first("وفد إسرائيلي يتوجه للدوحة لمواصلة المفاوضات حول غزة", "CONSULT", "2024-08-27")
    assert event.location is not None and event.location.name_en == "Doha"


def test_a_visit_to_a_country_named_like_its_capital_arrives_in_the_capital() -> None:
    event = _first("البرهان يصل الجزائر لإجراء محادثات مع تبون", "CONSULT", "2024-01-01")
    assert event.location is not None and event.location.name_en == "Algiers"
    event = _first("وصل وزير الخارجية الإيراني إلى سوريا في زيارة رسمية.", "CONSULT", "2024-01-01")
    assert event.location is not None and event.location.name_en == "Syria"


def test_the_same_source_going_on_keeps_a_recent_date() -> None:
    text = (
        "ذكرت وزارة الدفاع السورية، اليوم الاثنين، أن عدواناً جوياً استهدف مطار حلب الدولي.\n"
        "وقبل أيام، أفاد مصدر عسكري سوري بإصابة عسكري سوري في محيط العاصمة دمشق. "
        "وقال المصدر إن غارة إسرائيلية استهدفت موقعاً عسكرياً في ريف درعا وأسفرت عن مقتل جنديين."
    )
    events = extract_events_from_text(text, "2023-08-28T08:09:00+03:00")
    strike = [e for e in events if e.plover == "ASSAULT" and any("غارة" in s.text for s in e.evidence)]
    assert strike and (strike[0].date, strike[0].date_precision) == ("2023-08-28", "week")
