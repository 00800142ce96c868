"""Bytes in the encodings Arabic pages come in are read right; anything else is a clear error."""

from __future__ import annotations

import codecs

import pytest

from rasd.errors import InputError
from rasd.ingest.decode import decode

SENTENCE = "أعلنت هيئة العمليات في الجيش السوري، مساء أمس، عن حظر تجول كامل في مدينة الشدادي."


@pytest.mark.parametrize(
    ("raw", "expected_encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig"),
        (SENTENCE.encode("utf-16"), "utf-16"),
        (SENTENCE.encode("utf-16-le"), "utf-16-le"),
        (SENTENCE.encode("utf-16-be"), "utf-16-be"),
        (SENTENCE.encode("cp1256"), "cp1256"),
        (SENTENCE.encode("iso8859_6"), "iso8859_6"),
    ],
)
def test_arabic_encodings_are_read_right(raw: bytes, expected_encoding: str) -> None:
    text, encoding = decode(raw)
    assert text == SENTENCE
    assert encoding == expected_encoding


def test_binary_data_is_refused_with_one_line() -> None:
    with pytest.raises(InputError, match=r"binary data|not text"):
        decode(bytes(range(256)) * 20, "photo.jpg")


def test_unknown_single_byte_text_is_refused() -> None:
    with pytest.raises(InputError, match="supported encoding"):
        decode("Привет, как дела? Всё хорошо.".encode("koi8-r") * 5, "letter.txt")
