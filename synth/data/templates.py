"""Shop page skeletons, one per platform look-alike, as `string.Template` snippets.

Each template is used by genuine and fraudulent shops alike; what differs between sites is what
the logic puts into the slots. Keys every template has: paths, doc, header, nav_item, footer,
footer_col, footer_link, payments, payment_icon, card, price, price_sale, product, page, home,
checkout, method, not_found, css, headers (HTTP response headers of the platform).
"""

_SVG_CARD = (
    '<path opacity=".07" d="M35 0H3C1.3 0 0 1.3 0 3v18c0 1.7 1.4 3 3 3h32c1.7 0 3-1.3 3-3V3c0-1.7'
    '-1.4-3-3-3z"/>'
)

SHOPIFY = {
    "paths": {
        "home": "/",
        "shop": "/collections/all",
        "product": "/products/$slug",
        "page": ("/pages/$slug",),
        "legal": ("/pages/$slug", "/policies/legal-notice", "/pages/$slug"),
        "terms": ("/policies/terms-of-service", "/pages/$slug"),
        "returns": ("/policies/refund-policy", "/pages/$slug"),
        "delivery": ("/policies/shipping-policy", "/pages/$slug"),
        "privacy": ("/policies/privacy-policy",),
        "contact": ("/pages/contact", "/pages/$slug"),
        "cart": "/cart",
        "checkout": "/checkouts/cn/$token",
        "asset": "/cdn/shop/t/$theme_n/assets/$name",
    },
    "doc": (
        '<!doctype html>\n<html class="no-js" lang="$lang">\n<head>\n$charset_meta\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        '<meta name="theme-color" content="$accent">\n<link rel="canonical" href="$canonical">\n'
        '<link rel="preconnect" href="https://cdn.shopify.com" crossorigin>\n'
        "<title>$title</title>\n$meta\n"
        '<script>window.Shopify = window.Shopify || {};Shopify.shop = "$shop_handle.myshopify.com";'
        'Shopify.locale = "$lang";Shopify.currency = {"active":"$currency","rate":"1.0"};'
        'Shopify.theme = {"name":"$theme","id":$theme_id,"role":"main"};</script>\n'
        "<style data-shopify>$css</style>\n"
        '<link href="//$host/cdn/shop/t/$theme_n/assets/base.css?v=$asset_v" rel="stylesheet" '
        'type="text/css" media="all">\n$head_extra\n</head>\n'
        '<body class="gradient template-$page_kind">\n'
        '<a class="skip-to-content-link button visually-hidden" href="#MainContent">$skip</a>\n'
        "$banner\n$header\n"
        '<main id="MainContent" class="content-for-layout focus-none" role="main" tabindex="-1">\n'
        "$main\n</main>\n$footer\n$scripts\n</body>\n</html>\n"
    ),
    "header": (
        '<div id="shopify-section-announcement-bar" cla'
        'ss="shopify-section announcement-bar-section">'
        '<div class="announcement-bar" role="region"><p class="announcement-bar__message h5">'
        "$announcement</p></div></div>\n"
        '<div id="shopify-section-header" class="shopify-section section-header">'
        '<header class="header header--middle-left page-width header--has-menu">'
        '<h1 class="header__heading"><a href="/" class="header__heading-link link link--text">'
        '<span class="h2">$shop</span></a></h1>\n<nav class="header__inline-menu">'
        '<ul class="list-menu list-menu--inline" role="list">$nav</ul></nav>\n'
        '<div class="header__icons"><a href="/search" class="header__icon header__icon--search">'
        '<span class="visually-hidden">$search</span></a>'
        '<a href="/account/login" class="header__icon header__icon--account">'
        '<span class="visually-hidden">$account</span></a>'
        '<a href="/cart" class="header__icon header__icon--cart" id="cart-icon-bubble">'
        '<span class="visually-hidden">$cart</span></a></div></header></div>'
    ),
    "nav_item": '<li><a href="$href" class="header__menu-item list-menu__item link link--text '
    'focus-inset"><span>$label</span></a></li>',
    "footer": (
        '<div id="shopify-section-footer" class="shopify-section">'
        '<footer class="footer color-background-1 gradient section-footer-padding">'
        '<div class="footer__content-top page-width"><div class="footer__blocks-wrapper grid '
        'grid--1-col grid--2-col grid--4-col-tablet">$columns</div>'
        '<div class="footer-block--newsletter"><h2 class="footer-block__heading">$newsletter_title'
        '</h2><form method="post" action="/contact#ContactFooter" id="ContactFooter" '
        'class="footer__newsletter newsletter-form"><input type="hidden" name="contact[tags]" '
        'value="newsletter"><div class="field"><input id="NewsletterForm--footer" type="email" '
        'name="contact[email]" class="field__input" placeholder="$newsletter_placeholder" '
        'required><button type="submit" class="newsletter-form__button field__button">'
        "$newsletter_button</button></div></form></div></div>\n"
        '<div class="footer__content-bottom"><div clas'
        's="footer__content-bottom-wrapper page-width">'
        "$payments"
        '<div class="footer__copyright caption"><small class="copyright__content">$copyright'
        '</small><small class="copyright__content"><a href="https://www.shopify.com?utm_campaign='
        'poweredby&amp;utm_medium=shopify&amp;utm_source=onlinestore" rel="nofollow" '
        'target="_blank">Powered by Shopify</a></small>$extra</div></div></div>'
        "</footer></div>"
    ),
    "footer_col": '<div class="footer-block grid__item footer-block--menu"><h2 '
    'class="footer-block__heading inline-richtext">$title</h2><ul class="footer-block__details-'
    'content list-unstyled">$links</ul></div>',
    "footer_link": '<li><a href="$href" class="link link--text list-menu__item list-menu__item--'
    'link">$label</a></li>',
    "payments": '<div class="footer__payment"><span class="visually-hidden">$label</span><ul '
    'class="list list-payment" role="list">$icons</ul></div>',
    "payment_icon": '<li class="list-payment__item"><svg class="icon icon--full-color" viewBox='
    '"0 0 38 24" xmlns="http://www.w3.org/2000/svg" role="img" width="38" height="24" '
    'aria-labelledby="pi-$slug"><title id="pi-$slug">$alt</title>' + _SVG_CARD + "</svg></li>",
    "card": (
        '<li class="grid__item"><div class="card-wrapper product-card-wrapper underline-links-'
        'hover"><div class="card card--standard card--media"><div class="card__inner ratio">'
        '<div class="card__media"><div class="media media--transparent media--hover-effect">'
        '<img src="$img" alt="$name" class="motion-reduce" loading="lazy" width="533" '
        'height="533"></div></div></div><div class="card__content"><div class="card__information">'
        '<h3 class="card__heading h5"><a href="$href" class="full-unstyled-link">$name</a></h3>'
        '<div class="card-information">$price_html</div></div>$badge</div></div></div></li>'
    ),
    "price": '<div class="price"><div class="price__container"><div class="price__regular">'
    '<span class="price-item price-item--regular">$price</span></div></div></div>',
    "price_sale": '<div class="price price--on-sale"><div class="price__container"><div '
    'class="price__sale"><span class="visually-hidden">$old_label</span><s class="price-item '
    'price-item--regular">$old</s> <span class="price-item price-item--sale price-item--last">'
    "$price</span></div></div></div>",
    "badge": '<div class="card__badge bottom left"><span class="badge badge--bottom-left color-'
    'accent-2">$text</span></div>',
    "product": (
        '<section id="shopify-section-main-product" class="shopify-section section"><div '
        'class="page-width"><div class="product product--large grid grid--1-col grid--2-col-'
        'tablet"><div class="grid__item product__media-wrapper"><img src="$img" alt="$name" '
        'width="1100" height="1100"></div><div class="product__info-wrapper grid__item"><div '
        'class="product__info-container"><p class="product__text inline-richtext caption-with-'
        'letter-spacing">$vendor</p><div class="product__title"><h1>$name</h1></div>$rating'
        '<div class="no-js-hidden" id="price-main" role="status">$price_html</div>$urgency'
        '<form method="post" action="/cart/add" id="product-form" class="form" enctype="multipart/'
        'form-data"><input type="hidden" name="id" value="$variant_id"><div class="product-form__'
        'buttons"><button type="submit" name="add" class="product-form__submit button button--full-'
        'width button--secondary">$add_to_cart</button'
        '></div></form><div class="product__description'
        ' rte quick-add-hidden"><h2>$description_title<'
        "/h2>$description</div>$extra</div></div></div>"
        "</div></section>"
    ),
    "page": '<div class="page-width page-width--narrow section-template--page-padding"><h1 '
    'class="main-page-title page-title h0">$title</h1><div class="rte">$body</div></div>',
    "home": (
        '<div id="shopify-section-image_banner" class="shopify-section section"><div class="banner '
        'banner--content-align-center banner--large"><div class="banner__content page-width"><div '
        'class="banner__box content-container"><h2 class="banner__heading inline-richtext h1">$hero'
        '</h2><div class="banner__buttons"><a href="/co'
        'llections/all" class="button button--primary">'
        '$shop_label</a></div></div></div></div></div>\n<div id="shopify-section-featured_'
        'collection" class="shopify-section section"><div class="collection page-width"><ul '
        'class="grid product-grid contains-card--produc'
        't grid--4-col-desktop grid--2-col-tablet-down"'
        ' role="list">$grid</ul></div></div>\n<div class="rich-text content-container page-width">'
        '<div class="rich-text__blocks"><p>$about</p>$extra</div></div>'
    ),
    "checkout": (
        '<div class="page-width"><h1 class="title title--primary">$title</h1><div class="cart__'
        'items"><table class="cart-items">$lines</table'
        '></div><div class="totals"><h2 class="totals__'
        'total">$total_label</h2><p class="totals__tota'
        'l-value">$total</p></div><form class="checkout'
        '-form" action="/checkout" method="post"><h2>$address_title</h2>$address_fields<h2>$intro'
        '</h2><div class="payment-methods">$methods</d'
        'iv><button type="submit" class="cart__checkout'
        '-button button">$button</button><p class="caption">$secure</p></form>$extra</div>'
    ),
    "method": '<div class="payment-method"><input type="radio" name="payment_gateway" id="pm-$id" '
    'value="$id"><label for="pm-$id">$label</label><div class="payment-method__details">$detail'
    "</div></div>",
    "not_found": '<div class="template-404 page-width page-margin center"><p class="caption-with-'
    'letter-spacing">404</p><h1 class="title">$title</h1><p>$text</p><a href="/collections/all" '
    'class="button">$continue</a></div>',
    "css": (
        ":root{--font-body-family:$font;--font-body-weight:400;--color-base-text:18,18,18;"
        "--color-base-accent-1:$accent_rgb;--page-width:120rem;--buttons-radius:$radius;"
        "--inputs-radius:$radius;--media-radius:0px}"
        "*,*::before,*::after{box-sizing:inherit}html{box-sizing:border-box;font-size:62.5%;height:"
        "100%}body{display:grid;grid-template-rows:auto auto 1fr auto;grid-template-columns:100%;"
        "min-height:100%;margin:0;font-size:1.5rem;lett"
        "er-spacing:.06rem;line-height:1.8;font-family:"
        "var(--font-body-family);background:$bg}.page-width{max-width:var(--page-width);margin:0 "
        "auto;padding:0 1.5rem}.button{background:$accent;color:#fff;border-radius:var(--buttons-"
        "radius);padding:0 3rem;min-height:4.5rem}.price-item--sale{color:$accent}.badge{border-"
        "radius:4rem;padding:.5rem 1.3rem;font-size:1.2"
        "rem}.list-payment{display:flex;flex-wrap:wrap;"
        "justify-content:center;margin:-.5rem 0;padding-top:1rem}.list-payment__item{align-items:"
        "center;display:flex;padding:.5rem}.announcement-bar{text-align:center;padding:1rem 0;"
        "background:$accent;color:#fff}.footer{border-top:.1rem solid rgba(0,0,0,.08)}"
        ".product__title h1{margin:0}.card__heading{margin:1rem 0 .5rem}"
    ),
    "headers": (
        ("Server", "cloudflare"),
        ("X-ShopId", "$shop_id"),
        ("X-Shopify-Stage", "production"),
        ("Powered-By", "Shopify"),
        ("Content-Language", "$lang"),
        ("Vary", "Accept"),
        ("CF-Cache-Status", "DYNAMIC"),
    ),
}

