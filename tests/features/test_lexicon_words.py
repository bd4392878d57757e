"""The word lists match whole words, with Unicode-aware boundaries: `vite` finds "Vite !" but not
"Évitez", and an entry beside an accented letter ("Krāsas", "cartão") is inside a word.

One test per language: for each list, the words and phrases that must match (each tried at the
start and end of a text, between punctuation, after a line break) and the longer words holding
an entry that must not (each tried alone and inside a sentence). The words that must not match
were chosen from each list's short entries, several of them found matching on real shop pages
before the lists were made whole-word.
"""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from features import lexicon
from features.checkout import methods_named
from features.identifiers import company_names
from features.lexicon import combined, first, found, groups_in, hits, pattern
from features.parse import parse_site
from features.text import text_features
from tests.features.sites import make_site

# Where a word can stand: the whole text, its start, its end, between punctuation, on a line of
# its own. "zz" is no word of any list.
CONTEXTS = (
    "{}",
    "{} zz",
    "zz {}",
    "zz ({}) zz",
    "«{}»",
    "zz, {}!",
    "¿{}?",
    "zz — {}. zz",
    "zz\n{}\nzz",
    '"{}"',
)
# Where a longer word stands: alone, and inside a sentence.
WORD_CONTEXTS = ("{}", "zz {} zz", "zz, {}.")

Table = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]


def _found(name: str, text: str) -> list[str]:
    return [hit.text for hit in hits(pattern(name), text)]


def _check(table: Table) -> None:
    """Each list's must-match phrases are found whole (the boundary characters left out), in
    every context; its must-not words are found nowhere."""
    for name, (must, must_not) in table.items():
        for phrase in must:
            for context in CONTEXTS:
                text = context.format(phrase)
                assert _found(name, text) == [phrase], f"{name}: {phrase!r} in {text!r}"
        for word in must_not:
            for context in WORD_CONTEXTS:
                text = context.format(word)
                assert _found(name, text) == [], f"{name}: {word!r} matched in {text!r}"
                assert pattern(name).search(text) is None, f"{name}: {text!r}"


def test_french_words_are_matched_whole() -> None:
    _check(
        {
            "URGENCY": (
                ("vite", "Vite", "VITE", "expire", "liquidation", "Dépêchez-vous", "plus que 3"),
                ("Évitez", "Invitez", "vitesse", "évite", "inévitable", "autoliquidation"),
            ),
            "GUARANTEE": (("garantie", "garanties", "Satisfait ou remboursé"), ("garantir",)),
            "COMPANY_FORM": (
                ("SAS", "SARL", "SASU", "S.A.S.", "SCI", "SNC"),
                ("Kansas", "Krāsas", "SNCF", "conscience", "SASé"),
            ),
            "REGISTRY": (("RCS", "RM Périgueux", "registre du commerce"), ("Arcs", "Farm Paris")),
            "CAPITAL": (("au capital", "capital social"), ("nouveau capital",)),
            "HOST": (("hébergé", "Hébergeur", "hébergement"), ("héberger",)),
            "MEDIATOR": (("médiateur", "Médiation", "mediateurfevad"), ("intermédiation",)),
            "CHECKOUT_LINK": (("panier", "commande", "paiement"), ("recommandé", "paniers")),
            "RETURNS_LINK": (("retours", "livraisons", "remboursement"), ("retourner", "détour")),
            "CONTACT_LINK": (("contact", "contacts", "Contactez"), ("précontact",)),
            "PAY_TRANSFER": (("RIB", "virement bancaire"), ("Ribéry", "tribunal")),
            "DISCOUNT_CLAIM": (
                ("remise de 30%", "soldes de 40%"),
                ("130 % de remise", "promotion30%"),
            ),
        }
    )


def test_english_words_are_matched_whole() -> None:
    _check(
        {
            "URGENCY": (
                ("hurry", "Hurry", "ends in", "clearance", "only 3 left", "last chance"),
                ("trends in", "Hurrying"),
            ),
            "GUARANTEE": (("guarantee", "guaranteed", "money-back"), ("unguaranteeable",)),
            "COMPANY_FORM": (
                ("Ltd.", "Limited", "Inc.", "LLC", "PLC"),
                ("incómodos", "Income", "Unlimited", "Ltda"),
            ),
            "HOST": (("hosting", "host", "hosted by"), ("ghosting", "Hostinger", "hostel")),
            "CHECKOUT_LINK": (
                ("cart", "checkout", "onestepcheckout", "basket"),
                ("cartão", "écart", "carton"),
            ),
            "RETURNS_LINK": (("returns", "shipping", "refund"), ("returning",)),
            "DIRECTOR": (("director",), ("Directoría", "directory")),
            "PAY_DEFERRED": (("pay in 3", "buy now pay later"), ("pay in 30",)),
            "DISCOUNT_CLAIM": (("sale 20%", "30% off"), ("wholesale 20%", "130% off")),
            "WITHDRAWAL": (("right of withdrawal", "14 days to return"), ()),
        }
    )


