"""Choosing a shop's key pages from its links."""

from __future__ import annotations

from capture.links import choose_pages, page_links

HOME = """<html><head><base href="https://www.boutique.fr/"></head><body>
<nav><a href="/">Accueil</a> <a href="nouveautes">Nouveautés</a>
<a href="/produit/robe-fleurie">Robe fleurie</a> <a href="/produit/sac-cuir">Sac</a>
<a href="/12-chemise-lin.html">Chemise en lin</a>
<a href="/panier" title="Mon panier"><img src="cart.svg" alt=""></a></nav>
<footer><a href="/content/2-mentions-legales">Mentions légales</a>
<a href="/content/3-cgv">Conditions générales de vente</a>
<a href="/nous-contacter">Contact</a> <a href="/livraison-retours">Livraison et retours</a>
<a href="https://www.facebook.com/boutique">Facebook</a>
<a href="https://pay.other-domain.com/checkout">Payer</a>
<a href="/docs/cgv.pdf">CGV (PDF)</a> <a href="mailto:contact@boutique.fr">Écrire</a>
<a href="javascript:void(0)">Menu</a></footer></body></html>"""


def test_links_are_absolute_from_the_base_and_skip_non_http_ones() -> None:
    links = page_links(HOME, "https://www.boutique.fr/fr/")
    urls = [link.url for link in links]
    assert "https://www.boutique.fr/nouveautes" in urls  # resolved against <base>
    assert not any(u.startswith(("mailto:", "javascript:")) for u in urls)
    cart = next(link for link in links if link.url.endswith("/panier"))
    assert "mon panier" in cart.text  # the title counts when the link is an image


def test_each_role_gets_its_best_link_on_the_site_only() -> None:
    links = page_links(HOME, "https://www.boutique.fr/")
    chosen: dict[str, str] = {}
    for role, url in choose_pages(links, frozenset({"boutique.fr"}), 7, taken=set()):
        chosen.setdefault(role, url)
    assert chosen["legal"].endswith("/content/2-mentions-legales")
    assert chosen["terms"].endswith("/content/3-cgv")
    assert chosen["contact"].endswith("/nous-contacter")
    assert chosen["returns"].endswith("/livraison-retours")
    assert chosen["product"].endswith("/produit/robe-fleurie")
    assert chosen["checkout"].endswith("/panier")


def test_the_limit_holds_and_spare_room_goes_to_more_products() -> None:
    links = page_links(HOME, "https://www.boutique.fr/")
    picks = choose_pages(links, frozenset({"boutique.fr"}), 8, taken=set())
    urls = [url for _, url in picks]
    assert len(picks) == 8 and len(set(urls)) == 8
    products = {url for role, url in picks if role == "product"}
    assert products == {
        "https://www.boutique.fr/produit/robe-fleurie",
        "https://www.boutique.fr/produit/sac-cuir",
        "https://www.boutique.fr/12-chemise-lin.html",
    }  # every product link of the page: the spare room went to them
    assert choose_pages(links, frozenset({"boutique.fr"}), 2, taken=set()) == picks[:2]


def test_other_domains_files_taken_urls_and_the_home_page_are_never_chosen() -> None:
    links = page_links(HOME, "https://www.boutique.fr/")
    taken = {"https://www.boutique.fr/content/2-mentions-legales"}
    picks = choose_pages(links, frozenset({"boutique.fr"}), 20, taken=taken)
    urls = [url for _, url in picks]
    assert all("boutique.fr" in u and "facebook" not in u for u in urls)
    assert not any(u.endswith((".pdf", "/")) for u in urls)
    assert "https://www.boutique.fr/content/2-mentions-legales" not in urls


def test_unparseable_or_empty_html_has_no_links() -> None:
    assert page_links("", "https://a.fr/") == []
    assert page_links("\x00\x00", "https://a.fr/") == []