WOOCOMMERCE = {
    "paths": {
        "home": "/",
        "shop": "/$shop_slug/",
        "product": "/$product_base/$slug/",
        "page": ("/$slug/", "/?page_id=$page_id"),
        "legal": ("/$slug/", "/?page_id=$page_id", "/$slug/"),
        "terms": ("/$slug/",),
        "returns": ("/$slug/",),
        "delivery": ("/$slug/",),
        "privacy": ("/$slug/",),
        "contact": ("/$slug/",),
        "cart": "/$cart_slug/",
        "checkout": "/$checkout_slug/",
        "asset": "/wp-content/themes/$theme_slug/$name",
    },
    "doc": (
        '<!DOCTYPE html>\n<html lang="$locale">\n<head>\n$charset_meta\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="profile" href="https://gmpg.org/xfn/11">\n<title>$title</title>\n$meta\n'
        '<meta name="generator" content="WordPress 6.$wp_minor">\n'
        '<meta name="generator" content="WooCommerce 8.$wc_minor">\n'
        '<link rel="stylesheet" id="wc-blocks-style-css" href="/wp-content/plugins/woocommerce/'
        'assets/client/blocks/wc-blocks.css?ver=wc-8.$wc_minor" media="all">\n'
        '<link rel="stylesheet" id="$theme_slug-style-css" href="/wp-content/themes/$theme_slug/'
        'style.css?ver=$asset_v" media="all">\n<style id="$theme_slug-inline-css">$css</style>\n'
        '<link rel="https://api.w.org/" href="$origin/wp-json/">\n$head_extra\n</head>\n'
        '<body class="$body_class wp-theme-$theme_slug woocommerce-js">\n<div id="page" '
        'class="hfeed site">\n$banner\n$header\n<div id="content" class="site-content"><div '
        'class="ast-container"><div id="primary" class="content-area primary"><main id="main" '
        'class="site-main">\n$main\n</main></div></div></div>\n$footer\n</div>\n$scripts\n'
        "</body>\n</html>\n"
    ),
    "header": (
        '<header id="masthead" class="site-header header-main-layout-1" itemscope="itemscope" '
        'itemtype="https://schema.org/WPHeader"><div class="main-header-bar-wrap"><div class="site-'
        'branding"><p class="site-title"><a href="$origin/" rel="home">$shop</a></p><p class="site-'
        'description">$tagline</p></div><nav id="site-navigation" class="main-navigation" aria-'
        'label="Menu principal"><ul id="primary-menu" class="main-header-menu ast-nav-menu">$nav'
        '</ul></nav><div class="ast-site-header-cart"><a class="cart-container" href="$cart_href">'
        '<span class="count">0</span> $cart</a></div></div></div></header>'
    ),
    "nav_item": '<li id="menu-item-$n" class="menu-item menu-item-type-post_type menu-item-$n">'
    '<a href="$href" class="menu-link">$label</a></li>',
    "footer": (
        '<footer id="colophon" class="site-footer" itemtype="https://schema.org/WPFooter" '
        'itemscope="itemscope"><div class="site-primary-footer-wrap"><div class="ast-builder-grid-'
        'row">$columns</div></div><div class="site-below-footer-wrap"><div class="ast-builder-'
        'layout-element ast-flex site-footer-focus-item">$payments</div><div class="ast-footer-'
        'copyright"><p>$copyright</p>$extra</div></div></footer>'
    ),
    "footer_col": '<aside class="footer-widget-area widget-area site-footer-focus-item"><section '
    'class="widget widget_nav_menu"><h2 class="widget-title">$title</h2><div class="menu-footer-'
    'container"><ul class="menu">$links</ul></div></section></aside>',
    "footer_link": '<li class="menu-item"><a href="$href">$label</a></li>',
    "payments": '<section class="widget widget_media_gallery payment-logos"><h2 class="widget-'
    'title screen-reader-text">$label</h2><div class="payment-icons">$icons</div></section>',
    "payment_icon": '<img decoding="async" src="/wp-content/uploads/$upload_dir/$slug.png" '
    'alt="$alt" class="payment-logo" width="48" height="30">',
    "card": (
        '<li class="ast-col-sm-12 ast-article-post product type-product status-publish instock '
        "has-post-thumbnail shipping-taxable purchasabl"
        'e product-type-simple"><div class="astra-shop-'
        'thumbnail-wrap"><a href="$href" class="woocommerce-LoopProduct-link woocommerce-loop-'
        'product__link">$badge<img width="300" height="'
        '300" src="$img" class="attachment-woocommerce_'
        'thumbnail size-woocommerce_thumbnail" alt="$name" decoding="async"></a></div><div class='
        '"astra-shop-summary-wrap"><a href="$href" class="ast-loop-product__link"><h2 class='
        '"woocommerce-loop-product__title">$name</h2></a>$price_html</div></li>'
    ),
    "price": '<span class="price"><span class="woocommerce-Price-amount amount"><bdi>$price</bdi>'
    "</span></span>",
    "price_sale": '<span class="price"><del aria-hidden="true"><span class="woocommerce-Price-'
    'amount amount"><bdi>$old</bdi></span></del> <span class="screen-reader-text">$old_label'
    '</span><ins aria-hidden="true"><span class="woocommerce-Price-amount amount"><bdi>$price'
    "</bdi></span></ins></span>",
    "badge": '<span class="onsale">$text</span>',
    "product": (
        '<div class="woocommerce-notices-wrapper"></div><div id="product-$product_id" class="ast-'
        'article-single product type-product status-publish first instock sale has-post-thumbnail">'
        '<div class="woocommerce-product-gallery woocommerce-product-gallery--with-images images">'
        '<img src="$img" alt="$name" width="600" height="600"></div><div class="summary entry-'
        'summary"><h1 class="product_title entry-title">$name</h1>$rating<p class="price">'
        '$price_html</p>$urgency<form class="cart" action="$href" method="post" enctype='
        '"multipart/form-data"><div class="quantity"><input type="number" class="input-text qty '
        'text" name="quantity" value="1" min="1"></div><button type="submit" name="add-to-cart" '
        'value="$product_id" class="single_add_to_cart_button button alt">$add_to_cart</button>'
        '</form><div class="product_meta"><span class="sku_wrapper">$sku_label <span class="sku">'
        '$sku</span></span></div></div><div class="woocommerce-tabs wc-tabs-wrapper"><div class='
        '"woocommerce-Tabs-panel woocommerce-Tabs-panel--description panel entry-content wc-tab" '
        'id="tab-description"><h2>$description_title</h2>$description</div></div>$extra</div>'
    ),
    "page": '<article class="post-$page_id page type-page status-publish ast-article-single">'
    '<header class="entry-header"><h1 class="entry-title" itemprop="headline">$title</h1>'
    '</header><div class="entry-content clear" itemprop="text">$body</div></article>',
    "home": (
        '<div class="wp-block-cover alignfull"><div class="wp-block-cover__inner-container"><h2 '
        'class="has-text-align-center">$hero</h2><div '
        'class="wp-block-buttons"><div class="wp-block-'
        'button"><a class="wp-block-button__link" href="$shop_href">$shop_label</a></div></div>'
        '</div></div><div class="woocommerce columns-4"><ul class="products columns-4">$grid</ul>'
        '</div><div class="wp-block-group"><p>$about</p>$extra</div>'
    ),
    "checkout": (
        '<div class="woocommerce"><h1 class="entry-title">$title</h1><form name="checkout" '
        'method="post" class="checkout woocommerce-checkout" action="$href"><div class="col2-set" '
        'id="customer_details"><h3>$address_title</h3>$address_fields</div><h3 id="order_review_'
        'heading">$total_label</h3><table class="shop_t'
        'able woocommerce-checkout-review-order-table">'
        '$lines<tr class="order-total"><th>$total_label</th><td><strong>$total</strong></td></tr>'
        '</table><div id="payment" class="woocommerce-checkout-payment"><p>$intro</p><ul class="wc_'
        'payment_methods payment_methods methods">$methods</ul><div class="form-row place-order">'
        '<button type="submit" class="button alt" name'
        '="woocommerce_checkout_place_order" id="place_'
        'order">$button</button></div><p>$secure</p></div></form>$extra</div>'
    ),
    "method": '<li class="wc_payment_method payment_method_$id"><input id="payment_method_$id" '
    'type="radio" class="input-radio" name="payment_method" value="$id"><label for="payment_'
    'method_$id">$label</label><div class="payment_box payment_method_$id"><p>$detail</p></div>'
    "</li>",
    "not_found": '<section class="error-404 not-found"><div class="page-content"><h1 class="page-'
    'title">$title</h1><p>$text</p><a href="/" class="button">$continue</a></div></section>',
    "css": (
        ":root{--ast-global-color-0:$accent;--ast-global-color-1:#3a3a3a;--ast-container-default-"
        "xlg-padding:3em;--ast-border-color:#dddddd}body,button,input,select,textarea{font-family:"
        "$font;font-weight:inherit;font-size:16px;line-height:1.6}a{color:$accent}body{background:"
        "$bg}.ast-container{max-width:1240px;margin-left:auto;margin-right:auto;padding-left:20px;"
        "padding-right:20px}.site-header{border-bottom:1px solid var(--ast-border-color)}.main-"
        "header-menu .menu-link{padding:0 1em;color:#2"
        "22}.woocommerce ul.products li.product .price,"
        ".woocommerce div.product p.price{color:$accent;font-weight:700}.woocommerce span.onsale{"
        "background-color:$accent;color:#fff;border-ra"
        "dius:$radius}.woocommerce .button,.woocommerce"
        " button.button.alt{background:$accent;color:#fff;border-radius:$radius;padding:10px 20px}"
        ".payment-icons img{margin:0 4px;vertical-align:middle}.site-footer{background:#f5f5f5;"
        "padding:40px 0}.widget-title{font-size:1.1em;text-transform:uppercase}"
    ),
    "headers": (
        ("Server", "$server"),
        ("X-Powered-By", "PHP/8.$php_minor"),
        ("Link", '<$origin/wp-json/>; rel="https://api.w.org/"'),
        ("Vary", "Accept-Encoding"),
    ),
}