def test_german_words_are_matched_whole() -> None:
    _check(
        {
            "URGENCY": (
                ("begrenzt", "begrenzte", "nur heute", "Ausverkauf"),
                ("unbegrenzt", "unbegrenzte", "ausverkauft"),
            ),
            "GUARANTEE": (
                ("Garantie", "Rückgabegarantie", "Geld-zurück", "garantiert"),
                ("Garantiefall",),
            ),
            "COMPANY_FORM": (("GmbH", "UG", "AG", "e.K."), ("Spaß", "Tag", "Flugzeug", "AGB")),
            "CHECKOUT_LINK": (("Kasse", "Warenkorb", "Bestellungen"), ("Krankenkasse",)),
            "RETURNS_LINK": (("Versand", "Versandkosten", "Rücksendungen", "Retoure"), ()),
            "MEDIATOR": (
                ("Streitbeilegung", "Verbraucherstreitbeilegung", "Streitschlichtung"),
                (),
            ),
            "DIRECTOR": (("Geschäftsführerin", "Inhaber"), ("Kontoinhaber",)),
            "HOST": (("Hosting", "Webhosting"), ("Ghosting",)),
            "PAY_DEFERRED": (("Rechnung", "Kauf auf Rechnung"), ("Berechnung", "Abrechnung")),
            "PAY_TRANSFER": (("Überweisung", "Sofortüberweisung", "Vorkasse"), ()),
            "WITHDRAWAL": (("vierzehn Tagen ohne Angabe von Gründen widerrufen",), ()),
        }
    )


def test_spanish_words_are_matched_whole() -> None:
    _check(
        {
            "RETURNS_LINK": (("envío", "envíos", "devoluciones"), ("reenvío",)),
            "MEDIATOR": (("mediación",), ("intermediación",)),
            "URGENCY": (("liquidación", "solo hoy", "últimas unidades"), ("autoliquidación",)),
            "DIRECTOR": (("responsable", "administradora"), ("irresponsable",)),
            "COMPANY_FORM": (("S.L.", "SLU", "S.A."), ("príslušenstvo", "Isla", "slalom")),
            "REGISTRY": (("NIF", "CIF", "hoja", "registro mercantil"), ("hojalata", "Nifé")),
            "GUARANTEE": (("garantía", "garantías", "pago seguro"), ("garantizado",)),
            "PAY_CARD": (("tarjeta", "tarjetas de crédito"), ()),
        }
    )


def test_italian_words_are_matched_whole() -> None:
    _check(
        {
            "COMPANY_FORM": (("S.p.A.", "S.r.l.", "Srls"), ("美容spa館", "Spazio")),
            "REGISTRY": (("REA", "registro delle imprese"), ("área", "realtà")),
            "TERMS_LINK": (("termini", "condizioni di vendita"), ("determinismo",)),
            "RETURNS_LINK": (("reso", "resi", "spedizione"), ("resistente", "presidente")),
            "CHECKOUT_LINK": (("cassa", "carrello", "ordine"), ("Cassaforte", "disordine")),
            "GUARANTEE": (("garanzia", "garanzie"), ()),
            "URGENCY": (("svendita", "solo oggi", "affrettati"), ("svenditaccia",)),
        }
    )


def test_words_of_every_language_are_matched_whole() -> None:
    """The lists of `neutral.py`: payment brands and gateway codes, the "-70%" sticker."""
    _check(
        {
            "PAY_CARD": (
                ("Visa", "Mastercard", "CB", "credit cards", "carte bleue"),
                ("Visage", "divisa"),
            ),
            "PAY_PAYPAL": (("PayPal", "pay-pal", "paypalobjects"), ()),
            "PAY_WALLET": (("Apple Pay", "Google Pay", "Shop Pay"), ("shop payment",)),
            "PAY_DEFERRED": (("Klarna", "Alma", "Oney", "3x sans frais"), ("almacén", "Money")),
            "PAY_CRYPTO": (
                ("Bitcoin", "crypto", "cryptomonnaies", "crypto-currency", "USDT"),
                ("cryptographie", "Crypton", "tethered"),
            ),
            "GATEWAY_COD": (("cod", "cashondelivery"), ("codé", "code")),
            "GATEWAY_CARD": (("card", "cards"), ("cardée", "cardigan")),
        }
    )


def test_discount_claims_are_whole_words_at_the_start_only() -> None:
    """A claim ends with "%", which anything may follow; the "-70%" sticker is a mark that wants a
    space, a parenthesis, a colon or the text's start before its sign, not any non-letter."""
    assert _found("DISCOUNT_CLAIM", "Save 15%\u00c2 on 3 items") == ["Save 15%"]
    assert _found("DISCOUNT_CLAIM", "Save 15%OFF") == ["Save 15%"]
    for text, claim in (
        ("-70% sur tout", "-70%"),
        ("jusqu'à -70%", " -70%"),
        ("Soldes (-70 %)", "(-70 %"),
        ("Soldes:-70%", ":-70%"),
        ("\u221270%", "\u221270%"),
    ):
        assert _found("DISCOUNT_CLAIM", text) == [claim], text
    for text in ("0%-36% APR", "10-20%", "COVID-19%", "x-70%"):
        assert _found("DISCOUNT_CLAIM", text) == [], text
    rx = pattern("DISCOUNT_CLAIM")
    assert [h.group for h in hits(rx, "remise de 30% -70%")] == [1, 2]  # a word, then a mark


