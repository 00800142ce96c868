"""One-line English and Arabic summaries of an event, generated from its fields (never copied from the text).

``summary_en``: "Syrian army imposed a curfew in Al-Shaddadi (Al-Hasakah, Syria) on 2025-11-09 (claimed)";
``summary_ar``: "حظر تجول — الجيش السوري — في الشدادي (الحسكة، سوريا)، 2025-11-09".
"""

from __future__ import annotations

from rasd.model import Actor, Event, Place

_VERBS_EN: dict[tuple[str, str | None], str] = {
    ("ASSAULT", "aerial"): "carried out an air strike",
    ("ASSAULT", "drone"): "carried out a drone strike",
    ("ASSAULT", "heavy-weapons"): "shelled",
    ("ASSAULT", "firearms"): "opened fire",
    ("ASSAULT", "explosives"): "set off an explosion",
    ("ASSAULT", "suicide-attack"): "carried out a suicide attack",
    ("ASSAULT", "targeted"): "carried out a targeted killing",
    ("ASSAULT", "abduct"): "abducted people",
    ("ASSAULT", "physical"): "attacked",
    ("ASSAULT", "chemical"): "carried out a chemical attack",
    ("ASSAULT", None): "attacked",
    ("COERCE", "arrest"): "arrested people",
    ("COERCE", "curfew"): "imposed a curfew",
    ("COERCE", "raid"): "carried out a raid",
    ("COERCE", "demolish"): "demolished buildings",
    ("COERCE", "seize"): "seized property",
    ("COERCE", "deport"): "deported people",
    ("COERCE", "displace"): "ordered an evacuation",
    ("COERCE", None): "coerced",
    ("PROTEST", "demo"): "demonstrated",
    ("PROTEST", "strike"): "went on strike",
    ("PROTEST", "riot"): "rioted",
    ("PROTEST", "hunger-strike"): "went on hunger strike",
    ("ACCUSE", None): "accused",
    ("REJECT", None): "rejected",
    ("THREATEN", None): "threatened",
    ("REQUEST", None): "called on",
    ("SUPPORT", None): "expressed support for",
    ("AGREE", None): "reached an agreement",
    ("AGREE", "pledge"): "pledged",
    ("AGREE", "ceasefire"): "agreed a ceasefire",
    ("CONSULT", "meet"): "met",
    ("CONSULT", "visit"): "visited",
    ("CONSULT", "call"): "held a phone call",
    ("CONSULT", None): "held talks",
    ("SANCTION", None): "imposed sanctions",
    ("SANCTION", "expel"): "expelled diplomats",
    ("SANCTION", "ban"): "imposed a ban",
    ("SANCTION", "close"): "closed a mission",
    ("SANCTION", "cut-aid"): "cut aid",
    ("SANCTION", "break-relations"): "broke off relations",
    ("SANCTION", "recall"): "recalled or summoned an ambassador",
    ("CONCEDE", None): "made a concession",
    ("CONCEDE", "ease-sanctions"): "eased sanctions",
    ("CONCEDE", "release"): "released detainees",
    ("CONCEDE", "surrender"): "surrendered",
    ("CONCEDE", "disarm"): "handed over weapons",
    ("RETREAT", None): "withdrew",
    ("RETREAT", "evacuate"): "evacuated",
    ("RETREAT", "escape"): "escaped",
    ("MOBILIZE", None): "mobilized forces",
    ("AID", None): "delivered aid",
    ("COOPERATE", None): "cooperated",
    ("COOPERATE", "join"): "joined a coalition",
}

