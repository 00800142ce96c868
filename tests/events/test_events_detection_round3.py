"""Detection and merging rules of the third round, one real sentence shape each: which words report a
happening, and when two mentions are one happening."""

from __future__ import annotations

from rasd.events import extract_events, extract_events_from_text
from rasd.events.lexicon import lookup_word
from rasd.model import AnnotatedArticle, Article, Event

PUBLISHED = "2024-03-31T10:00:00+03:00"


def _events(text: str, plover: str | None = None) -> list[Event]:
    events = extract_events_from_text(text, PUBLISHED)
    return [e for e in events if plover is None or e.plover == plover]


def _article(text: str, title: str = "") -> list[Event]:
    article = Article(id="a", document_id="a", kind="article", title=title, text=text, published=PUBLISHED)
    return extract_events(AnnotatedArticle(article=article))


# --- words -----------------------------------------------------------------------------------------------


def test_changes_is_no_raid() -> None:
    assert lookup_word("تغير") is None and lookup_word("يغير") is None
    assert not _events("وهذا الأمر تغير بإبرام الاتفاق النووي في فيينا.", "ASSAULT")


def test_issued_by_is_no_confiscation() -> None:
    assert not _events("وجاء في البيان الصادر عن وزارة الخارجية السورية أن دمشق ترحب بالمبادرة.", "COERCE")


def test_a_verb_spelling_with_the_article_is_a_noun() -> None:
    hit = lookup_word("التصدي")
    assert hit is not None and not hit.verbal


def test_an_evacuation_operation_is_no_attack() -> None:
    events = _events("بدأت عملية إجلاء مقاتلي الفصائل المعارضة وعائلاتهم من مدينة درعا في جنوب سوريا.")
    assert not [e for e in events if e.plover == "ASSAULT"]


def test_a_military_operation_is_an_attack() -> None:
    assert _events("أطلق الجيش العراقي، اليوم الأحد، عملية عسكرية واسعة في صحراء الأنبار.", "ASSAULT")


def test_ground_held_is_no_ground_taken() -> None:
    text = "وقصفت المدفعية مواقع في المناطق التي تسيطر عليها المعارضة في ريف إدلب."
    assert [e.plover for e in _events(text)] == ["ASSAULT"]
    assert not _events("وتقع البلدة تحت سيطرة قوات النظام السوري منذ عام 2018.", "ASSAULT")


def test_a_boat_destroyed_by_an_aircraft_is_an_air_strike() -> None:
    (event,) = _events("دمرت طائرة إسرائيلية قاربا راسيا في مدينة غزة فجر الأربعاء.")
    assert (event.plover, event.plover_mode) == ("ASSAULT", "aerial")


def test_attackers_withdrawing_are_part_of_their_attack() -> None:
    text = (
        "وأفادت مصادر محلية عن إطلاق مسلحين في ساعات متأخرة من الليل النار باتجاه مستوطنة حومش في جنين، "
        "وانسحاب المسلحين من المكان."
    )
    assert [e.plover for e in _events(text)] == ["ASSAULT"]


def test_sounding_the_alarm_is_a_warning() -> None:
    assert _events("وزير الخارجية اليوناني يدق ناقوس الخطر بشأن الهجرة عبر بحر إيجه.", "THREATEN")


def test_what_something_is_called_is_no_battle() -> None:
    text = "ووصف الرئيس الروسي السابق المواجهة بين موسكو والغرب بأنها معركة وجودية لروسيا وشعبها."
    assert not _events(text, "ASSAULT")


def test_a_host_greeting_guests_is_no_support() -> None:
    assert not _events("ورحب السفير الأمريكي ديفيد فريدمان بالحضور في حفل افتتاح السفارة.", "SUPPORT")


# --- one record per happening --------------------------------------------------------------------------------


def test_two_dates_that_do_not_overlap_are_two_strikes() -> None:
    text = (
        "شنت طائرات إسرائيلية غارات على مطار حلب الدولي فجر اليوم الأحد. "
        "وكان مطار حلب الدولي قد تعرض لغارة إسرائيلية في 2 أيار/مايو الماضي."
    )
    assert len([e for e in _article(text) if e.plover == "ASSAULT"]) == 2


def test_a_visit_and_the_meeting_held_on_it_are_one_record() -> None:
    text = (
        "وصل وزير الخارجية الإيراني إلى دمشق اليوم الأحد في زيارة رسمية. "
        "والتقى وزير الخارجية الإيراني في دمشق الرئيس السوري بشار الأسد."
    )
    assert len([e for e in _article(text) if e.plover == "CONSULT"]) == 1


def test_two_speakers_make_two_warnings() -> None:
    text = (
        "حذّر الرئيس الروسي فلاديمير بوتين الدول الغربية من عواقب تزويد أوكرانيا بالأسلحة. "
        "وحذّر وزير الخارجية الروسي سيرغي لافروف الدول الغربية من التصعيد في البحر الأسود."
    )
    assert len([e for e in _article(text) if e.plover == "THREATEN"]) == 2


def test_houses_burnt_in_an_attack_are_part_of_it() -> None:
    text = "هاجم عشرات المستوطنين قرية ترمسعيا شمال رام الله، السبت، وأحرقوا 10 منازل و7 مركبات."
    assert [e.plover for e in _events(text)] == ["ASSAULT"]