PRESTASHOP = {
    "paths": {
        "home": "/",
        "shop": "/$cat_id-$shop_slug",
        "product": "/$cat_slug/$product_id-$slug.html",
        "page": ("/content/$cms_id-$slug",),
        "legal": ("/content/2-$slug", "/content/$cms_id-$slug"),
        "terms": ("/content/3-$slug",),
        "returns": ("/content/$cms_id-$slug",),
        "delivery": ("/content/1-$slug",),
        "privacy": ("/content/$cms_id-$slug",),
        "contact": ("/$slug",),
        "cart": "/$cart_slug?action=show",
        "checkout": "/$checkout_slug",
        "asset": "/themes/$theme_slug/assets/$name",
    },
    "doc": (
        '<!doctype html>\n<html lang="$lang">\n<head>\n$charset_meta\n'
        '<meta http-equiv="x-ua-compatible" content="ie=edge">\n<title>$title</title>\n$meta\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="stylesheet" href="/themes/$theme_slug/assets/cache/theme-$asset_v.css" '
        'type="text/css" media="all">\n<style>$css</style>\n<script type="text/javascript">var '
        'prestashop = {"currency":{"iso_code":"$currency","sign":"$currency_sign"},"language":'
        '{"iso_code":"$lang","locale":"$locale"},"shop":{"name":"$shop_js"}};</script>\n'
        "$head_extra\n</head>\n"
        '<body id="$page_kind" class="lang-$lang country-$country_lc currency-$currency_lc layout-'
        'full-width page-$page_kind">\n<main>\n$banner\n$header\n<section id="wrapper"><div '
        'class="container"><div id="content-wrapper" class="js-content-wrapper">$main</div></div>'
        "</section>\n$footer\n</main>\n$scripts\n</body>\n</html>\n"
    ),
    "header": (
        '<header id="header"><nav class="header-nav"><div class="container"><div class="row"><div '
        'id="_desktop_contact_link"><div id="contact-link"><a href="$contact_href">$contact</a>'
        '</div></div><div id="_desktop_user_info"><div class="user-info"><a href="$account_href" '
        'rel="nofollow">$account</a></div></div><div id="_desktop_cart"><div class="blockcart '
        'cart-preview inactive"><div class="header"><span class="hidden-sm-down">$cart</span>'
        '<span class="cart-products-count">(0)</span></div></div></div></div></div></nav><div '
        'class="header-top"><div class="container"><div class="row"><div id="_desktop_logo" '
        'class="col-md-2"><a href="/"><img class="logo'
        ' img-fluid" src="/img/$logo_file" alt="$shop" '
        'width="250" height="60"></a></div><div class='
        '"header-top-right col-md-10"><div class="menu '
        'js-top-menu position-static hidden-sm-down" id="_desktop_top_menu"><ul class="top-menu" '
        'id="top-menu" data-depth="0">$nav</ul></div></div></div></div></div></header>'
    ),
    "nav_item": '<li class="category" id="category-$n"><a class="dropdown-item" href="$href" '
    'data-depth="0">$label</a></li>',
    "footer": (
        '<footer id="footer" class="js-footer"><div cl'
        'ass="footer-container"><div class="container">'
        '<div class="row">$columns</div><div class="row">$payments</div><div class="row"><div '
        'class="col-md-12"><p class="text-sm-center">$copyright</p>$extra</div></div></div></div>'
        "</footer>"
    ),
    "footer_col": '<div class="col-md-4 links"><div class="row"><div class="col-md-6 wrapper">'
    '<p class="h3 hidden-sm-down">$title</p><ul id="footer_sub_menu_$n" class="collapse">$links'
    "</ul></div></div></div>",
    "footer_link": '<li><a id="link-cms-page-$n-2" class="cms-page-link" href="$href" '
    'title="$label">$label</a></li>',
    "payments": '<div class="col-md-12 block-payment-logos"><p class="h4">$label</p><div '
    'class="payment-logos">$icons</div></div>',
    "payment_icon": '<img src="/modules/ps_paymentlogos/views/img/$slug.png" alt="$alt" '
    'loading="lazy" width="50" height="32">',
    "card": (
        '<div class="js-product product col-xs-12 col-sm-6 col-xl-3"><article class="product-'
        'miniature js-product-miniature" data-id-product="$product_id"><div class="thumbnail-'
        'container"><div class="thumbnail-top"><a href="$href" class="thumbnail product-thumbnail">'
        '<img src="$img" alt="$name" loading="lazy" width="250" height="250"></a></div><div '
        'class="product-description"><h2 class="h3 product-title"><a href="$href" content="$href">'
        '$name</a></h2>$price_html</div></div><ul class="product-flags js-product-flags">$badge'
        "</ul></article></div>"
    ),
    "price": '<div class="product-price-and-shipping"><span class="price" aria-label="Prix">'
    "$price</span></div>",
    "price_sale": '<div class="product-price-and-shipping"><span class="regular-price" aria-label='
    '"$old_label">$old</span> <span class="price" aria-label="Prix">$price</span></div>',
    "badge": '<li class="product-flag discount">$text</li>',
    "product": (
        '<section id="main"><div class="row product-container js-product-container"><div '
        'class="col-md-6"><section class="page-content" id="content"><div class="product-cover">'
        '<img class="js-qv-product-cover img-fluid" src="$img" alt="$name" loading="lazy" '
        'width="452" height="452"></div></section></div><div class="col-md-6"><h1 class="h1">$name'
        '</h1>$rating<div class="product-prices js-product-prices"><div class="product-price h5 '
        'has-discount"><div class="current-price">$price_html</div></div><div class="tax-shipping-'
        'delivery-label">TTC</div></div>$urgency<div class="product-actions js-product-actions">'
        '<form action="$cart_href" method="post" id="add-to-cart-or-refresh"><input type="hidden" '
        'name="id_product" value="$product_id"><div class="product-add-to-cart js-product-add-to-'
        'cart"><button class="btn btn-primary add-to-cart" data-button-action="add-to-cart" type='
        '"submit">$add_to_cart</button></div></form></div><div class="product-information"><div '
        'id="product-description-short" class="product-description">$description</div><div '
        'class="product-reference"><label class="label">$sku_label </label><span>$sku</span></div>'
        "</div>$extra</div></div></section>"
    ),
    "page": '<section id="main"><header class="page-header"><h1>$title</h1></header><section '
    'id="content" class="page-content page-cms page-cms-$cms_id">$body</section></section>',
    "home": (
        '<section id="content" class="page-home"><div id="carousel" class="carousel slide"><ul '
        'class="carousel-inner"><li class="carousel-item active"><figure><img src="/modules/ps_'
        'imageslider/images/$slide.jpg" alt="$hero"><fi'
        'gcaption class="caption"><h2 class="display-1 '
        'text-uppercase">$hero</h2></figcaption></figure></li></ul></div><section class="featured-'
        'products clearfix"><h2 class="h2 products-section-title text-uppercase">$shop_label</h2>'
        '<div class="products row">$grid</div></section><div id="custom-text"><p>$about</p>$extra'
        "</div></section>"
    ),
    "checkout": (
        '<section id="checkout-payment-step" class="checkout-step -current"><h1 class="step-title '
        'h3">$title</h1><div class="content"><section class="form-fields"><h2>$address_title</h2>'
        '$address_fields</section><div class="cart-summary"><table class="cart-items">$lines'
        '</table><div class="cart-summary-line cart-total"><span class="label">$total_label</span>'
        '<span class="value">$total</span></div></div><p>$intro</p><div class="payment-options">'
        '$methods</div><div id="payment-confirmation"><button type="submit" class="btn btn-primary '
        'center-block">$button</button></div><p>$secure</p></div>$extra</section>'
    ),
    "method": '<div class="payment-option clearfix"><span class="custom-radio float-xs-left">'
    '<input class="ps-shown-by-js" id="payment-option-$n" name="payment-option" type="radio" '
    'data-module-name="$id"></span><label for="payment-option-$n"><span>$label</span></label>'
    '<div class="additional-information"><section><p>$detail</p></section></div></div>',
    "not_found": '<section id="main"><header class="page-header"><h1>$title</h1></header><section '
    'id="content" class="page-content page-not-found"><p>$text</p><a href="/">$continue</a>'
    "</section></section>",
    "css": (
        "body{font-family:$font;background:$bg;color:#232323;font-size:1rem;line-height:1.25em}"
        ".btn-primary{background-color:$accent;border-color:transparent;border-radius:$radius;"
        "color:#fff;text-transform:uppercase;font-weight:600}.product-price,.current-price .price,"
        ".product-price-and-shipping .price{color:$acc"
        "ent;font-weight:700}.regular-price{color:#7a7a"
        "7a;text-decoration:line-through;margin-right:."
        "5rem}.product-flags li.product-flag{background"
        ":$accent;color:#fff;font-weight:700;padding:.3rem .5rem;text-transform:uppercase}#header "
        ".header-nav{border-bottom:1px solid #f6f6f6;max-height:50px}.top-menu a[data-depth='0']{"
        "padding:.625rem;text-transform:uppercase;font-weight:600}.footer-container{margin-top:"
        "1.25rem;padding-top:1.25rem;overflow:hidden;box-shadow:2px 2px 11px 0 rgba(0,0,0,.1)}"
        ".payment-logos img{margin:4px;filter:grayscale(20%)}"
    ),
    "headers": (
        ("Server", "$server"),
        ("X-Powered-By", "PHP/$php_major.$php_minor"),
        ("Vary", "Accept-Encoding"),
        ("Set-Cookie", "PrestaShop-$cookie_id=def50200$cookie_v; path=/; HttpOnly; SameSite=Lax"),
    ),
}

