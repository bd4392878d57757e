"""Word lists, templates and names for the synthetic sample generator, apart from its logic.

One module per language (`fr`, `en`, `de`, `es`, `it`, all with the same names), plus `common`
(niches, payment methods, registries, registrars, hosts), `templates` (shop HTML skeletons) and
`kits` (the reused fraud kits and when they appear).
"""

from synth.data import de, en, es, fr, it

LANGUAGES = {"fr": fr, "en": en, "de": de, "es": es, "it": it}