def test_a_kidnapping_and_a_looting_are_two_happenings() -> None:
    text = (
        "اختطفت ميليشيات الحوثي عددا من مالكي محال الصرافة في محافظة البيضاء، "
        "ونهبت كميات من الأوراق النقدية الجديدة."
    )
    assert sorted(e.plover for e in _events(text)) == ["ASSAULT", "COERCE"]


def test_a_valley_named_like_a_rejection_is_a_place() -> None:
    text = "تمكنت قوات النخبة الشبوانية من مداهمة أوكار تنظيم القاعدة في وادي رفض بمحافظة شبوة."
    assert not _events(text, "REJECT")


def test_protesters_killed_at_a_protest_are_its_victims() -> None:
    text = (
        "ووصلت الاحتجاجات على امتداد الحدود بين إسرائيل وغزة ذروتها في 14 مايو، عندما أفادت مصادر طبية "
        "بمقتل ما لا يقل عن 60 محتجا فلسطينيا بنيران إسرائيلية."
    )
    (event,) = _events(text)
    assert event.plover == "PROTEST" and event.fatalities == 60


def test_another_strike_in_a_list_of_strikes_is_its_own_report() -> None:
    text = (
        "وشن طيران التحالف 6 غارات على مديرية الزيدية و3 غارات على مديرية زبيد "
        "وغارة جوية أخرى استهدفت تجمعات للمسلحين في مدينة الحديدة."
    )
    assert len(_events(text, "ASSAULT")) == 3


def test_a_vetoed_resolution_is_nothing_shot_down() -> None:
    text = "وأسقطت روسيا والصين، يوم الجمعة الماضي، مشروع قرار أميركي في مجلس الأمن الدولي."
    assert not _events(text, "ASSAULT")
    assert _events("وأسقطت الدفاعات الجوية السورية طائرة مسيرة فوق ريف حماة، اليوم الأحد.", "ASSAULT")


def test_a_speaker_attacking_in_words_accuses() -> None:
    text = "هاجمت وزارة الخارجية الإسرائيلية نادي ريال مدريد الإسباني بسبب تغريدة."
    assert [e.plover for e in _events(text)] == ["ACCUSE"]
    assert [e.plover for e in _events("هاجم مسلحون نقطة تفتيش للجيش في شمال سيناء، اليوم الأحد.")] == [
        "ASSAULT"
    ]


def test_a_blow_to_a_government_is_no_strike() -> None:
    text = "وكانت استقالة وزير الخارجية ضربة قوية لحكومة رئيسة الوزراء البريطانية تيريزا ماي."
    assert not _events(text, "ASSAULT")


def test_declining_to_comment_is_no_rejection() -> None:
    text = "لكن متحدثا عسكريا إسرائيليا رفض التعليق على هذا التصريح ردا على سؤال لفرانس برس."
    assert not _events(text, "REJECT")


def test_a_match_report_tells_no_attack() -> None:
    text = "وتصدى الحارس لوريس لتسديدة أكسيل فيتسل في الدقيقة 81 من المباراة، منقذا منتخب فرنسا."
    assert not _events(text, "ASSAULT")


def test_the_dead_of_a_flood_are_no_attack() -> None:
    assert not _events("مقتل 20 شخصا جراء الفيضانات في غرب اليابان، اليوم الأحد.", "ASSAULT")
    assert not _events("مصرع 12 مهاجرا غرقا قبالة السواحل الليبية، اليوم الأحد.", "ASSAULT")


def test_a_cautious_calm_is_no_warning() -> None:
    assert not _events("يسود هدوء حذر في قطاع غزة بعد ليلة من القصف المتبادل.", "THREATEN")


def test_a_court_convicting_is_no_condemnation() -> None:
    assert not _events("وأدانت محكمة في إسطنبول الصحفي بتهمة الترويج للإرهاب، اليوم الأحد.", "ACCUSE")
    assert _events(
        "وأدانت وزارة الخارجية القطرية بشدة اقتحام المستوطنين للمسجد الأقصى، اليوم الأحد.", "ACCUSE"
    )


def test_an_agreement_sought_is_none_made() -> None:
    text = "واشنطن تعمل مع قطر وتركيا ومصر لإبرام صفقة تبادل في غزة قبل تنصيب ترامب."
    assert not _events(text, "AGREE")


def test_talks_need_a_partner() -> None:
    assert not _events(
        "وقال موقع إسرائيلي إن الحكومة الإسرائيلية ستبحث اليوم سيناريو تفكك السلطة الفلسطينية.", "CONSULT"
    )
    assert _events(
        "وبحث وزير الخارجية القطري مع نظيره المصري في القاهرة اليوم الأحد جهود التهدئة.", "CONSULT"
    )


def test_a_battle_in_court_or_in_words_is_no_attack() -> None:
    assert not _events("وخاضت العائلة معركة قضائية طويلة ضد الشركة في باريس.", "ASSAULT")
    events = _events("وشن الرئيس الأمريكي هجوما لاذعا على وسائل الإعلام، اليوم الأحد.")
    assert [e.plover for e in events] == ["ACCUSE"]