WIX = {
    "paths": {
        "home": "/",
        "shop": "/$shop_slug",
        "product": "/product-page/$slug",
        "page": ("/$slug",),
        "legal": ("/$slug",),
        "terms": ("/$slug",),
        "returns": ("/$slug",),
        "delivery": ("/$slug",),
        "privacy": ("/$slug",),
        "contact": ("/$slug",),
        "cart": "/cart-page",
        "checkout": "/checkout",
        "asset": "/_partials/$name",
    },
    "doc": (
        '<!DOCTYPE html>\n<html lang="$lang">\n<head>\n$charset_meta\n'
        '<meta name="viewport" content="width=device-wi'
        'dth, initial-scale=1" id="wixDesktopViewport">'
        '\n<meta name="generator" content="Wix.com Website Builder">\n'
        "<title>$title</title>\n$meta\n"
        '<link rel="preconnect" href="https://static.wixstatic.com" crossorigin>\n'
        '<style id="css_masterPage">$css</style>\n$head_extra\n</head>\n'
        '<body class="$body_class"><div id="SITE_CONTAINER"><div id="main_MF" class="main_MF"><div '
        'id="SCROLL_TO_TOP" class="Vd6aQZ ignore-focus SCROLL_TO_TOP" role="region" tabindex="-1">'
        '</div><div id="site-root" class="site-root"><div id="masterPage" class="mesh-layout">'
        "$banner\n$header\n"
        '<main id="PAGES_CONTAINER" class="PAGES_CONTAINER" tabindex="-1" data-main-content="true">'
        '<div id="SITE_PAGES" class="JsJXaX SITE_PAGES"><div class="$page_comp">$main</div></div>'
        "</main>\n$footer\n</div></div></div></div></div>\n$scripts\n</body>\n</html>\n"
    ),
    "header": (
        '<header id="SITE_HEADER" class="xU8fqS SITE_HEADER wixui-header" tabindex="-1"><div '
        'class="_C0cVf"><div id="comp-$c1" class="BaOVQ8 tz5f0K comp-$c1 wixui-rich-text" data-'
        'testid="richTextElement"><h1 class="font_0 wixui-rich-text__text"><a href="/">$shop</a>'
        '</h1></div><nav id="comp-$c2" class="StylableHorizontalMenu3372578893__root comp-$c2 '
        'wixui-horizontal-menu" aria-label="Site"><ul class="itemsContainer">$nav</ul></nav><a '
        'id="comp-$c3" class="cart-icon wixui-cart-icon" href="/cart-page" aria-label="$cart">'
        '<span class="CartIconButton__count">0</span></a></div></header>'
    ),
    "nav_item": '<li class="wixui-horizontal-menu__item"><a data-testid="linkElement" href="$href" '
    'class="wixui-horizontal-menu__item-label"><span>$label</span></a></li>',
    "footer": (
        '<footer id="SITE_FOOTER" class="xU8fqS SITE_FOOTER wixui-footer" tabindex="-1"><div '
        'class="_C0cVf"><div class="footer-columns wixui-columns">$columns</div><div id="comp-$c4" '
        'class="comp-$c4 wixui-gallery payment-gallery">$payments</div><div id="comp-$c5" class="'
        'BaOVQ8 comp-$c5 wixui-rich-text"><p class="font_9 wixui-rich-text__text">$copyright</p>'
        "$extra</div></div></footer>"
    ),
    "footer_col": '<div class="wixui-column-strip__column"><p class="font_8 wixui-rich-text__text">'
    "<span>$title</span></p>$links</div>",
    "footer_link": '<p class="font_9 wixui-rich-text__text"><a href="$href" target="_self" '
    'class="wixui-rich-text__text">$label</a></p>',
    "payments": '<div class="payment-gallery__items" aria-label="$label">$icons</div>',
    "payment_icon": '<wow-image class="HlRz5e Tj01hh wixui-image" data-image-info=\'{"alt":'
    '"$alt"}\'><img src="https://static.wixstatic.com/media/$hash~mv2.png/v1/fill/w_48,h_30,'
    'al_c,q_85/$slug.png" alt="$alt" width="48" height="30"></wow-image>',
    "card": (
        '<li data-hook="product-list-grid-item" class="ETPbIy"><div data-slug="$slug" role="group" '
        'class="_3DNsL" data-hook="product-item-root"><a href="$href" data-hook="product-item-'
        'container" class="oQUvqL"><div data-hook="prod'
        'uct-item-images" class="ProductMediaItem"><img '
        'src="$img" alt="$name"></div>$badge</a><div data-hook="not-image-container"><h3 '
        'data-hook="product-item-name" class="sWPYpA">$name</h3>$price_html</div></div></li>'
    ),
    "price": '<div data-hook="product-item-prices-and-color-and-bg"><span data-hook="product-item-'
    'price-to-pay" class="cfpn1d">$price</span></div>',
    "price_sale": '<div data-hook="product-item-prices-and-color-and-bg"><span class="sr-only">'
    '$old_label</span><span data-hook="product-item-price-before-discount" class="JPDEZd">$old'
    '</span> <span data-hook="product-item-price-to-pay" class="cfpn1d">$price</span></div>',
    "badge": '<span data-hook="product-item-ribbon" class="ribbon">$text</span>',
    "product": (
        '<article data-hook="product-page" class="ProductPage"><div data-hook="product-gallery-'
        'root"><img src="$img" alt="$name" width="500" height="500"></div><section data-hook="info-'
        'section"><h1 data-hook="product-title" class="_2qrJF">$name</h1>$rating<div data-hook="'
        'product-prices-wrapper" class="cfpn1d">$price_'
        'html</div>$urgency<div data-hook="product-sku"'
        '>$sku_label: $sku</div><button data-hook="add-to-cart" class="buttonnext3301011735__'
        'root">$add_to_cart</button><div data-hook="de'
        'scription-wrapper"><h2>$description_title</h2>'
        '<div data-hook="description">$description</div></div>$extra</section></article>'
    ),
    "page": '<section class="wixui-section"><div id="comp-$c6" class="BaOVQ8 comp-$c6 wixui-rich-'
    'text"><h1 class="font_0 wixui-rich-text__text">$title</h1>$body</div></section>',
    "home": (
        '<section class="wixui-section strip-hero"><div'
        ' id="comp-$c7" class="BaOVQ8 wixui-rich-text">'
        '<h2 class="font_2 wixui-rich-text__text">$hero</h2><a class="StylableButton2545352419__'
        'root wixui-button" href="$shop_href">$shop_label</a></div></section><section class="wixui-'
        'section"><ul data-hook="product-list-wrapper" class="product-list-grid">$grid</ul>'
        '</section><section class="wixui-section"><p class="font_8 wixui-rich-text__text">$about'
        "</p>$extra</section>"
    ),
    "checkout": (
        '<div data-hook="checkout-page" class="checkout"><h1 data-hook="checkout-title">$title</h1>'
        '<section data-hook="delivery-step"><h2>$address_title</h2>$address_fields</section>'
        '<section data-hook="order-summary"><table>$lines</table><p data-hook="total-row"><span>'
        "$total_label</span> <strong>$total</strong></"
        'p></section><section data-hook="payment-step">'
        '<h2>$intro</h2><div data-hook="payment-methods">$methods</div><button data-hook="place-'
        'order-button">$button</button><p>$secure</p></section>$extra</div>'
    ),
    "method": '<label data-hook="payment-method-$id" class="payment-method"><input type="radio" '
    'name="payment" value="$id"><span>$label</span><div class="payment-method-info">$detail</div>'
    "</label>",
    "not_found": '<section class="wixui-section"><h1 class="font_0">$title</h1><p class="font_8">'
    '$text</p><a href="/">$continue</a></section>',
    "css": (
        "#SITE_CONTAINER{--wix-color-1:$bg;--wix-color-8:$accent;--wix-font-Body-M:normal normal "
        "normal 16px/1.4em $font}.font_0{font:normal normal normal 48px/1.2em $font;color:#1a1a1a}"
        ".font_2{font:normal normal bold 36px/1.3em $fo"
        "nt}.font_8{font:var(--wix-font-Body-M)}.font_9"
        "{font:normal normal normal 13px/1.4em $font}.wixui-button,.buttonnext3301011735__root{"
        "background:var(--wix-color-8);color:#fff;border-radius:$radius;padding:12px 28px}.cfpn1d{"
        "color:var(--wix-color-8);font-weight:700}.JPDEZd{text-decoration:line-through;color:#888}"
        ".ribbon{background:var(--wix-color-8);color:#fff;padding:2px 8px}.payment-gallery__items "
        "img{margin:0 3px}.SITE_FOOTER{background:#f7f7f7;padding:30px 0}.itemsContainer{display:"
        "flex;gap:24px;list-style:none}"
    ),
    "headers": (
        ("Server", "Pepyaka"),
        ("X-Wix-Request-Id", "$request_id"),
        ("Age", "0"),
        ("Vary", "Accept-Encoding"),
        ("Strict-Transport-Security", "max-age=86400"),
    ),
}