_NOUNS_AR: dict[tuple[str, str | None], str] = {
    ("ASSAULT", "aerial"): "غارة جوية",
    ("ASSAULT", "drone"): "ضربة بطائرة مسيّرة",
    ("ASSAULT", "heavy-weapons"): "قصف",
    ("ASSAULT", "firearms"): "إطلاق نار واشتباك",
    ("ASSAULT", "explosives"): "تفجير",
    ("ASSAULT", "suicide-attack"): "هجوم انتحاري",
    ("ASSAULT", "targeted"): "اغتيال",
    ("ASSAULT", "abduct"): "اختطاف",
    ("ASSAULT", "chemical"): "هجوم كيميائي",
    ("ASSAULT", None): "هجوم",
    ("COERCE", "arrest"): "اعتقالات",
    ("COERCE", "curfew"): "حظر تجول",
    ("COERCE", "raid"): "مداهمة",
    ("COERCE", "demolish"): "هدم",
    ("COERCE", "seize"): "مصادرة",
    ("COERCE", "deport"): "ترحيل",
    ("COERCE", "displace"): "أوامر إخلاء",
    ("PROTEST", "demo"): "مظاهرة",
    ("PROTEST", "strike"): "إضراب",
    ("PROTEST", "riot"): "مواجهات",
    ("PROTEST", "hunger-strike"): "إضراب عن الطعام",
    ("ACCUSE", None): "اتهام وإدانة",
    ("REJECT", None): "رفض",
    ("THREATEN", None): "تهديد",
    ("REQUEST", None): "مطالبة",
    ("SUPPORT", None): "تأييد",
    ("AGREE", None): "اتفاق",
    ("AGREE", "pledge"): "تعهد",
    ("AGREE", "ceasefire"): "وقف إطلاق النار",
    ("CONSULT", "meet"): "لقاء",
    ("CONSULT", "visit"): "زيارة",
    ("CONSULT", "call"): "اتصال هاتفي",
    ("CONSULT", None): "محادثات",
    ("SANCTION", None): "عقوبات",
    ("SANCTION", "expel"): "طرد دبلوماسيين",
    ("CONCEDE", None): "تنازل",
    ("CONCEDE", "ease-sanctions"): "تخفيف العقوبات",
    ("CONCEDE", "release"): "إفراج",
    ("RETREAT", None): "انسحاب",
    ("RETREAT", "escape"): "فرار",
    ("MOBILIZE", None): "تعزيزات عسكرية",
    ("AID", None): "مساعدات",
    ("COOPERATE", None): "تعاون",
}

_MODALITY_EN = {
    "reported": " (reported)",
    "claimed": " (claimed)",
    "denied": " (denied)",
    "planned": " (planned)",
    "hypothetical": " (hypothetical)",
    "negated": " (did not happen)",
    "asserted": "",
}
_MODALITY_AR = {
    "reported": " (بحسب مصادر)",
    "claimed": " (بحسب الفاعل)",
    "denied": " (نُفي)",
    "planned": " (مرتقب)",
    "hypothetical": " (محتمل)",
    "negated": " (لم يحدث)",
    "asserted": "",
}


def _verb(plover: str, mode: str | None) -> str:
    return _VERBS_EN.get((plover, mode)) or _VERBS_EN.get((plover, None)) or plover.lower()


def _noun_ar(plover: str, mode: str | None) -> str:
    return _NOUNS_AR.get((plover, mode)) or _NOUNS_AR.get((plover, None)) or plover


def _where_en(place: Place | None, country_name: str | None) -> str:
    if place is None:
        return ""
    parts = [p for p in (place.admin1, country_name) if p and p != place.name_en]
    inside = f" ({', '.join(parts)})" if parts else ""
    return f" in {place.name_en or place.name_ar}{inside}"


def _where_ar(place: Place | None, country_ar: str | None) -> str:
    if place is None:
        return ""
    inside = f" ({country_ar})" if country_ar and country_ar != place.name_ar else ""
    return f" في {place.name_ar}{inside}"


def _actor_en(actor: Actor | None) -> str:
    return (actor.name_en or actor.name_ar) if actor else "Unidentified actor"


def summarize(
    event: Event, country_name: str | None = None, country_ar: str | None = None
) -> tuple[str, str]:
    """(summary_en, summary_ar) of an event."""
    verb = _verb(event.plover, event.plover_mode)
    target = f" {_actor_en(event.actor2)}" if event.actor2 else ""
    joiner = " with" if event.plover in ("CONSULT", "AGREE", "COOPERATE") and event.actor2 else ""
    english = f"{_actor_en(event.actor1)} {verb}{joiner}{target}{_where_en(event.location, country_name)}"
    if event.date and event.date_precision == "day":
        english += f" on {event.date}"
    if event.fatalities:
        english += f"; {event.fatalities} killed"
    english += _MODALITY_EN.get(event.modality, "")
    arabic = _noun_ar(event.plover, event.plover_mode)
    if event.actor1:
        arabic += f" — {event.actor1.name_ar}"
    if event.actor2:
        arabic += (
            f" ضد {event.actor2.name_ar}" if event.plover == "ASSAULT" else f" مع {event.actor2.name_ar}"
        )
    arabic += _where_ar(event.location, country_ar)
    if event.date and event.date_precision == "day":
        arabic += f"، {event.date}"
    if event.fatalities:
        arabic += f"، {event.fatalities} قتلى"
    arabic += _MODALITY_AR.get(event.modality, "")
    return english, arabic
