"""Feature keys: interned per alignment run, so nothing grows for the life of a process."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
import weakref
from pathlib import Path

import archive.align
from archive.align import align_segments
from archive.align.config import ScoringConfig
from archive.align.features import FeatureKeys, segment_features, segment_sparse
from tests.unit.align.samples import perturbed

ROOT = Path(__file__).resolve().parents[3]


def _module_containers() -> dict[str, int]:
    """The size of every dict, list and set held at module level in `archive.align`."""
    sizes = {}
    for info in pkgutil.walk_packages(archive.align.__path__, "archive.align."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, dict | list | set | weakref.WeakKeyDictionary):
                sizes[f"{info.name}.{name}"] = len(value)
    return sizes


def test_two_alignments_grow_no_module_level_table(ntrex: dict[str, list[str]]) -> None:
    src, tgt, _ = perturbed(ntrex, "ko")
    align_segments(src[:4], tgt[:4], src_lang="ko", tgt_lang="en")  # loads the seed lexicon
    before = _module_containers()
    align_segments(src[4:], tgt[4:], src_lang="ko", tgt_lang="en")
    align_segments(["오늘 서울에 비가 많이 왔다."], ["It rained hard in Seoul today."],
                   src_lang="ko", tgt_lang="en")  # fmt: skip
    assert before == _module_containers()


def test_an_alignment_does_not_depend_on_what_the_process_aligned_before(
    ntrex: dict[str, list[str]],
) -> None:
    """Key ids choose columns (shared ones on long inputs) and their order: with one table
    per run, a pair gets the very scores it gets in a fresh process."""
    for lang in ("zh-Hans", "vi", "lo"):
        align_segments(*perturbed(ntrex, lang)[:2], src_lang=lang, tgt_lang="en")
    src, tgt, _ = perturbed(ntrex, "ug")
    here = [b.to_json() for b in align_segments(src, tgt, src_lang="ug", tgt_lang="en").beads]
    code = (
        "import json, sys; from archive.align import align_segments; "
        "src, tgt = json.load(sys.stdin); "
        "r = align_segments(src, tgt, src_lang='ug', tgt_lang='en'); "
        "print(json.dumps([b.to_json() for b in r.beads]))"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps([src, tgt]),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert json.loads(fresh) == here


def test_feature_keys_are_interned_per_table_words_even() -> None:
    keys = FeatureKeys()
    ids = [keys.id_of(k) for k in ("w:cat", "n:12", "u:猫", "q:(", "w:cat")]
    assert [0, 1, 2, 3, 0] == ids
    assert ["w:cat", "n:12", "u:猫", "q:("] == [keys.key_of(i) for i in ids[:4]]
    assert 4 == len(keys)
    assert 0 == len(FeatureKeys())


def test_sparse_features_read_back_through_their_table() -> None:
    keys = FeatureKeys()
    config = ScoringConfig()
    text = "The 12 cats (in Wales) sleep."
    sparse = segment_sparse(text, "en", lexicon=None, config=config, keys=keys)
    assert segment_features(text, "en", lexicon=None, config=config) == sparse.to_dict(keys)
    assert len(keys) == len(set(sparse.ids.tolist()))
