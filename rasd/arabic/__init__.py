"""The Arabic text layer: every later stage reads articles through it.

- ``normalize.normalize(text) -> NormalizedText`` (with ``to_original``/``to_normalized``), ``normalize_text``
- ``tokenize.tokenize(text) -> list[Token]`` (clitics split off), ``tokenize.word_tokens(text)``
- ``stem.stem(word) -> str``: the light stem key for matching and search
- ``sentences.split_sentences(text) -> list[Sentence]``
- ``numbers.find_quantities(text) -> list[Quantity]``
- ``analysis.analyze(text) -> TextAnalysis`` (the pipeline's entry point), ``analysis.throughput(texts)``
"""