MAGENTO = {
    "paths": {
        "home": "/",
        "shop": "/$shop_slug.html",
        "product": "/$slug.html",
        "page": ("/$slug",),
        "legal": ("/$slug", "/$slug.html"),
        "terms": ("/$slug",),
        "returns": ("/$slug",),
        "delivery": ("/$slug",),
        "privacy": ("/$slug",),
        "contact": ("/contact", "/$slug"),
        "cart": "/checkout/cart/",
        "checkout": "/checkout/",
        "asset": "/static/version$asset_v/frontend/Theme/$theme_slug/$locale_us/$name",
    },
    "doc": (
        '<!doctype html>\n<html lang="$lang">\n<head>\n$charset_meta\n<meta name="title" '
        'content="$title">\n$meta\n<meta name="robots" content="INDEX,FOLLOW">\n<meta name='
        '"viewport" content="width=device-width, initial-scale=1">\n<title>$title</title>\n'
        '<link rel="stylesheet" type="text/css" media="all" href="/static/version$asset_v/frontend'
        '/Theme/$theme_slug/$locale_us/css/styles-m.css">\n<style>$css</style>\n$head_extra\n'
        "</head>\n"
        '<body data-container="body" class="$body_class page-layout-1column">\n<div class="page-'
        'wrapper">$banner\n$header\n<main id="maincontent" class="page-main"><div class="columns">'
        '<div class="column main">$main</div></div></main>\n$footer\n</div>\n$scripts\n</body>\n'
        "</html>\n"
    ),
    "header": (
        '<header class="page-header"><div class="panel wrapper"><div class="panel header"><ul '
        'class="header links"><li><a href="/customer/account/">$account</a></li></ul></div></div>'
        '<div class="header content"><a class="logo" href="/" title="$shop"><img src="/media/logo/'
        'stores/1/$logo_file" alt="$shop" width="170" height="50"></a><div data-block="minicart" '
        'class="minicart-wrapper"><a class="action showcart" href="/checkout/cart/"><span class="'
        'text">$cart</span></a></div><div class="block block-search"><form class="form minisearch" '
        'action="/catalogsearch/result/" method="get"><input type="text" name="q" placeholder="'
        '$search"></form></div></div><div class="sections nav-sections"><nav class="navigation" '
        'data-action="navigation"><ul>$nav</ul></nav></div></header>'
    ),
    "nav_item": '<li class="level0 nav-$n level-top"><a href="$href" class="level-top"><span>'
    "$label</span></a></li>",
    "footer": (
        '<footer class="page-footer"><div class="footer content">$columns<div class="footer-'
        'payments">$payments</div><small class="copyright"><span>$copyright</span></small>$extra'
        "</div></footer>"
    ),
    "footer_col": '<div class="footer-col"><strong class="footer-title">$title</strong><ul '
    'class="footer links">$links</ul></div>',
    "footer_link": '<li class="nav item"><a href="$href">$label</a></li>',
    "payments": '<div class="payment-icons" aria-label="$label">$icons</div>',
    "payment_icon": '<span class="payment-icon payment-icon--$slug" title="$alt"><img src="/media'
    '/wysiwyg/payment/$slug.svg" alt="$alt" width="46" height="30"></span>',
    "card": (
        '<li class="item product product-item"><div class="product-item-info" data-container="'
        'product-grid"><a href="$href" class="product photo product-item-photo"><span class="'
        'product-image-container"><img class="product-image-photo" src="$img" alt="$name" width='
        '"240" height="300"></span></a><div class="product details product-item-details"><strong '
        'class="product name product-item-name"><a class="product-item-link" href="$href">$name'
        "</a></strong>$price_html$badge</div></div></li>"
    ),
    "price": '<div class="price-box price-final_price" data-role="priceBox"><span class="price-'
    'container price-final_price tax weee"><span cla'
    'ss="price-wrapper" data-price-type="finalPrice">'
    '<span class="price">$price</span></span></span></div>',
    "price_sale": '<div class="price-box price-final_price" data-role="priceBox"><span class="'
    'special-price"><span class="price-container price-final_price tax weee"><span class="price-'
    'wrapper" data-price-type="finalPrice"><span class="price">$price</span></span></span></span>'
    '<span class="old-price"><span class="price-container"><span class="price-label">$old_label'
    '</span><span class="price-wrapper" data-price-type="oldPrice"><span class="price">$old</span>'
    "</span></span></span></div>",
    "badge": '<span class="product-label sale-label">$text</span>',
    "product": (
        '<div class="product-info-main"><div class="page-title-wrapper product"><h1 class="page-'
        'title"><span class="base" data-ui-id="page-ti'
        'tle-wrapper" itemprop="name">$name</span></h1>'
        '</div>$rating<div class="product-info-price">$price_html</div>$urgency<div class="product-'
        'info-stock-sku"><div class="stock available"><span>$stock</span></div><div class="product '
        'attribute sku"><strong class="type">$sku_label</strong> <div class="value" itemprop="sku">'
        '$sku</div></div></div><div class="product-add-form"><form action="/checkout/cart/add/" '
        'method="post" id="product_addtocart_form"><button type="submit" title="$add_to_cart" class'
        '="action primary tocart" id="product-addtocart-button">$add_to_cart</button></form></div>'
        '</div><div class="product media"><img src="$img" alt="$name" width="700" height="700">'
        '</div><div class="product info detailed"><div'
        ' class="data item title"><a class="data switch'
        '">$description_title</a></div><div class="data item content" id="description">$description'
        "</div></div>$extra"
    ),
    "page": '<div class="page-title-wrapper"><h1 class="page-title"><span class="base">$title'
    '</span></h1></div><div class="cms-content">$body</div>',
    "home": (
        '<div class="cms-home-banner"><h2>$hero</h2><a class="action primary" href="$shop_href">'
        '$shop_label</a></div><div class="block widget block-products-list grid"><div class="block-'
        'content"><div class="products-grid grid"><ol class="product-items widget-product-grid">'
        '$grid</ol></div></div></div><div class="cms-home-text"><p>$about</p>$extra</div>'
    ),
    "checkout": (
        '<div id="checkout" class="checkout-container"><div class="opc-wrapper"><h1 class="page-'
        'title">$title</h1><ol class="opc" id="checkoutSteps"><li id="shipping" class="checkout-'
        'shipping-address"><div class="step-title">$address_title</div>$address_fields</li><li '
        'id="payment" class="checkout-payment-method"><div class="step-title">$intro</div><div '
        'class="payment-methods">$methods</div><div class="actions-toolbar"><button class="action '
        'primary checkout" type="submit">$button</button></div><p>$secure</p></li></ol></div><div '
        'class="opc-sidebar"><table class="data table table-totals">$lines<tr class="grand totals">'
        '<th>$total_label</th><td><strong><span class="price">$total</span></strong></td></tr>'
        "</table></div>$extra</div>"
    ),
    "method": '<div class="payment-method"><div class="payment-method-title field choice"><input '
    'type="radio" name="payment[method]" class="radio" id="$id" value="$id"><label class="label" '
    'for="$id"><span>$label</span></label></div><div class="payment-method-content"><p>$detail</p>'
    "</div></div>",
    "not_found": '<div class="page-title-wrapper"><h1 class="page-title"><span class="base">$title'
    '</span></h1></div><dl><dt>$text</dt></dl><a href="/">$continue</a>',
    "css": (
        "body{font-family:$font;background:$bg;color:#333;font-size:1.4rem}.action.primary{"
        "background:$accent;border:1px solid $accent;color:#fff;border-radius:$radius;font-weight:"
        "600;padding:7px 15px}.price-box .price{font-weight:600;font-size:1.8rem}.special-price "
        ".price{color:$accent}.old-price .price{text-decoration:line-through;font-weight:400;color:"
        "#999}.page-footer{background:#f4f4f4;margin-top:auto;padding-bottom:25px}.payment-icon{"
        "display:inline-block;margin:0 4px}.product-label{background:$accent;color:#fff;padding:"
        "2px 6px}.navigation .level0>.level-top{color:#575757;padding:0 12px;line-height:53px}"
    ),
    "headers": (
        ("Server", "$server"),
        ("X-Magento-Cache-Debug", "MISS"),
        ("X-Frame-Options", "SAMEORIGIN"),
        ("Vary", "Accept-Encoding"),
        ("Set-Cookie", "PHPSESSID=$cookie_v; path=/; HttpOnly"),
    ),
}

