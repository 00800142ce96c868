"""The NER model's contract: BIO tags over tokens, entities with offsets into the text, a conlleval scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.entities.evaluate import canonical_tag, read_conll, score, spans
from rasd.entities.ner import MODEL_PATH, NerModel
from rasd.entities.ner_features import Lexicon, gazetteer_tags, split_proclitic, stem, word_tokens

SENTENCE = "دعا الرئيس الفرنسي، إيمانويل ماكرون، سوريا للانضمام إلى التحالف الدولي"

needs_model = pytest.mark.skipif(not MODEL_PATH.is_file(), reason="the NER model is not built")


def test_anercorp_and_aqmar_tags_map_to_the_model_types() -> None:
    assert canonical_tag("B-PERS") == "B-PER"
    assert canonical_tag("I-MIS2") == "I-MISC"
    assert canonical_tag("B-MIS-1") == "B-MISC"
    assert canonical_tag("I--ORG") == "I-ORG"
    assert canonical_tag("OO") == "O"


def test_spans_are_exact_bio_runs() -> None:
    tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]
    assert spans(tags) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")}


def test_score_counts_a_wrong_boundary_as_one_miss_and_one_false_alarm() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "O", "O", "B-LOC"]]
    counts = score(gold, predicted)
    assert (counts["all"].tp, counts["all"].fp, counts["all"].fn) == (1, 1, 1)
    assert counts["LOC"].f1 == 1.0


def test_conll_reader_splits_sentences_at_blank_lines(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text("ماكرون B-PERS\nيزور O\nدمشق B-LOC\n\nوصل O\n", encoding="utf-8")
    sentences = read_conll(gold)
    assert [s.tags for s in sentences] == [["B-PER", "O", "B-LOC"], ["O"]]


def test_clitics_are_split_from_the_word_not_from_short_words() -> None:
    assert split_proclitic("والعراق") == ("وال", "عراق")
    assert split_proclitic("بغداد") == ("ب", "غداد")
    assert split_proclitic("ال") == ("", "ال")
    assert stem("الفرنسيين") == "فرنس"


def test_tokens_keep_offsets_into_the_text() -> None:
    tokens = word_tokens(SENTENCE)
    assert ("،", 18, 19) in tokens
    assert all(SENTENCE[start:end] == token for token, start, end in tokens)


def test_gazetteer_names_match_with_their_clitics() -> None:
    lexicon = Lexicon(names={"الولايات المتحده": "LOC", "باريس": "LOC"}, max_name_words=2)
    words = ["وصل", "الى", "الولايات", "المتحده", "وباريس"]
    assert gazetteer_tags(words, lexicon) == ["O", "O", "B-LOC", "I-LOC", "B-LOC"]


@needs_model
def test_macron_and_syria_are_found_in_the_enab_baladi_lede() -> None:
    entities = NerModel.load().find_entities(SENTENCE)
    found = {(e.text, e.type) for e in entities}
    assert ("إيمانويل ماكرون", "PER") in found
    assert ("سوريا", "LOC") in found
    assert all(SENTENCE[e.start : e.end] == e.text for e in entities)


@needs_model
def test_tags_are_one_per_token() -> None:
    tokens = [t for t, _, _ in word_tokens(SENTENCE)]
    tags = NerModel.load().tag(tokens)
    assert len(tags) == len(tokens)
    assert set(tags) <= {"O", *(f"{p}-{k}" for p in "BI" for k in ("PER", "ORG", "LOC", "MISC"))}
    assert NerModel.load().tag([]) == []
