"""The synthetic world that writes `data/sample`: plan (truth) -> render (pages) -> rdap -> bundle.

No production package imports this one; `scamrank synth` loads it lazily.
"""