HANDMADE = {
    "paths": {
        "home": "/",
        "shop": "/$shop_slug.$ext",
        "product": "/$product_base.$ext?id=$product_id",
        "page": ("/$slug.$ext",),
        "legal": ("/$slug.$ext", "/$slug.$ext", "/index.$ext?page=$slug"),
        "terms": ("/$slug.$ext",),
        "returns": ("/$slug.$ext",),
        "delivery": ("/$slug.$ext",),
        "privacy": ("/$slug.$ext",),
        "contact": ("/$slug.$ext",),
        "cart": "/$cart_slug.$ext",
        "checkout": "/$checkout_slug.$ext",
        "asset": "/css/$name",
    },
    "doc": (
        '<!DOCTYPE html>\n<html lang="$lang">\n<head>\n$charset_meta\n<title>$title</title>\n'
        '$meta\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link href="/css/bootstrap.min.css" rel="stylesheet">\n<link href="/css/style.css?v='
        '$asset_v" rel="stylesheet">\n<style>$css</style>\n$head_extra\n</head>\n'
        '<body class="$body_class">\n$banner\n$header\n<div class="container main-content">\n$main'
        "\n</div>\n$footer\n$scripts\n</body>\n</html>\n"
    ),
    "header": (
        '<nav class="navbar navbar-expand-lg navbar-light bg-light"><div class="container"><a '
        'class="navbar-brand" href="/">$shop</a><button'
        ' class="navbar-toggler" type="button" data-bs-'
        'toggle="collapse" data-bs-target="#mainNav"><span class="navbar-toggler-icon"></span>'
        '</button><div class="collapse navbar-collapse'
        '" id="mainNav"><ul class="navbar-nav me-auto">'
        '$nav</ul><a class="btn btn-outline-dark" href="$cart_href">$cart</a></div></div></nav>'
    ),
    "nav_item": '<li class="nav-item"><a class="nav-link" href="$href">$label</a></li>',
    "footer": (
        '<footer class="footer mt-5 py-4 bg-dark text-white"><div class="container"><div '
        'class="row">$columns</div><div class="row mt-3"><div class="col text-center">$payments'
        '</div></div><p class="text-center small mt-3">$copyright</p>$extra</div></footer>'
    ),
    "footer_col": '<div class="col-md-4"><h5>$title</h5><ul class="list-unstyled">$links</ul>'
    "</div>",
    "footer_link": '<li><a class="text-white-50" href="$href">$label</a></li>',
    "payments": '<div class="paiements"><span class="small">$label</span> $icons</div>',
    "payment_icon": '<img src="/img/$slug.svg" alt="$alt" height="24" class="me-1">',
    "card": (
        '<div class="col-6 col-md-3 mb-4"><div class="card h-100"><a href="$href"><img class="card-'
        'img-top" src="$img" alt="$name"></a>$badge<div class="card-body"><h5 class="card-title">'
        '<a href="$href">$name</a></h5>$price_html</div></div></div>'
    ),
    "price": '<p class="prix">$price</p>',
    "price_sale": '<p class="prix"><del class="text-muted">$old</del> <strong class="text-danger">'
    "$price</strong></p>",
    "badge": '<span class="badge bg-danger position-absolute top-0 start-0 m-2">$text</span>',
    "product": (
        '<div class="row mt-4"><div class="col-md-6"><img src="$img" class="img-fluid" alt="$name">'
        '</div><div class="col-md-6"><h1>$name</h1>$rating<div class="fs-3">$price_html</div>'
        '$urgency<p class="small">$sku_label : $sku</p><form method="post" action="$cart_href">'
        '<input type="hidden" name="id" value="$product_id"><input type="number" name="qte" '
        'value="1" min="1" class="form-control w-25 d-inline"> <button class="btn btn-primary" '
        'type="submit">$add_to_cart</button></form><h2 class="h4 mt-4">$description_title</h2>'
        "<div>$description</div>$extra</div></div>"
    ),
    "page": '<div class="row mt-4"><div class="col-lg-10"><h1>$title</h1>$body</div></div>',
    "home": (
        '<div class="p-5 mb-4 bg-light rounded-3 text-center"><h2 class="display-5 fw-bold">$hero'
        '</h2><a class="btn btn-primary btn-lg" href="$shop_href">$shop_label</a></div><div '
        'class="row">$grid</div><div class="mt-4"><p>$about</p>$extra</div>'
    ),
    "checkout": (
        '<div class="row mt-4"><div class="col-md-7"><h1>$title</h1><form method="post" action="'
        '$href"><h2 class="h4">$address_title</h2>$address_fields<h2 class="h4 mt-3">$intro</h2>'
        '$methods<button class="btn btn-success mt-3" '
        'type="submit">$button</button><p class="small '
        'mt-2">$secure</p></form></div><div class="col-md-5"><table class="table">$lines<tr><th>'
        "$total_label</th><td><strong>$total</strong></td></tr></table>$extra</div></div>"
    ),
    "method": '<div class="form-check"><input class="form-check-input" type="radio" name="'
    'paiement" id="p-$id" value="$id"><label class="form-check-label" for="p-$id">$label</label>'
    '<div class="small text-muted">$detail</div></div>',
    "not_found": '<div class="text-center mt-5"><h1>$title</h1><p>$text</p><a href="/">$continue'
    "</a></div>",
    "css": (
        "body{font-family:$font;background:$bg}.navbar-"
        "brand{font-weight:700;color:$accent!important}"
        ".btn-primary{background:$accent;border-color:$accent;border-radius:$radius}.prix{font-size"
        ":1.2rem;color:$accent}.card{border-radius:$ra"
        "dius}.footer a{text-decoration:none}.paiements"
        " img{vertical-align:middle;background:#fff;border-radius:3px;padding:2px}"
    ),
    "headers": (
        ("Server", "$server"),
        ("X-Powered-By", "PHP/$php_major.$php_minor"),
        ("Vary", "Accept-Encoding"),
    ),
}

