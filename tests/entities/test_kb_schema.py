"""The actor knowledge base file: every entry valid, ids unique, names claimed by one entry unless shared."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from rasd.entities.kb import INTER_CODES, KB_PATH, KINDS, SECTORS, ActorKB, match_key
from rasd.errors import InputError

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ISO2 = re.compile(r"^[A-Z]{2}$")


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_the_knowledge_base_holds_at_least_500_actors(kb: ActorKB) -> None:
    assert len(kb) >= 500


def test_ids_are_unique_stable_slugs() -> None:
    records = yaml.safe_load(KB_PATH.read_text(encoding="utf-8"))["actors"]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert all(ID.match(i) for i in ids), [i for i in ids if not ID.match(i)]


def test_every_entry_has_a_valid_kind_country_inter_and_sector(kb: ActorKB) -> None:
    for entry in kb:
        assert entry.kind in KINDS, entry.id
        assert entry.inter in INTER_CODES, entry.id
        assert entry.sector in SECTORS, entry.id
        assert entry.country is None or ISO2.match(entry.country), entry.id
        assert entry.name_ar and entry.name_en, entry.id
        assert not entry.name_ar.isascii(), entry.id
        if entry.kind == "country":
            assert entry.country and entry.demonym_en, entry.id
        elif entry.kind == "community":
            assert entry.demonym_en or not entry.demonyms, entry.id
        else:
            assert not entry.demonyms and not entry.broken_plurals, entry.id


def test_roles_and_memberships_point_at_existing_entries(kb: ActorKB) -> None:
    for entry in kb:
        assert entry.member_of is None or kb.get(entry.member_of), entry.id
        for role in entry.roles:
            assert kb.get(role.of), (entry.id, role.of)
            assert role.title in kb.title_patterns, (entry.id, role.title)
            assert role.start is None or role.end is None or role.start < role.end, entry.id


def test_no_two_holders_of_one_office_overlap(kb: ActorKB) -> None:
    offices: dict[tuple[str, str], list[tuple[str, object, object]]] = defaultdict(list)
    for entry in kb:
        for role in entry.roles:
            offices[(role.title, role.of)].append((entry.id, role.start, role.end))
    for office, terms in offices.items():
        terms.sort(key=lambda t: str(t[1]))
        for (a, _, a_end), (b, b_start, _) in itertools.pairwise(terms):
            assert a_end is not None and b_start is not None and a_end <= b_start, (office, a, b)


def test_a_name_belongs_to_one_entry_unless_marked_shared(kb: ActorKB) -> None:
    claims: dict[str, set[str]] = defaultdict(set)
    for entry in kb:
        for name in entry.names():
            claims[match_key(name)].add(entry.id)
    for key, ids in claims.items():
        if len(ids) > 1:
            for actor_id in ids:
                shared = {match_key(a) for a in kb.entries[actor_id].shared_aliases}
                assert key in shared, f"{key!r} claimed by {sorted(ids)} but not marked shared in {actor_id}"


def test_actors_named_in_the_issue_are_all_there(kb: ActorKB) -> None:
    for name in [
        "الجيش السوري",
        "الجيش الإسرائيلي",
        "الحرس الثوري",
        "وزارة الداخلية السورية",
        "القيادة المركزية الأميركية",
        "سلاح الجو النيجيري",
        "داعش",
        "قسد",
        "هيئة تحرير الشام",
        "حزب الله",
        "حماس",
        "كتائب القسام",
        "الجهاد الإسلامي",
        "الحوثيون",
        "أنصار الله",
        "الدعم السريع",
        "ولاية غرب أفريقيا",
        "تنظيم القاعدة",
        "الحشد الشعبي",
        "PKK",
        "مجلس الأمن",
        "الأمم المتحدة",
        "التحالف الدولي لمكافحة داعش",
        "الاتحاد الأوروبي",
        "الكونغرس",
        "ترمب",
        "أحمد الشرع",
        "ماكرون",
        "أسعد الشيباني",
        "أنس خطاب",
        "نتنياهو",
        "مدنيون",
        "متظاهرون",
        "مسلحون مجهولون",
    ]:
        assert kb.lookup(name), name


def test_a_broken_file_is_refused_with_the_entry_named(tmp_path: Path) -> None:
    bad = tmp_path / "actors.yaml"
    bad.write_text(
        "actors:\n  - {id: x, name_ar: س, name_en: X, kind: person, nickname: y}\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"'x'.*nickname"):
        ActorKB.from_yaml(bad)
