"""ACLED event type and sub-type of an event, from its PLOVER type and mode and the words of its clause.

ACLED's scope is political violence, demonstrations and a few strategic developments; everything else
(statements, meetings, visits, sanctions, most agreements) gets no ACLED type. Within violence the mode and
the target decide: air and drone strikes, shelling, IEDs, suicide bombs and chemical weapons are "Explosions/
Remote violence"; gunfire between armed sides is an "Armed clash" (taking ground a government or non-state
"regains"/"overtakes territory"); attacks on civilians are "Violence against civilians".
"""

from __future__ import annotations

import re

ACLED_TYPES: dict[str, tuple[str, str]] = {
    "air": ("Explosions/Remote violence", "Air/drone strike"),
    "shell": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide": ("Explosions/Remote violence", "Suicide bomb"),
    "chemical": ("Explosions/Remote violence", "Chemical weapon"),
    "clash": ("Battles", "Armed clash"),
    "gov": ("Battles", "Government regains territory"),
    "nsa": ("Battles", "Non-state actor overtakes territory"),
    "attack": ("Violence against civilians", "Attack"),
    "abduct": ("Violence against civilians", "Abduction/forced disappearance"),
    "peace": ("Protests", "Peaceful protest"),
    "intervention": ("Protests", "Protest with intervention"),
    "force": ("Protests", "Excessive force against protesters"),
    "riot": ("Riots", "Violent demonstration"),
    "agreement": ("Strategic developments", "Agreement"),
    "arrests": ("Strategic developments", "Arrests"),
    "looting": ("Strategic developments", "Looting/property destruction"),
    "disrupted": ("Strategic developments", "Disrupted weapons use"),
    "transfer": ("Strategic developments", "Non-violent transfer of territory"),
}

_MODE_TO_ACLED = {
    "aerial": "air",
    "drone": "air",
    "heavy-weapons": "shell",
    "explosives": "ied",
    "suicide-attack": "suicide",
    "chemical": "chemical",
    "abduct": "abduct",
}
_CLASH_RE = re.compile(
    r"اشتباك|معارك|معركه|مواجه|تبادل|كمين|تسلل|تصد|صد |اغاره|هجوم علي (?:نقط|مركز|موقع|حاجز)|قوات|جنود|عسكري"
)
_TERRITORY_RE = re.compile(r"سيطر|تحرير|حرر|استعاد|استعاده|تقدم|تامين منطق|تمشيط")
_BLAST_RE = re.compile(r"انفجار|تفجير|عبوه|ناسف|مفخخ")
_SETTLER_VICTIMS_RE = re.compile(r"مستوطن(?:ان|ين|ون|ا)?(?![\u0621-\u064a])")
_CIVILIAN_RE = re.compile(
    r"مدني|مواطن|طفل|اطفال|نساء|امراه|سيده|شاب|مصلين|عائل|منزل|منازل|سكني|نازحين|خيام|صحافي|صحفي|مسعف|حفل|اشخاص|شخص|"
    r"والد|والده|زوجته|شقيق|ابناء"
)
_POSITION_RE = re.compile(r"موقع|مواقع|تجمع|ثكن|اليه|اليات|اليات|اليه|مستوطنه|مستعمره|قاعده|ميناء|منشاه")
_DISRUPT_LEMMAS = frozenset({"احبط", "اسقط", "اعتراض"})
_INTERVENTION_RE = re.compile(r"فرق|قمع|الغاز المسيل|مواجهات مع|اعتقال|اعتقلت|اشتباكات مع|الشرطه")
_AGREEMENT_RE = re.compile(r"وقف اطلاق النار|وقف لاطلاق النار|هدنه|سلام|تبادل الاسري|مصالحه|تسويه")
_FIGHTERS_RE = re.compile(r"مقاتل|مسلح|عناصر|التنظيم")
_STATE_FORCES_RE = re.compile(r"military|army|police|forces of|government|security|coalition")


def acled_types(
    plover: str,
    mode: str | None,
    lemmas: list[str],
    clause_text: str,
    actor1_name: str | None,
    actor2_name: str | None,
    fatalities: int,
) -> tuple[str, str] | None:
    """ACLED (event type, sub-event type) of an event, or None when it lies outside ACLED's scope."""
    key = _acled_key(plover, mode, lemmas, clause_text, actor1_name, actor2_name, fatalities)
    return ACLED_TYPES[key] if key else None


def _acled_key(
    plover: str,
    mode: str | None,
    lemmas: list[str],
    clause: str,
    actor1_name: str | None,
    actor2_name: str | None,
    fatalities: int,
) -> str | None:
    if plover == "ASSAULT":
        # Disrupted when the interception is what the mentions tell; a strike told as hitting too is a strike.
        disrupting = sum(1 for lemma in lemmas if lemma in _DISRUPT_LEMMAS)
        if (
            disrupting
            and 2 * disrupting >= len(lemmas)
            and mode in ("drone", "heavy-weapons", "aerial", None)
            and not fatalities
        ):
            return "disrupted"
        if mode in _MODE_TO_ACLED:
            return _MODE_TO_ACLED[mode]
        if _TERRITORY_RE.search(clause) and not _CIVILIAN_RE.search(clause):
            state = bool(actor1_name and _STATE_FORCES_RE.search(actor1_name.lower()))
            return "gov" if state or not actor1_name else "nsa"
        if mode is None and _BLAST_RE.search(clause):
            return "ied"  # an explosion with no other weapon named: a bomb
        if actor1_name and "settler" in actor1_name.lower():
            return "attack"  # settlers' raids and assaults are violence against civilians in ACLED
        fighting_words = re.search(r"اشتباك|معارك|معركه|مواجهات|تبادل|كمين|جنود|جندي|عسكري|قوات", clause)
        if _SETTLER_VICTIMS_RE.search(clause) and not fighting_words:
            return "attack"  # settlers shot or stabbed: civilians in ACLED
        if "مجزره" in lemmas or "مجازر" in clause:
            return "air"
        if mode == "physical":
            return "clash" if re.search(r"جنود|جندي|ضابط|عسكري", clause) else "attack"
        fighting = re.search(r"اشتباك|معارك|معركه|مواجهات|تبادل|كمين|اغاره|تسلل", clause)
        if (actor2_name == "Civilians" or _CIVILIAN_RE.search(clause)) and not fighting:
            return "attack"
        if mode is None and not fighting and _POSITION_RE.search(clause):
            return "shell"  # a post, a gathering or a vehicle "targeted" from afar: rockets and missiles
        return "clash"
    if plover == "COERCE":
        if mode == "arrest":
            return "arrests"
        if mode in ("seize", "demolish", "destroy"):
            return "looting"
        return None
    if plover == "PROTEST":
        if mode == "riot":
            return "riot"
        if fatalities:
            return "force"
        if mode == "demo" and _INTERVENTION_RE.search(clause):
            return "intervention"
        return "peace"
    if plover == "AGREE" and (mode == "ceasefire" or _AGREEMENT_RE.search(clause)):
        return "agreement"
    if plover == "RETREAT" and mode == "evacuate" and _FIGHTERS_RE.search(clause):
        return "transfer"
    return None