TEMPLATES = {
    "shopify": SHOPIFY,
    "woocommerce": WOOCOMMERCE,
    "prestashop": PRESTASHOP,
    "wix": WIX,
    "magento": MAGENTO,
    "handmade": HANDMADE,
}

# Which platform genuine shops of each language use (kits bring their own).
LEGIT_TEMPLATE_WEIGHTS = {
    "fr": {
        "shopify": 0.28,
        "woocommerce": 0.25,
        "prestashop": 0.22,
        "wix": 0.1,
        "magento": 0.05,
        "handmade": 0.1,
    },
    "en": {
        "shopify": 0.42,
        "woocommerce": 0.28,
        "wix": 0.1,
        "magento": 0.08,
        "handmade": 0.07,
        "prestashop": 0.05,
    },
    "de": {
        "shopify": 0.3,
        "woocommerce": 0.25,
        "magento": 0.15,
        "prestashop": 0.1,
        "wix": 0.08,
        "handmade": 0.12,
    },
    "es": {
        "shopify": 0.3,
        "woocommerce": 0.3,
        "prestashop": 0.22,
        "wix": 0.08,
        "magento": 0.04,
        "handmade": 0.06,
    },
    "it": {
        "shopify": 0.3,
        "woocommerce": 0.3,
        "prestashop": 0.2,
        "wix": 0.08,
        "magento": 0.06,
        "handmade": 0.06,
    },
}
FRAUD_TEMPLATE_WEIGHTS = {
    "shopify": 0.34,
    "woocommerce": 0.3,
    "prestashop": 0.1,
    "wix": 0.1,
    "magento": 0.04,
    "handmade": 0.12,
}

