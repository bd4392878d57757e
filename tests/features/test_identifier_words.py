"""find_identifiers skips a pattern's scan when its text lacks the words that pattern cannot match
without: the skip must never lose an identifier, whatever the case and the Unicode letters that
re's IGNORECASE folds (dotted and dotless i, long s)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from features import identifiers as ids

_FRAGMENTS = [
    "SIREN 732 829 320",
    "\u017firen 732829320",  # long s: IGNORECASE reads it as s
    "S\u0130RET 73282932000074",  # dotted capital I
    "RCS Paris 732 829 320",
    "N° 732829320",
    "immatriculée au RCS de Lyon sous le numéro 732 829 320",
    "FR44732829320",
    "DE123456789",
    "P.IVA 12345678901",
    "partita iva: 12345678901",
    "VAT number IT 12345678901",
    "NIF B12345678",
    "C\u0130F B12345678",
    "\u0131va 12345678901",  # dotless i
    "Company number 1234567",
    "Registered in England and Wales No. 01234567",
    "VAT Reg No: GB 123 4567 89",
    "HRB 12345",
    " sans numéro ",
    " 12 ",
]


def _every(rx: re.Pattern[str], text: str, read=lambda m: m.group(1)) -> tuple:
    return tuple(dict.fromkeys(read(m) for m in rx.finditer(text)))


def _scanned(text: str) -> tuple:
    """Each pattern run over the whole text, with no skip: what find_identifiers must give."""
    sirens = [ids._digits(m.group(1)) for m in ids._SIREN_LABELLED.finditer(text)]
    return (
        tuple(dict.fromkeys(d[:9] for d in sirens if len(d) in (9, 14))),
        _every(ids._VAT_FR, text, lambda m: (m.group(1), ids._digits(m.group(2)))),
        _every(ids._VAT_DE, text, lambda m: ids._digits(m.group(1))),
        _every(ids._PIVA, text),
        _every(ids._ES_NIF, text, lambda m: m.group(1).upper()),
        _every(ids._UK_COMPANY, text),
        _every(ids._HRB, text),
        _every(ids._VAT_GB, text, lambda m: ids._digits(m.group(1))),
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=6), st.booleans())
def test_skipping_a_scan_never_loses_an_identifier(parts: list[str], upper: bool) -> None:
    text = "".join(parts)
    text = text.upper() if upper else text
    found = ids.find_identifiers(text)
    got = (found.sirens, found.vat_fr, found.vat_de, found.piva, found.es_nif,
           found.uk_company, found.hrb, found.vat_gb)  # fmt: skip
    assert got == _scanned(text)


def test_the_folded_letters_still_name_a_siren() -> None:
    # A long s and a dotted capital I are read by IGNORECASE as s and i: the skip lets them in.
    assert ids.find_identifiers("\u017fIREN 732 829 320").sirens == ("732829320",)
    assert ids.find_identifiers("S\u0130RET 732 829 320 00074").sirens == ("732829320",)
