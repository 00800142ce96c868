"""The text layer in one call: normalized form, clitic-aware tokens and sentences of an article's text.

``analyze`` is what the pipeline calls; ``throughput`` is what ``rasd bench`` calls to report how fast each
part runs (MB of UTF-8 text per second, one core).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from rasd.arabic.normalize import NormalizedText, normalize
from rasd.arabic.sentences import split_sentences
from rasd.arabic.tokenize import tokenize
from rasd.model import Sentence, Token


@dataclass(slots=True)
class TextAnalysis:
    """Views of one text; every offset in ``tokens`` and ``sentences`` points into ``text``."""

    text: str
    normalized: NormalizedText
    tokens: list[Token]
    sentences: list[Sentence]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        """The tokens that lie inside ``sentence``."""
        return [t for t in self.tokens if t.start >= sentence.start and t.end <= sentence.end]


def analyze(text: str) -> TextAnalysis:
    """Normalize, tokenize (clitics split off) and split ``text`` into sentences."""
    return TextAnalysis(text, normalize(text), tokenize(text), split_sentences(text))


def throughput(texts: list[str]) -> dict[str, float]:
    """MB/s (UTF-8 megabytes of ``texts`` per second, one core) of each part of the text layer.

    Keys: ``normalize``, ``tokenize``, ``sentences``, ``analyze`` (all three together), and ``mb`` (the size
    of ``texts``). The tokenizer's per-word caches are warmed by a first pass, as in a long pipeline run.
    """
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for text in texts:
        tokenize(text)  # warm the per-word caches and the lexicon

    def rate(run: Callable[[str], object]) -> float:
        started = time.process_time()
        for text in texts:
            run(text)
        return megabytes / max(time.process_time() - started, 1e-9)

    return {
        "normalize": rate(normalize),
        "tokenize": rate(tokenize),
        "sentences": rate(split_sentences),
        "analyze": rate(analyze),
        "mb": megabytes,
    }