THEMES = {
    "shopify": ("Dawn", "Sense", "Craft", "Refresh", "Impulse", "Prestige", "Debut", "Taste"),
    "woocommerce": ("astra", "flatsome", "oceanwp", "storefront", "kadence", "hello-elementor"),
    "prestashop": ("classic", "warehouse", "panda", "at_movic", "leo_fashion"),
    "magento": ("luma", "porto", "hyva-default"),
    "wix": ("",),
    "handmade": ("",),
}
FONTS = (
    "Assistant, sans-serif",
    "'Open Sans', sans-serif",
    "Lato, Arial, sans-serif",
    "Montserrat, sans-serif",
    "'Playfair Display', serif",
    "Roboto, Helvetica, sans-serif",
    "Poppins, sans-serif",
    "Georgia, serif",
    "'DM Sans', sans-serif",
    "Nunito, sans-serif",
)
ACCENTS = (
    "#121212",
    "#334fb4",
    "#c0392b",
    "#1e7b52",
    "#8a5a44",
    "#d35400",
    "#6c3483",
    "#0b5394",
    "#b8860b",
    "#2f4f4f",
    "#e75480",
    "#3c6e71",
)
BACKGROUNDS = ("#ffffff", "#ffffff", "#fafafa", "#fdfbf7", "#f7f7f2", "#ffffff")
SERVERS = (
    "nginx",
    "Apache",
    "LiteSpeed",
    "nginx/1.24.0",
    "Apache/2.4.57 (Debian)",
    "cloudflare",
    "openresty",
)

# Analytics snippets by kind; $id is the site's (or a kit's shared) identifier.
TRACKER_SNIPPETS = {
    "ga4": (
        '<script async src="https://www.googletagmanager.com/gtag/js?id=$id"></script>\n'
        "<script>window.dataLayer = window.dataLayer || [];"
        "function gtag(){dataLayer.push(arguments);}"
        "gtag('js', new Date());gtag('config', '$id');</script>"
    ),
    "gtm": (
        "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),"
        "event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'"
        "?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;"
        "f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','$id');</script>"
    ),
    "fbq": (
        "<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?"
        "n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;"
        "n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;"
        "s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script',"
        "'https://connect.facebook.net/en_US/fbevents.js');fbq('init', '$id');"
        "fbq('track', 'PageView');</script>"
    ),
    "matomo": (
        "<script>var _paq = window._paq = window._paq || [];_paq.push(['trackPageView']);"
        "_paq.push(['enableLinkTracking']);(function() {var u='$base';_paq.push(['setTrackerUrl', "
        "u+'matomo.php']);_paq.push(['setSiteId', '$id']);var d=document, "
        "g=d.createElement('script'), s=d.getElementsByTagName('script')[0];g.async=true; "
        "g.src=u+'matomo.js'; "
        "s.parentNode.insertBefore(g,s);})();</script>"
    ),
    "hotjar": (
        "<script>(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
        "h._hjSettings={hjid:$id,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement("
        "'script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})"
        "(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>"
    ),
}
MATOMO_SHARED_BASE = "https://stats.shop-metrics.top/"

# Markup of page widgets some shops add (countdowns, visitor counters, chat buttons, JSON-LD).
QUIRK_SNIPPETS = {
    "countdown": (
        '<div class="countdown-timer" data-end="$end"><span class="countdown-label">$label</span> '
        '<span class="cd-h">$h</span>:<span class="cd-m">$m</span>:<span class="cd-s">$s</span>'
        "</div>"
    ),
    "visitors": '<div class="visitor-counter"><span class="vc-icon"></span> $text</div>',
    "whatsapp": (
        '<a href="https://wa.me/$number" class="whatsapp-float" target="_blank" rel="noopener" '
        'aria-label="WhatsApp"><span>$text</span></a>'
    ),
    "cookie_banner": (
        '<div id="cookie-notice" class="cookie-banner" role="dialog"><p>$text</p><button '
        'class="cookie-accept">$button</button></div>'
    ),
    "rating": (
        '<div class="product-rating" aria-label="$value / 5"><span class="stars" style="--rating:'
        '$value"></span> <span class="rating-count">$count</span></div>'
    ),
    "reviews": '<div class="reviews"><h3>$title</h3>$items</div>',
    "review": '<blockquote class="review"><p>$text</p><cite>$name</cite></blockquote>',
}

# Non-HTML files some captures include.
ROBOTS = {
    "shopify": "# we use Shopify as our ecommerce platform\nUser-agent: *\nDisallow: /admin\n"
    "Disallow: /cart\nDisallow: /orders\nDisallow: /checkouts/\nDisallow: /checkout\n"
    "Disallow: /account\nDisallow: /search\nSitemap: https://$host/sitemap.xml\n",
    "woocommerce": "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
    "Sitemap: https://$host/wp-sitemap.xml\n",
    "prestashop": "# robots.txt automatically generated by PrestaShop e-commerce open-source "
    "solution\nUser-agent: *\nDisallow: /*?order=\nDisallow: /*&orderby=\nDisallow: /app/\n"
    "Disallow: /cache/\nSitemap: https://$host/1_index_sitemap.xml\n",
    "wix": "# by wix.com\nUser-agent: *\nAllow: /\nSitemap: https://$host/sitemap.xml\n",
    "magento": "User-agent: *\nDisallow: /checkout/\nDisallow: /customer/\n"
    "Disallow: /catalogsearch/\nSitemap: https://$host/sitemap.xml\n",
    "handmade": "User-agent: *\nDisallow: /admin/\n",
}
