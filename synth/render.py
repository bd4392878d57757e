"""Renders a planned site into the HTTP responses a crawler would have captured.

Every page goes through the same code whatever the site's class: only the plan's facts differ.
Returns `Capture`s (URL, status, headers, body bytes as sent, time) ready for BundleWriter.
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import struct
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from string import Template
from types import ModuleType

import brotli

from capture.writer import http_date
from synth import ids
from synth.data import common, templates
from synth.plan import Party, Product, SitePlan, lang_module, slugify

_REASONS = {301: "Moved Permanently", 302: "Found"}


@dataclass(frozen=True)
class Capture:
    """One captured HTTP exchange."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    captured_at: datetime
    request_headers: list[tuple[str, str]] | None
    ip: str | None
    is_page: bool


def esc(text: str) -> str:
    """HTML-escape text (quotes too, since it lands in attributes as well)."""
    return html.escape(text, quote=True)


def _sub(pattern: str, **values: object) -> str:
    return Template(pattern).safe_substitute({k: str(v) for k, v in values.items()})


class SiteRenderer:
    """Holds one site's look (colours, wording choices) so every page of it is consistent."""

    def __init__(self, plan: SitePlan, seed: int) -> None:
        self.plan = plan
        self.rng = random.Random(f"render:{seed}:{plan.index}")
        rng = self.rng
        self.lang: ModuleType = lang_module(plan.lang)
        self.tpl = templates.TEMPLATES[plan.template]
        self.paths = dict(plan.paths)
        self.origin = f"https://{plan.host}"
        self.symbol = "£" if plan.currency == "GBP" else "€"
        self.price_format = rng.choice(self.lang.PRICE_FORMATS)
        if plan.currency == "GBP" or plan.lang == "en":
            self.price_format = rng.choice(
                ("{symbol}{amount}", "{symbol}{amount}", "{amount} {symbol}")
                if plan.currency == "EUR"
                else ("{symbol}{amount}",)
            )
        self.drop_cents = rng.random() < 0.2
        self.accent = rng.choice(templates.ACCENTS)
        self.values = {
            "accent": self.accent,
            "accent_rgb": ",".join(str(int(self.accent[i : i + 2], 16)) for i in (1, 3, 5)),
            "bg": rng.choice(templates.BACKGROUNDS),
            "font": rng.choice(templates.FONTS),
            "radius": rng.choice(("0px", "2px", "4px", "6px", "30px")),
            "theme": rng.choice(templates.THEMES[plan.template]),
            "theme_slug": rng.choice(templates.THEMES[plan.template]).lower() or "theme",
            "theme_n": str(rng.randint(100, 199)),
            "theme_id": str(rng.randint(120000000000, 179999999999)),
            "asset_v": str(rng.randint(1600000000, 1759999999)),
            "shop_handle": ids.fill_pattern(rng, "AAAAAA").lower() + "-" + str(rng.randint(1, 9)),
            "shop_id": str(rng.randint(10000000, 89999999)),
            "wp_minor": str(rng.randint(2, 7)),
            "wc_minor": str(rng.randint(0, 9)),
            "php_major": rng.choice(("7", "8")),
            "php_minor": str(rng.randint(0, 3)),
            "server": rng.choice(templates.SERVERS),
            "cookie_id": ids.fill_pattern(rng, "AAAAAAAA").lower(),
            "logo_file": rng.choice(("logo.png", "logo.svg", "logo-1698.png", "logo_header.png")),
            "upload_dir": f"{rng.randint(2019, 2024)}/{rng.randint(1, 12):02d}",
            "lang": self.lang.HTML_LANG,
            "locale": self.lang.LOCALE,
            "locale_us": self.lang.LOCALE.replace("-", "_"),
            "currency": plan.currency,
            "currency_lc": plan.currency.lower(),
            "currency_sign": self.symbol,
            "country_lc": plan.market.lower(),
            "host": plan.host,
            "origin": self.origin,
            "shop": esc(plan.shop_name),
            "shop_js": plan.shop_name.replace('"', ""),
            "skip": "Skip to content",
        }
        self.comp = {f"c{i}": ids.fill_pattern(rng, "AAAAA").lower() for i in range(1, 8)}
        self.nav_labels = {
            k: rng.choice(v) for k, v in self.lang.NAV.items() if isinstance(v, tuple)
        }
        self.page_titles = {k: rng.choice(v[0]) for k, v in self.lang.PAGES.items()}
        self.link_texts = {k: rng.choice(v[2]) for k, v in self.lang.PAGES.items()}
        self.add_to_cart = rng.choice(self.lang.ADD_TO_CART)
        self.kit_phrases = self.lang.KIT_PHRASES.get(plan.kit, ()) if plan.kit else ()
        self.year_founded = self._founded_year()
        self.ip = self._ip()
        self.user_agent = rng.choice(common.USER_AGENTS)
        self.content_type_charset = plan.charset == "utf-8" and rng.random() < 0.85
        self.meta_style = rng.random()
        self.holder = self._transfer_holder()
        # Drawn in the plan: an operator shows the same account on all its shops.
        self.iban, self.bic = plan.iban or "", plan.bic or ""
        self.footer_contact = rng.random() < 0.35
        # Many themes inline their critical CSS; others only link the stylesheet.
        self.inline_css = _sub(self.tpl["css"], **self.values) if rng.random() < 0.4 else ""
        self.show_vat_footer = rng.random() < 0.5

    # --- small pieces ------------------------------------------------------------------

    def _founded_year(self) -> int:
        registered = self.plan.registered_at.year
        if self.plan.is_fraud and self.rng.random() < 0.5:
            return self.rng.randint(1985, 2015)  # claimed history the domain does not back
        return max(1990, registered - self.rng.choice((0, 0, 1, 2, 5, 10)))

    def _ip(self) -> str | None:
        if self.rng.random() < 0.25:
            return None
        blocks = common.HOST_IPS.get(self.plan.host_company, ("104.21.##.###",))
        text = ids.fill_pattern(self.rng, self.rng.choice(blocks))
        return ".".join(str(min(int(part), 254)) for part in text.split("."))

    def _transfer_holder(self) -> str:
        party = self.plan.party
        if self.plan.is_fraud and self.rng.random() < 0.4:
            return (
                f"{self.rng.choice(self.lang.FIRST_NAMES)} {self.rng.choice(self.lang.LAST_NAMES)}"
            )
        if party is not None:
            return party.name
        return self.plan.shop_name

    def price(self, amount: float) -> str:
        """A price as the site writes it (decimal comma, symbol position...)."""
        whole = int(amount)
        cents = round((amount - whole) * 100)
        if cents == 100:
            whole, cents = whole + 1, 0
        grouped = f"{whole:,}".replace(",", self.lang.THOUSANDS if whole >= 1000 else "")
        text = (
            grouped
            if (self.drop_cents and cents == 0)
            else f"{grouped}{self.lang.DECIMAL}{cents:02d}"
        )
        return esc(self.price_format.format(amount=text, symbol=self.symbol))

    def href(self, key: str) -> str:
        """The path of one of the site's pages ("/" when it has none)."""
        return self.paths.get(key, "/")

    def company_label(self, party: Party | None) -> str:
        """A company as printed: its name with its legal form."""
        if party is None:
            return self.plan.shop_name
        if party.form and not party.name.endswith(party.form) and "S.r.l" not in party.name:
            return f"{party.name} {party.form}"
        return party.name

    # --- page frame --------------------------------------------------------------------

    def nav(self) -> str:
        """The main menu items."""
        rng = self.rng
        items = [("home", "/"), ("shop", self.href("shop"))]
        if self.plan.max_discount >= 20:
            items.append(
                (
                    "sale",
                    self.href("shop") + ("&" if "?" in self.href("shop") else "?") + "filter=sale",
                )
            )
        if rng.random() < 0.5:
            items.append(("new", self.href("shop")))
        if "about" in self.plan.pages:
            items.append(("about", self.href("about")))
        if "contact" in self.plan.pages:
            items.append(("contact", self.href("contact")))
        return "".join(
            _sub(self.tpl["nav_item"], href=esc(href), label=esc(self.nav_labels[k]), n=100 + i)
            for i, (k, href) in enumerate(items)
        )

    def header(self) -> str:
        """The page header: shop name, menu, account and cart links."""
        announcement = self.rng.choice(self.lang.REASSURANCE).format(
            free_from=self._free_from(), n=self._customers()
        )
        return _sub(
            self.tpl["header"],
            announcement=esc(announcement),
            nav=self.nav(),
            search=esc(self.nav_labels["search"]),
            account=esc(self.nav_labels["account"]),
            account_href=esc(self.href("shop")),
            cart=esc(self.nav_labels["cart"]),
            cart_href=esc(self.href("cart")),
            contact=esc(self.nav_labels["contact"]),
            contact_href=esc(self.href("contact")),
            tagline=esc(self.rng.choice(self.lang.REASSURANCE).format(free_from=60, n=5000)),
            **self.values,
            **self.comp,
        )

    def banner(self, kind: str) -> str:
        """The announcement bar: sale, kit phrase or reassurance (empty sometimes)."""
        plan, rng = self.plan, self.rng
        texts = []
        season = _season_key(plan.reported_at)
        if plan.max_discount >= 20 and rng.random() < 0.7:
            group = season if season != "none" else "generic"
            texts.append(rng.choice(self.lang.SALE_BANNERS[group]).format(pct=plan.max_discount))
        quirk_phrase = {"delay_banner": 0, "assembly_banner": 1, "crypto_banner": 0}
        for quirk, i in quirk_phrase.items():
            if quirk in plan.quirks and self.kit_phrases:
                texts.append(self.kit_phrases[i])
        if not texts and rng.random() < 0.4:
            texts.append(
                rng.choice(self.lang.REASSURANCE).format(
                    free_from=self._free_from(), n=self._customers()
                )
            )
        if not texts:
            return ""
        inner = " | ".join(esc(t) for t in texts)
        return f'<div class="announcement top-bar" role="region">{inner}</div>'

    def _free_from(self) -> int:
        return self.rng.choice((39, 49, 50, 60, 69, 79, 99, 150))

    def payments_block(self) -> str:
        """The footer payment logos, in the platform's markup."""
        if not self.plan.logos:
            return ""
        icons = []
        for method in self.plan.logos:
            _, slug, alt = common.PAYMENT_METHODS[method]
            icons.append(
                _sub(
                    self.tpl["payment_icon"],
                    slug=slug,
                    alt=esc(alt),
                    hash=ids.fill_pattern(self.rng, "######_AAAAAAAAAAAAAAAAAAAAA").lower(),
                    upload_dir=self.values["upload_dir"],
                )
            )
        label = self.rng.choice(self.lang.CHECKOUT["accepted"])
        return _sub(self.tpl["payments"], icons="".join(icons), label=esc(label))

    def footer(self) -> str:
        """The footer: legal and shop links, contact, payment logos, copyright, credits."""
        plan, rng, lang = self.plan, self.rng, self.lang
        legal_keys = []
        if plan.legal_link in ("page", "dead"):
            legal_keys.append("legal")
        for kind in ("terms", "privacy", "delivery", "returns", "contact"):
            if kind in plan.pages or (kind == "privacy" and rng.random() < 0.5):
                legal_keys.append(kind)
        rng.shuffle(legal_keys)
        links = "".join(
            _sub(
                self.tpl["footer_link"],
                href=esc(self.href(k)),
                label=esc(self.link_texts[k]),
                n=3 + i,
            )
            for i, k in enumerate(legal_keys)
        )
        title = rng.choice(lang.FOOTER_TITLES[:4])
        columns = [_sub(self.tpl["footer_col"], title=esc(title), links=links, n=1)]
        shop_links = _sub(
            self.tpl["footer_link"],
            href=esc(self.href("shop")),
            label=esc(self.nav_labels["shop"]),
            n=20,
        )
        if "about" in plan.pages:
            shop_links += _sub(
                self.tpl["footer_link"],
                href=esc(self.href("about")),
                label=esc(self.link_texts["about"]),
                n=21,
            )
        shop_title = self.nav_labels["shop"] if rng.random() < 0.5 else lang.FOOTER_TITLES[4]
        columns.append(_sub(self.tpl["footer_col"], title=esc(shop_title), links=shop_links, n=2))
        contact_bits = []
        if self.footer_contact:
            contact_bits.append(f'<a href="mailto:{esc(plan.email)}">{esc(plan.email)}</a>')
            if plan.phone:
                contact_bits.append(esc(plan.phone))
        if contact_bits:
            columns.append(
                _sub(
                    self.tpl["footer_col"],
                    title=esc(self.nav_labels["contact"]),
                    links="<li>" + "</li><li>".join(contact_bits) + "</li>",
                    n=3,
                )
            )
        newsletter = rng.choice(lang.NEWSLETTER)
        year = plan.captured_at.year
        copyright_choices = [c for c in lang.COPYRIGHT if "{vat}" not in c or self._vat_text()]
        copyright_text = rng.choice(copyright_choices).format(
            year=year, shop=plan.shop_name, vat=self._vat_text()
        )
        extra = []
        if plan.agency is not None:
            name, site = common.AGENCIES[plan.agency]
            credit = rng.choice(lang.AGENCY_CREDIT).format(
                agency=f'<a href="https://www.{site}" rel="nofollow">{esc(name)}</a>'
            )
            extra.append(f'<p class="credit">{credit}</p>')
        if self.kit_phrases and plan.kit in ("k1", "k4"):
            extra.append(f'<p class="footer-note">{esc(self.kit_phrases[-1])}</p>')
        return _sub(
            self.tpl["footer"],
            columns="".join(columns),
            payments=self.payments_block(),
            copyright=esc(copyright_text),
            extra="".join(extra),
            newsletter_title=esc(newsletter[0]),
            newsletter_placeholder=esc(newsletter[1]),
            newsletter_button=esc(newsletter[2]),
            **self.comp,
        )

    def _vat_text(self) -> str:
        party = self.plan.party
        if party and party.vat and self.show_vat_footer and "piva" in self.plan.notice_fields:
            return party.reg_id or ""
        return ""

    def head_extra(self, kind: str, jsonld: str) -> str:
        """Analytics snippets and JSON-LD for the <head>."""
        parts = []
        for tracker_kind, tracker_id in self.plan.trackers:
            base = self.origin + "/matomo/"
            if self.plan.kit == "k5" and tracker_kind == "matomo":
                base = templates.MATOMO_SHARED_BASE
            parts.append(_sub(templates.TRACKER_SNIPPETS[tracker_kind], id=tracker_id, base=base))
        if jsonld:
            parts.append(f'<script type="application/ld+json">{jsonld}</script>')
        return "\n".join(parts)

    def scripts(self) -> str:
        """End-of-body widgets (chat button, cookie banner) and the theme script."""
        plan = self.plan
        bits = []
        if "whatsapp" in plan.quirks:
            number = "".join(c for c in (plan.phone or "") if c.isdigit()) or ids.digits(
                self.rng, 11
            )
            bits.append(
                _sub(
                    templates.QUIRK_SNIPPETS["whatsapp"],
                    number=number,
                    text=esc(self.rng.choice(self.lang.WHATSAPP)),
                )
            )
        if "cookie_banner" in plan.quirks:
            text, button = self.rng.choice(self.lang.COOKIE_BANNER)
            bits.append(
                _sub(templates.QUIRK_SNIPPETS["cookie_banner"], text=esc(text), button=esc(button))
            )
        asset = self.tpl["paths"]["asset"]
        src = _sub(asset, name="theme.js", **self.values)
        bits.append(f'<script src="{esc(src)}" defer></script>')
        return "\n".join(bits)

    def charset_meta(self) -> str:
        """The <meta> charset declaration, in one of its two spellings."""
        charset = self.plan.charset
        if charset == "utf-8":
            return '<meta charset="utf-8">' if self.meta_style < 0.8 else '<meta charset="UTF-8">'
        if self.meta_style < 0.5:
            return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        return f'<meta charset="{charset.upper()}">'

    def document(self, kind: str, title: str, main: str, jsonld: str = "") -> str:
        """A whole HTML page of the given kind around its main content."""
        plan = self.plan
        description = self.rng.choice(self.lang.HERO).format(
            niche_word=self.rng.choice(self.lang.NICHE_WORDS[plan.niche]),
            season=self.lang.SEASONS[_season_of(plan.reported_at)],
            shop=plan.shop_name,
            year=self.year_founded,
            pct=plan.max_discount or 10,
        )
        canonical = self.origin + (self.paths.get(kind) or "/")
        meta = (
            f'<meta name="description" content="{esc(description)}">\n'
            f'<meta property="og:site_name" content="{esc(plan.shop_name)}">\n'
            f'<meta property="og:title" content="{esc(title)}">'
        )
        return _sub(
            self.tpl["doc"],
            charset_meta=self.charset_meta(),
            title=esc(title),
            meta=meta,
            canonical=esc(canonical),
            css=self.inline_css,
            head_extra=self.head_extra(kind, jsonld),
            page_kind=kind.split(":")[0],
            body_class=f"{kind.split(':')[0]}-page",
            page_comp=f"page-{self.comp['c6']}",
            banner=self.banner(kind),
            header=self.header(),
            main=main,
            footer=self.footer(),
            scripts=self.scripts(),
            **self.values,
        )

    # --- page bodies -------------------------------------------------------------------

    def price_html(self, product: Product) -> str:
        """A product's price block, with the struck former price when on sale."""
        if product.old_price:
            pct = round(100 * (1 - product.price / product.old_price))
            label = self.rng.choice(self.lang.OLD_PRICE_LABELS)
            return _sub(
                self.tpl["price_sale"],
                price=self.price(product.price),
                old=self.price(product.old_price),
                old_label=esc(label) if label else "",
                pct=pct,
            )
        return _sub(self.tpl["price"], price=self.price(product.price))

    def badge(self, product: Product) -> str:
        """A discount badge for a product card (not on every sale item)."""
        if not product.old_price or self.rng.random() < 0.3:
            return ""
        pct = round(100 * (1 - product.price / product.old_price))
        text = self.rng.choice(self.lang.BADGES).format(pct=pct)
        return _sub(self.tpl["badge"], text=esc(text))

    def image(self, product: Product) -> str:
        """A product image URL as the platform builds it."""
        plan = self.plan
        if plan.template == "shopify":
            return (
                f"//{plan.host}/cdn/shop/files/{product.image}?v={self.values['asset_v']}&width=533"
            )
        if plan.template == "woocommerce":
            return f"/wp-content/uploads/{self.values['upload_dir']}/{product.image}"
        if plan.template == "prestashop":
            return f"/{self.rng.randint(10, 999)}-home_default/{product.image}"
        if plan.template == "wix":
            media = ids.fill_pattern(self.rng, "######_AAAAAAAAAAAA").lower()
            return f"https://static.wixstatic.com/media/{media}~mv2.jpg"
        if plan.template == "magento":
            cache = ids.fill_pattern(self.rng, "AAAAAAAA").lower()
            first, second = product.image[0], product.image[1]
            return f"/media/catalog/product/cache/{cache}/{first}/{second}/{product.image}"
        return f"/images/produits/{product.image}"

    def card(self, i: int, product: Product) -> str:
        """A product card of the home-page grid."""
        return _sub(
            self.tpl["card"],
            href=esc(self.href(f"product:{i}")),
            img=esc(self.image(product)),
            name=esc(product.name),
            price_html=self.price_html(product),
            badge=self.badge(product),
            product_id=100 + i,
            slug=product.slug,
        )

    def urgency_html(self) -> str:
        """Scarcity and urgency lines, countdown and visitor counter."""
        plan, rng = self.plan, self.rng
        parts = []
        if plan.urgency:
            for text in rng.sample(self.lang.URGENCY, k=rng.randint(1, 2)):
                line = text.format(n=rng.randint(2, 19), h=rng.randint(2, 23))
                parts.append(f'<p class="stock-alert urgency">{esc(line)}</p>')
        if "countdown" in plan.quirks:
            end = (plan.captured_at + timedelta(hours=rng.randint(2, 30))).strftime(
                "%Y-%m-%dT%H:%M:%S"
            )
            parts.append(
                _sub(
                    templates.QUIRK_SNIPPETS["countdown"],
                    end=end,
                    label=esc(rng.choice(self.lang.BADGES).format(pct=plan.max_discount or 10)),
                    h=f"{rng.randint(0, 23):02d}",
                    m=f"{rng.randint(0, 59):02d}",
                    s=f"{rng.randint(0, 59):02d}",
                )
            )
        if "visitors" in plan.quirks:
            text = self.lang.URGENCY[1].format(n=rng.randint(8, 60), h=1)
            parts.append(_sub(templates.QUIRK_SNIPPETS["visitors"], text=esc(text)))
        return "".join(parts)

    def rating_html(self) -> tuple[str, float, int]:
        """(star rating block, rating value, review count) when the site shows reviews."""
        if "reviews" not in self.plan.quirks:
            return "", 0.0, 0
        value = round(self.rng.uniform(4.1, 4.9), 1)
        count = self.rng.randint(3, 2400)
        text = self.rng.choice(self.lang.REVIEW_COUNT).format(n=count)
        return _sub(templates.QUIRK_SNIPPETS["rating"], value=value, count=esc(text)), value, count

    def reviews_html(self) -> str:
        """Two customer reviews, when the site shows reviews."""
        if "reviews" not in self.plan.quirks:
            return ""
        items = "".join(
            _sub(
                templates.QUIRK_SNIPPETS["review"],
                text=esc(text),
                name=esc(self._reviewer()),
            )
            for text in self.rng.sample(self.lang.REVIEW_TEXTS, k=2)
        )
        return _sub(
            templates.QUIRK_SNIPPETS["reviews"],
            title=esc(self.rng.choice(self.lang.REVIEWS)),
            items=items,
        )

    def _reviewer(self) -> str:
        return (
            f"{self.rng.choice(self.lang.FIRST_NAMES)} {self.rng.choice(self.lang.LAST_NAMES)[0]}."
        )

    def _customers(self) -> int:
        return self.rng.choice((500, 1000, 5000, 20000))

    def reassurance(self) -> str:
        """Three reassurance bullets (delivery, returns, secure payment...)."""
        items = self.rng.sample(self.lang.REASSURANCE, k=3)
        return (
            '<ul class="reassurance">'
            + "".join(
                f"<li>{esc(t.format(free_from=self._free_from(), n=self._customers()))}</li>"
                for t in items
            )
            + "</ul>"
        )

    def home(self) -> str:
        """The home page."""
        plan, rng, lang = self.plan, self.rng, self.lang
        heroes = [h for h in lang.HERO if "{pct}" not in h or plan.max_discount >= 20]
        hero = rng.choice(heroes).format(
            niche_word=rng.choice(lang.NICHE_WORDS[plan.niche]),
            season=lang.SEASONS[_season_of(plan.reported_at)],
            shop=plan.shop_name,
            year=self.year_founded,
            pct=plan.max_discount,
        )
        grid = "".join(self.card(i, p) for i, p in enumerate(plan.products))
        about = rng.choice(lang.ABOUT).format(
            shop=plan.shop_name,
            year=self.year_founded,
            city=plan.party.city if plan.party and plan.party.city else rng.choice(lang.CITIES)[0],
            niche_word=rng.choice(lang.NICHE_WORDS[plan.niche]),
        )
        extra = self.reassurance()
        if self.kit_phrases:
            extra += f"<p>{esc(self.kit_phrases[0])}</p>"
        if plan.urgency and rng.random() < 0.5:
            extra += self.urgency_html()
        extra += self.reviews_html()
        main = _sub(
            self.tpl["home"],
            hero=esc(hero),
            grid=grid,
            about=esc(about),
            extra=extra,
            shop_label=esc(self.nav_labels["shop"]),
            shop_href=esc(self.href("shop")),
            slide=f"sample-{rng.randint(1, 3)}",
            **self.comp,
        )
        title = f"{plan.shop_name} - {hero}" if rng.random() < 0.6 else plan.shop_name
        return self.document("home", title, main, self.org_jsonld())

    def org_jsonld(self) -> str:
        """An Organization JSON-LD block for some sites."""
        if "jsonld" not in self.plan.quirks or self.rng.random() < 0.5:
            return ""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.plan.shop_name,
            "url": self.origin + "/",
        }
        if self.plan.phone:
            data["telephone"] = self.plan.phone
        return json.dumps(data, ensure_ascii=False)

    def product(self, i: int, product: Product) -> str:
        """A product page, with JSON-LD Product/Offer on some sites."""
        plan, rng, lang = self.plan, self.rng, self.lang
        colour = rng.choice(lang.COLOURS)
        sentences = rng.sample(lang.DESCRIPTIONS, k=rng.randint(2, 4))
        description = "".join(
            "<p>"
            + esc(s.format(product=product.name.lower(), colour=colour, warranty=rng.randint(1, 3)))
            + "</p>"
            for s in sentences
        )
        rating, value, count = self.rating_html()
        extra = self.reassurance() + self.reviews_html()
        main = _sub(
            self.tpl["product"],
            name=esc(product.name),
            img=esc(self.image(product)),
            price_html=self.price_html(product),
            urgency=self.urgency_html() if (plan.urgency or plan.quirks) else "",
            add_to_cart=esc(self.add_to_cart),
            description=description,
            description_title=esc(rng.choice(lang.DESCRIPTION)),
            sku=esc(product.sku),
            sku_label=esc(rng.choice(lang.REFERENCE)),
            stock=esc(rng.choice(lang.IN_STOCK)),
            rating=rating,
            vendor=esc(plan.shop_name),
            variant_id=rng.randint(40000000000000, 49999999999999),
            product_id=100 + i,
            href=esc(self.href(f"product:{i}")),
            cart_href=esc(self.href("cart")),
            extra=extra,
            **self.comp,
        )
        jsonld = ""
        maker = product.brand is not None  # a maker's product: its codes are in the JSON-LD
        if maker or "jsonld" in plan.quirks or ("jsonld_min" in plan.quirks and rng.random() < 0.5):
            offer = {
                "@type": "Offer",
                "price": f"{product.price:.2f}",
                "priceCurrency": plan.currency,
                "availability": "https://schema.org/InStock",
                "url": self.origin + self.href(f"product:{i}"),
            }
            if product.old_price and rng.random() < 0.3:
                offer["priceSpecification"] = {
                    "@type": "UnitPriceSpecification",
                    "price": f"{product.old_price:.2f}",
                    "priceType": "https://schema.org/ListPrice",
                }
            data = {
                "@context": "https://schema.org/",
                "@type": "Product",
                "name": product.name,
                "sku": product.sku,
                "image": self.image(product),
                "offers": offer,
            }
            if count:
                data["aggregateRating"] = {
                    "@type": "AggregateRating",
                    "ratingValue": value,
                    "reviewCount": count,
                }
            if maker:
                data["brand"] = {"@type": "Brand", "name": product.brand}
                if product.gtin:
                    data["gtin13"] = product.gtin
                if product.model:
                    data["mpn"] = product.model
            elif rng.random() < 0.5:
                data["brand"] = {"@type": "Brand", "name": plan.shop_name}
            jsonld = json.dumps(data, ensure_ascii=False)
        title = f"{product.name} \u2013 {plan.shop_name}" if rng.random() < 0.7 else product.name
        return self.document(f"product:{i}", title, main, jsonld)

    def content_page(self, kind: str, body: str) -> str:
        """A text page (legal, terms, contact...) in the platform's page layout."""
        title = self.page_titles[kind]
        main = _sub(
            self.tpl["page"],
            title=esc(title),
            body=body,
            page_id=self.rng.randint(2, 3000),
            cms_id=self.rng.randint(1, 30),
            **self.comp,
        )
        return self.document(kind, f"{title} - {self.plan.shop_name}", main)

    def party_values(self, party: Party) -> dict[str, str]:
        """Each notice field of a party, written the way this site writes it."""
        rng, lang = self.rng, self.lang
        reg = party.reg_id or ""
        extra = party.extra or ""
        values = {
            "reg_id": reg,
            "reg_id_spaced": ids.spaced(reg, (3, 3, 3)) if reg.isdigit() and len(reg) == 9 else reg,
            "extra": extra,
            "extra_spaced": ids.spaced(extra, (3, 3, 3, 5)) if extra.isdigit() else extra,
            "extra_number": extra.split("-")[-1],
            "vat": party.vat or "",
            "vat_spaced": _vat_spaced(party.vat or ""),
            "registry_city": party.registry_city or "",
            "capital": f"{party.capital:,}".replace(",", lang.THOUSANDS) if party.capital else "",
        }
        out = {"company": self.company_label(party), "form": party.form}
        for key in lang.LEGAL_FIELDS:
            formats = lang.ID_FORMATS.get(key)
            if formats:
                out[key] = rng.choice(formats).format(**values)
        if "capital" in lang.ID_FORMATS:
            out["capital"] = rng.choice(lang.ID_FORMATS["capital"]).format(**values)
        out["address"] = party.address
        if party.jurisdiction not in ("FR", "DE", "ES", "IT", "GB", "IE"):
            out["foreign_id"] = f"{party.extra}: {party.reg_id}"
        out["director"] = party.director
        out["phone"] = self.plan.phone or ""
        out["email"] = self.plan.email
        out["pec"] = (
            f"{lang_slug(party.name)}@{rng.choice(('pec.it', 'legalmail.it', 'arubapec.it'))}"
        )
        return out

    def legal(self) -> str:
        """The legal-notice page: the publisher's identity fields, host, mediator."""
        plan, rng, lang = self.plan, self.rng, self.lang
        body: list[str] = []
        intro = rng.choice(lang.LEGAL_INTRO).format(domain=plan.domain)
        if intro:
            body.append(f"<p>{esc(intro)}</p>")
        party = plan.party
        fields = list(plan.notice_fields)
        if party is not None and fields:
            values = self.party_values(party)
            body.append(f"<h2>{esc(rng.choice(lang.LEGAL_HEADINGS['publisher']))}</h2>")
            identity = [f for f in fields if f not in ("host", "mediator")]
            if len(identity) > 3 and rng.random() < 0.5:  # swap two neighbours
                j = rng.randint(1, len(identity) - 2)
                identity[j], identity[j + 1] = identity[j + 1], identity[j]
            style = rng.choice(("lines", "lines", "list", "table", "prose"))
            body.append(self._identity_block(identity, values, style))
            if "host" in fields:
                name, address = common.HOSTS[plan.host_company]
                body.append(f"<h2>{esc(rng.choice(lang.LEGAL_HEADINGS['host']))}</h2>")
                body.append(f"<p>{esc(name)}<br>{esc(address)}</p>")
            if "mediator" in fields and plan.mediator is not None:
                name, address, url = lang.MEDIATORS[plan.mediator]
                sentence = rng.choice(lang.MEDIATOR_SENTENCE).format(
                    name=name, address=address, url=url
                )
                body.append(f"<h2>{esc(rng.choice(lang.LEGAL_HEADINGS['mediator']))}</h2>")
                body.append(f"<p>{esc(sentence)}</p>")
                odr = rng.choice(lang.ODR_SENTENCE)
                if odr:
                    body.append(f"<p>{esc(odr)}</p>")
        elif plan.notice == "none":
            body.append(f"<p>{esc(plan.shop_name)} - {esc(plan.email)}</p>")
        body.append(f"<h2>{esc(rng.choice(lang.LEGAL_HEADINGS['ip']))}</h2>")
        ip_text = rng.choice(lang.LEGAL_IP).format(domain=plan.domain, shop=plan.shop_name)
        body.append(f"<p>{esc(ip_text)}</p>")
        if rng.random() < 0.6:
            body.append(f"<h2>{esc(rng.choice(lang.LEGAL_HEADINGS['data']))}</h2>")
            body.append(f"<p>{esc(rng.choice(lang.LEGAL_DATA).format(email=plan.email))}</p>")
        return self.content_page("legal", "\n".join(body))

    def _identity_block(self, fields: Sequence[str], values: dict[str, str], style: str) -> str:
        lang, rng = self.lang, self.rng

        def label(key: str) -> str:
            """The label printed for a notice field."""
            if key == "foreign_id":
                return values["foreign_id"].split(":")[0]
            return rng.choice(lang.LEGAL_LABELS.get(key, (key.upper(),)))

        def value(key: str) -> str:
            """The value printed for a notice field."""
            if key == "foreign_id":
                return values["foreign_id"].split(": ", 1)[1]
            if key == "email":
                return f'<a href="mailto:{esc(values["email"])}">{esc(values["email"])}</a>'
            return _keep_br(values.get(key, ""))

        if style == "prose":
            clauses = []
            rest = []
            for key in fields:
                options = lang.LEGAL_CLAUSES.get(key)
                if options and values.get(key):
                    clause = rng.choice(options).format(value=values[key], domain=self.plan.domain)
                    clauses.append(_keep_br(clause))
                else:
                    rest.append(key)
            text = f"<p>{', '.join(clauses)}.</p>" if clauses else ""
            sep = lang.LABEL_SEPARATORS[0]
            return text + "".join(f"<p>{esc(label(k))}{sep}{value(k)}</p>" for k in rest)
        if style == "table":
            rows = "".join(f"<tr><th>{esc(label(k))}</th><td>{value(k)}</td></tr>" for k in fields)
            return f'<table class="legal-table">{rows}</table>'
        sep = rng.choice(lang.LABEL_SEPARATORS)
        if style == "list":
            return (
                "<ul>"
                + "".join(f"<li>{esc(label(k))}{sep}{value(k)}</li>" for k in fields)
                + "</ul>"
            )
        strong = rng.random() < 0.6
        return "".join(
            f"<p><strong>{esc(label(k))}</strong>{sep}{value(k)}</p>"
            if strong
            else f"<p>{esc(label(k))}{sep}{value(k)}</p>"
            for k in fields
        )

    def method_labels(self) -> list[str]:
        """How the site names each checkout method."""
        return [self.rng.choice(self.lang.METHOD_LABELS[m]) for m in self.plan.checkout_methods]

    def terms(self) -> str:
        """The terms of sale, with payment methods and withdrawal right."""
        plan, rng, lang = self.plan, self.rng, self.lang
        company = self.company_label(plan.terms_party)
        fmt = {
            "shop": plan.shop_name,
            "domain": plan.domain,
            "company": company,
            "methods": ", ".join(self.method_labels()),
            "min": self._delay()[0],
            "max": self._delay()[1],
        }
        body = [f"<p>{esc(rng.choice(lang.TERMS_INTRO).format(**fmt))}</p>"]
        for headings, paragraphs in lang.TERMS_ARTICLES:
            body.append(f"<h2>{esc(rng.choice(headings))}</h2>")
            body.append(f"<p>{esc(rng.choice(paragraphs).format(**fmt))}</p>")
        body.append(f"<h2>{esc(rng.choice(lang.WITHDRAWAL_HEADING))}</h2>")
        body.append(f"<p>{esc(rng.choice(lang.WITHDRAWAL[plan.withdrawal]))}</p>")
        body.append(f"<p>{esc(rng.choice(lang.WARRANTY))}</p>")
        if plan.mediator is not None and rng.random() < 0.7:
            name, address, url = lang.MEDIATORS[plan.mediator]
            sentence = rng.choice(lang.MEDIATOR_SENTENCE)
            body.append(f"<p>{esc(sentence.format(name=name, address=address, url=url))}</p>")
        body.append(f"<p>{esc(rng.choice(lang.GOVERNING_LAW))}</p>")
        if plan.terms_party is not None and rng.random() < 0.5:
            tp = plan.terms_party
            ident = f"{company}, {tp.address}"
            if tp.reg_id and rng.random() < 0.6:
                ident += f" - {tp.reg_id}"
            body.append(f"<p>{_keep_br(ident)}</p>")
        return self.content_page("terms", "\n".join(body))

    def _delay(self) -> tuple[int, int]:
        plan = self.plan
        slow = plan.profile in ("dropship", "dropship_scam") or (plan.is_fraud and plan.kit == "k2")
        rng = random.Random(f"delay:{plan.index}")
        low = rng.randint(5, 9) if slow else rng.randint(1, 3)
        return low, low + (rng.randint(5, 15) if slow else rng.randint(1, 4))

    def contact(self) -> str:
        """The contact page."""
        plan, rng, lang = self.plan, self.rng, self.lang
        body = [f"<p>{esc(rng.choice(lang.CONTACT_INTRO))}</p>"]
        items = [f'<a href="mailto:{esc(plan.email)}">{esc(plan.email)}</a>']
        if plan.phone:
            digits = "".join(c for c in plan.phone if c.isdigit() or c == "+")
            items.append(f'<a href="tel:{esc(digits)}">{esc(plan.phone)}</a>')
        if plan.party and rng.random() < 0.6:
            items.append(_keep_br(plan.party.address))
        items.append(esc(rng.choice(lang.HOURS)))
        body.append(
            '<ul class="contact-details">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        )
        labels = lang.FORM_LABELS
        body.append(
            '<form class="contact-form" method="post" action="'
            + esc(self.href("contact"))
            + '">'
            + "".join(
                f'<label>{esc(label)}<input name="f{i}"></label>'
                for i, label in enumerate(labels[:-1])
            )
            + f'<button type="submit">{esc(labels[-1])}</button></form>'
        )
        return self.content_page("contact", "\n".join(body))

    def delivery(self) -> str:
        """The delivery page."""
        rng, lang = self.rng, self.lang
        low, high = self._delay()
        fmt = {
            "carrier": rng.choice(lang.CARRIERS),
            "prep": rng.choice((1, 2, 3)),
            "min": low,
            "max": high,
            "free_from": self._free_from(),
            "fee": self.price(rng.choice((4.9, 5.9, 6.9, 7.5))).replace("€", "").strip(),
        }
        paragraphs = rng.sample(lang.DELIVERY_TEXTS, k=min(3, len(lang.DELIVERY_TEXTS)))
        body = "".join(f"<p>{esc(p.format(**fmt))}</p>" for p in paragraphs)
        return self.content_page("delivery", body)

    def returns(self) -> str:
        """The returns page."""
        plan, rng, lang = self.plan, self.rng, self.lang
        days = {"14": 14, "30": 30, "7": 7, "none": 14}[plan.withdrawal]
        paragraphs = rng.sample(lang.RETURNS_TEXTS, k=3)
        body = "".join(f"<p>{esc(p.format(days=days, email=plan.email))}</p>" for p in paragraphs)
        if plan.withdrawal == "none":
            body += f"<p>{esc(rng.choice(lang.WITHDRAWAL['none']))}</p>"
        return self.content_page("returns", body)

    def about(self) -> str:
        """The about page."""
        plan, rng, lang = self.plan, self.rng, self.lang
        city = plan.party.city if plan.party and plan.party.city else rng.choice(lang.CITIES)[0]
        body = ""
        for text in rng.sample(lang.ABOUT, k=2):
            word = rng.choice(lang.NICHE_WORDS[plan.niche])
            line = text.format(
                shop=plan.shop_name, year=self.year_founded, city=city, niche_word=word
            )
            body += f"<p>{esc(line)}</p>"
        body += f"<p>{esc(rng.choice(lang.SINCE).format(year=self.year_founded))}</p>"
        if self.kit_phrases:
            body += f"<p>{esc(self.kit_phrases[-1])}</p>"
        return self.content_page("about", body)

    def privacy(self) -> str:
        """The privacy page."""
        text = self.rng.choice(self.lang.LEGAL_DATA).format(email=self.plan.email)
        return self.content_page("privacy", f"<p>{esc(text)}</p>")

    def method_detail(self, method: str) -> str:
        """What the checkout says under a payment method (IBAN, voucher steps...)."""
        plan, rng, lang = self.plan, self.rng, self.lang
        total = plan.products[0].price if plan.products else 50.0
        if method == "card":
            note = rng.choice(lang.CARD_NOTE).format(processor=plan.card_processor or "Stripe")
            fields = ""
            if rng.random() < 0.4:
                fields = "".join(f'<input placeholder="{esc(f)}">' for f in lang.CARD_FIELDS)
            return esc(note) + fields
        if method == "paypal":
            if plan.payment_strategy == "paypal_friends":
                return esc(rng.choice(lang.PAYPAL_FRIENDS).format(email=plan.email))
            return esc(rng.choice(lang.PAYPAL_NOTE))
        if method == "transfer":
            text = rng.choice(lang.TRANSFER_INSTRUCTIONS).format(
                holder=self.holder, iban=self.iban, bic=self.bic, days=rng.choice((3, 5, 7))
            )
            return _keep_br(text)
        if method == "cheque":
            address = plan.party.address if plan.party else ""
            return _keep_br(
                rng.choice(lang.CHEQUE_INSTRUCTIONS).format(holder=self.holder, address=address)
            )
        if method in ("western_union", "moneygram"):
            label = common.PAYMENT_METHODS[method][2]
            city = rng.choice(
                ("Lagos", "Abidjan", "Sofia", "Shenzhen", "Porto", "Madrid", "Cotonou")
            )
            person = f"{rng.choice(lang.FIRST_NAMES)} {rng.choice(lang.LAST_NAMES)}"
            return esc(
                rng.choice(lang.MONEY_TRANSFER_INSTRUCTIONS).format(
                    method=label, person=person, city=city
                )
            )
        if method in common.VOUCHERS:
            label = common.PAYMENT_METHODS[method][2]
            return esc(rng.choice(lang.VOUCHER_INSTRUCTIONS).format(method=label, email=plan.email))
        if method in ("crypto", "usdt"):
            wallet = ids.btc_address(rng) if method == "crypto" else ids.tron_address(rng)
            label = "BTC" if method == "crypto" else "USDT"
            return esc(
                rng.choice(lang.CRYPTO_INSTRUCTIONS).format(
                    amount=self.price(total * 0.9), method=label, wallet=wallet
                )
            )
        return ""

    def checkout(self) -> str:
        """The checkout page: cart lines, address form, payment methods."""
        plan, rng, lang = self.plan, self.rng, self.lang
        product = plan.products[0]
        shipping_free = rng.random() < 0.6
        fee = 0.0 if shipping_free else rng.choice((4.9, 5.9, 6.9))
        lines = (
            f"<tr><td>{esc(product.name)} \u00d7 1</td><td>{self.price(product.price)}</td></tr>"
            f"<tr><td>{esc(rng.choice(lang.CART['subtotal']))}</td><td>{self.price(product.price)}</td></tr>"
            f"<tr><td>{esc(rng.choice(lang.CART['shipping']))}</td><td>"
            + (esc(rng.choice(lang.CART["free"])) if shipping_free else self.price(fee))
            + "</td></tr>"
        )
        methods = []
        for n, (method, label) in enumerate(
            zip(plan.checkout_methods, self.method_labels(), strict=True)
        ):
            methods.append(
                _sub(
                    self.tpl["method"],
                    id=method,
                    label=esc(label),
                    detail=self.method_detail(method),
                    n=n + 1,
                )
            )
        extra = ""
        if "card_unavailable" in plan.quirks:
            extra = f'<p class="notice">{esc(rng.choice(lang.CARD_UNAVAILABLE))}</p>'
        fields = "".join(
            f'<p class="form-row"><label>{esc(f)}</label><input type="text" name="f{i}"></p>'
            for i, f in enumerate(lang.CHECKOUT["fields"])
        )
        main = _sub(
            self.tpl["checkout"],
            title=esc(rng.choice(lang.CHECKOUT["title"])),
            lines=lines,
            total_label=esc(rng.choice(lang.CART["total"])),
            total=self.price(product.price + fee),
            address_title=esc(rng.choice(lang.CHECKOUT["address"])),
            address_fields=fields,
            intro=esc(rng.choice(lang.CHECKOUT["intro"])),
            methods="".join(methods),
            button=esc(rng.choice(lang.CHECKOUT_BUTTON)),
            secure=esc(rng.choice(lang.CHECKOUT["secure"])),
            href=esc(self.href("checkout")),
            extra=extra,
            n=1,
        )
        return self.document(
            "checkout", self.page_titles["checkout"] + " - " + plan.shop_name, main
        )

    def not_found(self) -> str:
        """The platform's 404 page."""
        title, text = self.rng.choice(self.lang.NOT_FOUND)
        label = esc(self.rng.choice(self.lang.CONTINUE_SHOPPING))
        main = _sub(self.tpl["not_found"], title=esc(title), text=esc(text), **{"continue": label})
        return self.document("not_found", f"{title} - {self.plan.shop_name}", main)

    # --- HTTP ----------------------------------------------------------------------------

    def response_headers(
        self, content_type: str, body: bytes, moment: datetime
    ) -> tuple[list[tuple[str, str]], bytes]:
        """HTTP headers of a response, and its body encoded as they declare."""
        plan = self.plan
        headers = [("Date", http_date(moment)), ("Content-Type", content_type)]
        for name, value in self.tpl["headers"]:
            headers.append(
                (
                    name,
                    _sub(
                        value,
                        request_id=ids.fill_pattern(self.rng, "##########.##########"),
                        **self.values,
                    ),
                )
            )
        headers.append(
            (
                "Cache-Control",
                self.rng.choice(
                    (
                        "no-cache",
                        "private, no-store",
                        "max-age=0, private, must-revalidate",
                        "no-store, no-cache, must-revalidate",
                    )
                ),
            )
        )
        encoding = plan.encoding if content_type.startswith("text/") else None
        if encoding == "gzip":
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers.append(("Content-Encoding", "gzip"))
        elif encoding == "br":
            body = brotli.compress(body, quality=5)
            headers.append(("Content-Encoding", "br"))
        if encoding == "chunked":
            headers.append(("Transfer-Encoding", "chunked"))
            body = _chunk(body, self.rng)
        else:
            headers.append(("Content-Length", str(len(body))))
        return headers, body

    def html_response(self, url: str, status: int, text: str, moment: datetime) -> Capture:
        """A captured HTML page in the site's charset and encoding."""
        charset = self.plan.charset
        body = text.encode(charset, errors="xmlcharrefreplace")
        content_type = "text/html; charset=utf-8" if self.content_type_charset else "text/html"
        headers, payload = self.response_headers(content_type, body, moment)
        return self._capture(url, status, headers, payload, moment, is_page=True)

    def redirect(self, url: str, location: str, status: int, moment: datetime) -> Capture:
        """A captured redirect to `location`."""
        body = (
            f"<html><head><title>{status} {_REASONS.get(status, '')}</title></head>"
            f'<body><a href="{esc(location)}">{esc(location)}</a></body></html>'
        ).encode()
        headers = [
            ("Date", http_date(moment)),
            ("Content-Type", "text/html"),
            ("Location", location),
            ("Content-Length", str(len(body))),
        ]
        return self._capture(url, status, headers, body, moment, is_page=False)

    def _capture(
        self,
        url: str,
        status: int,
        headers: list[tuple[str, str]],
        body: bytes,
        moment: datetime,
        is_page: bool,
    ) -> Capture:
        request = [
            ("Host", url.split("/")[2]),
            ("User-Agent", self.user_agent),
            ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            ("Accept-Language", f"{self.lang.LOCALE},{self.lang.HTML_LANG};q=0.9"),
            ("Accept-Encoding", "gzip, deflate, br"),
        ]
        return Capture(url, status, headers, body, moment, request, self.ip, is_page)


def lang_slug(name: str) -> str:
    """Lower-case ASCII letters and dots from a company name, for a PEC mailbox."""
    return slugify(name).replace("-", ".")[:30] or "amministrazione"


def _keep_br(text: str) -> str:
    return "<br>".join(esc(part) for part in text.split("<br>"))


def _vat_spaced(vat: str) -> str:
    if len(vat) == 13 and vat.startswith("FR"):
        return f"{vat[:2]} {vat[2:4]} {vat[4:7]} {vat[7:10]} {vat[10:]}"
    if len(vat) > 5:
        return f"{vat[:2]} {vat[2:]}"
    return vat


def _season_key(moment: datetime) -> str:
    if moment.month in (1, 7) or (moment.month in (2, 6) and moment.day > 20):
        return "soldes"
    if moment.month == 11 and moment.day >= 15:
        return "blackfriday"
    return "none"


def _season_of(moment: datetime) -> str:
    return (
        "winter",
        "winter",
        "spring",
        "spring",
        "spring",
        "summer",
        "summer",
        "summer",
        "autumn",
        "autumn",
        "autumn",
        "winter",
    )[moment.month - 1]


def _chunk(body: bytes, rng: random.Random) -> bytes:
    out = bytearray()
    pos = 0
    while pos < len(body):
        size = rng.randint(2000, 8000)
        piece = body[pos : pos + size]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        pos += size
    return bytes(out + b"0\r\n\r\n")


def tiny_png(rng: random.Random) -> bytes:
    """A small valid PNG (a flat colour square), for captured images."""
    size = rng.choice((8, 16, 24))
    colour = bytes(rng.randint(0, 255) for _ in range(3))
    raw = b"".join(b"\x00" + colour * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def render_site(plan: SitePlan, seed: int) -> Iterator[Capture]:
    """The captures of one site in crawl order: landing (with redirects), then its pages."""
    if not plan.captured:
        return
    site = SiteRenderer(plan, seed)
    rng = site.rng
    moment = plan.captured_at
    origin = site.origin

    def tick() -> datetime:
        """Advance the crawl clock by a few seconds."""
        nonlocal moment
        moment = moment + timedelta(seconds=rng.randint(1, 25))
        return moment

    # The landing URL as reported, then each redirect hop.
    url = plan.case_url
    landing_path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
    if "https" in plan.redirects:
        target = url.replace("http://", "https://", 1)
        yield site.redirect(url, target, 301, moment)
        url = target
        tick()
    if "www" in plan.redirects:
        target = url.replace("://", "://www.", 1)
        yield site.redirect(url, target, 301, moment)
        url = target
        tick()
    if "lang" in plan.redirects and landing_path == "/":
        target_path = site.lang.LANG_PREFIX + "/"
        location = target_path if rng.random() < 0.5 else origin + target_path
        yield site.redirect(url, location, 302, moment)
        url = origin + target_path
        tick()

    renderers = {
        "legal": site.legal,
        "terms": site.terms,
        "contact": site.contact,
        "delivery": site.delivery,
        "returns": site.returns,
        "about": site.about,
        "privacy": site.privacy,
        "checkout": site.checkout,
    }
    done: set[str] = set()

    def page(key: str) -> Capture:
        """The capture of one page of the site."""
        page_url = origin + site.href(key)
        if key == "home":
            return site.html_response(page_url, 200, site.home(), moment)
        if key.startswith("product:"):
            i = int(key.split(":")[1])
            product = plan.products[i]
            if product.gone:
                return site.html_response(page_url, 404, site.not_found(), moment)
            return site.html_response(page_url, 200, site.product(i, product), moment)
        if key == "legal" and plan.legal_link == "dead":
            return site.html_response(page_url, 404, site.not_found(), moment)
        if key == "shop":
            return site.html_response(page_url, 200, site.home(), moment)
        return site.html_response(page_url, 200, renderers[key](), moment)

    # The landing page itself.
    bare_path = re.split(r"[?&]utm_", landing_path)[0]
    landing_key = next((k for k, p in plan.paths if bare_path == p), "home")
    first = page(landing_key)
    yield Capture(
        url,
        first.status,
        first.headers,
        first.body,
        first.captured_at,
        first.request_headers,
        first.ip,
        True,
    )
    done.add(landing_key)

    if "robots" in plan.extras:
        text = _sub(templates.ROBOTS[plan.template], host=plan.host).encode()
        headers = [
            ("Date", http_date(tick())),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(text))),
        ]
        yield site._capture(origin + "/robots.txt", 200, headers, text, moment, is_page=False)

    keys = ["home"] + [f"product:{i}" for i, p in enumerate(plan.products) if p.has_page]
    keys += [k for k in plan.pages if k != "home"]
    if plan.legal_link == "dead":
        keys.append("legal")
    if "shallow_crawl" in plan.quirks:
        keys = [k for k in keys if k in ("home", "product:0", "legal", "checkout")]
    for key in keys:
        if key in done:
            continue
        done.add(key)
        tick()
        yield page(key)

    if "css" in plan.extras:
        css = (_sub(site.tpl["css"], **site.values) + "\n") * 3
        name = _sub(site.tpl["paths"]["asset"], name="theme.css", **site.values)
        headers, body = site.response_headers("text/css", css.encode(), tick())
        yield site._capture(origin + name, 200, headers, body, moment, is_page=False)
    if "image" in plan.extras and plan.products:
        png = tiny_png(rng)
        headers = [
            ("Date", http_date(tick())),
            ("Content-Type", "image/png"),
            ("Content-Length", str(len(png))),
        ]
        src = site.image(plan.products[0]).replace(".jpg", ".png")
        if src.startswith("//"):
            src = "https:" + src
        elif src.startswith("/"):
            src = origin + src
        yield site._capture(src, 200, headers, png, moment, is_page=False)