def test_lists_with_marks_or_an_open_end_are_refused_in_a_combined_pass() -> None:
    with pytest.raises(ValueError, match="DISCOUNT_CLAIM"):
        combined(("PAY_CARD", "DISCOUNT_CLAIM"))


def test_a_list_that_no_module_defines_is_an_error() -> None:
    with pytest.raises(KeyError, match="NO_SUCH_LIST"):
        pattern("NO_SUCH_LIST")


def test_entries_one_space_apart_are_all_found() -> None:
    """The boundary after one entry is the boundary before the next: nothing is skipped."""
    rx = combined(("PAY_CARD", "PAY_PAYPAL", "PAY_WALLET"))
    found = [(h.text, h.group) for h in hits(rx, "visa mastercard paypal apple pay")]
    card, paypal, wallet = (rx.groupindex[n] for n in ("PAY_CARD", "PAY_PAYPAL", "PAY_WALLET"))
    assert found == [
        ("visa", card),
        ("mastercard", card),
        ("paypal", paypal),
        ("apple pay", wallet),
    ]
    assert _found("URGENCY", "vite vite vite") == ["vite", "vite", "vite"]


def test_hits_give_character_offsets_in_accented_text() -> None:
    """Offsets count characters, not UTF-8 bytes, however many accents stand before."""
    text = "Évitez l'écart, hébergé ici ; dépêchez-vous, c'est vite fini. Vite !"
    found = list(hits(pattern("URGENCY"), text))
    assert [(h.text, text[h.start : h.end]) for h in found] == [
        ("dépêchez-vous", "dépêchez-vous"),
        ("vite", "vite"),
        ("Vite", "Vite"),
    ]
    assert all(h.group == 1 for h in found)
    hit = first(pattern("HOST"), text)
    assert hit is not None and (hit.start, hit.end, hit.text) == (16, 23, "hébergé")
    assert first(pattern("HOST"), "zz") is None


def test_an_entry_with_its_own_capturing_group_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon.fr, "TEST_GROUPED", (r"(mot)s?",), raising=False)
    with pytest.raises(ValueError, match="capturing group"):
        pattern("TEST_GROUPED")


def test_an_entry_matching_nothing_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon.fr, "TEST_EMPTY", (r"x*",), raising=False)
    with pytest.raises(ValueError, match="empty string"):
        pattern("TEST_EMPTY")


def test_urgency_counts_whole_words_only() -> None:
    """ "Évitez" and "Invitez" are no urgency; "Vite !" and "vite," are one phrase."""
    body = (
        "<p>Évitez les files, invitez vos amis : vitesse garantie. Vite ! Livraison vite, "
        "stock limité.</p><p>Soldes : remise de 30% -70% -50%</p>"
    )
    site = make_site({"https://boutique.example.invalid/": f"<html><body>{body}</body></html>"})
    row = text_features(parse_site(site))
    assert row["text_urgency_phrases"] == 2  # "vite" (any case) and "stock limité"
    assert row["text_guarantee_phrases"] == 1  # "garantie"
    assert row["text_max_discount_claim"] == 70


def test_payment_words_one_space_apart_each_name_their_method() -> None:
    assert methods_named("visa mastercard paypal bitcoin") == {"card", "paypal", "crypto"}
    assert methods_named("shop payment, cryptographie, codé", with_codes=True) == set()


def test_company_forms_are_whole_words() -> None:
    assert company_names("Édité par Atelier Lumière SAS, Lyon") == {"atelier lumiere"}
    assert company_names("Livraison au Kansas et en Arkansas par la SNCF") == set()


_PIECES = st.sampled_from(
    ["visa", "paypal", "Apple Pay", "vite", "Évitez", "dépêchez-vous", "virement bancaire",
     "-70%", "15%OFF", "remise de 30%", "carte", "cartão", " ", "\n", "é", "€", "_", "(", ")"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30))
def test_hits_read_through_the_compiled_matcher_equal_the_public_api(pieces: list[str]) -> None:
    """`hits` calls RE2's compiled object directly (features/lexicon `_searcher`): on any text,
    combined lists and lists with marks alike, it finds what re2's public `search` finds;
    so do `found` and `groups_in`."""
    text = "".join(pieces)
    regexes = (combined(("PAY_CARD", "PAY_PAYPAL", "PAY_WALLET", "PAY_TRANSFER")),
               pattern("URGENCY"), pattern("DISCOUNT_CLAIM"))  # fmt: skip
    fast = [list(hits(rx, text)) for rx in regexes]
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(lexicon, "_searcher", lambda rx: partial(lexicon._public_search, rx))
        public = [list(hits(rx, text)) for rx in regexes]
    assert fast == public
    assert [groups_in(rx, text) for rx in regexes] == [{h.group for h in f} for f in fast]
    data = text.encode()
    assert [found(rx, data) for rx in regexes] == [rx.search(data) is not None for rx in regexes]
