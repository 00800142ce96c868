"""How the events scorer compares a gold actor with a predicted one."""

from __future__ import annotations

from rasd.events.evaluate import actors_agree
from rasd.model import Actor


def test_english_names_agree_whatever_their_accents_and_generic_words() -> None:
    assert actors_agree(
        {"name_en": "Recep Tayyip Erdogan"}, Actor("erdogan", "أردوغان", "Recep Tayyip Erdoğan")
    )
    assert actors_agree(
        {"name_en": "Israeli military"}, Actor("x", "جيش الاحتلال", "Military Forces of Israel")
    )


def test_different_actors_do_not_agree() -> None:
    assert not actors_agree(
        {"name_en": "Hezbollah", "text": "المقاومة"}, Actor("israel", "الاحتلال", "Israel")
    )
    assert not actors_agree({"name_en": "Hamas"}, None)
