"""Test material shared by the aligner tests, built from the NTREX sample document."""

from __future__ import annotations

Gold = set[tuple[tuple[int, ...], tuple[int, ...]]]


def perturbed(ntrex: dict[str, list[str]], lang: str) -> tuple[list[str], list[str], Gold]:
    """The sample document with a merge, a dropped sentence and an added English one."""
    src, eng = ntrex[lang], ntrex["en"]
    tgt = [eng[0], eng[1] + " " + eng[2], *eng[3:6], *eng[7:], "Stocks fell sharply on Monday."]
    gold: Gold = {((0,), (0,)), ((1, 2), (1,)), ((6,), ())}
    gold |= {((k,), (k - 1,)) for k in range(3, 6)}
    gold |= {((k,), (k - 2,)) for k in range(7, len(src))}
    gold.add(((), (len(tgt) - 1,)))
    return src, tgt, gold
