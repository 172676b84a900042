"""Building tiny but real ``.argosmodel`` packages offline, for the MT tests and benchmark.

A package built here is what argostranslate itself would install: a zip with one top-level
folder holding ``metadata.json``, a CTranslate2 Transformer in ``model/`` and a
``sentencepiece.model``. The weights are small random numbers, so translations are gibberish;
the ``</s>`` output bias is set high so that decoding stops after a few tokens.
"""

from __future__ import annotations

import io
import json
import shutil
import stat
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

NTREX = Path(__file__).resolve().parent / "data" / "ntrex128"


def training_lines(codes: Sequence[str] = ("eng", "khm"), limit: int = 300) -> list[str]:
    """Up to ``limit`` NTREX-128 lines per language (``eng`` is the English source)."""
    lines: list[str] = []
    for code in codes:
        name = "src.eng.txt" if code == "eng" else f"ref.{code}.txt"
        path = NTREX / name
        if path.exists():
            lines += [x for x in path.read_text(encoding="utf-8").split("\n") if x.strip()][:limit]
    if not lines:  # no shared data: text the test makes up is enough for a tokenizer
        lines = [f"sentence {i} of the tiny corpus, word{i % 17} word{i % 23}." for i in range(400)]
    return lines


def train_sentencepiece(lines: Sequence[str], vocab_size: int = 256) -> bytes:
    """A serialized sentencepiece model trained on ``lines``."""
    import sentencepiece as spm

    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=out,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
        num_threads=1,
    )
    return out.getvalue()


def build_model(
    model_dir: Path,
    vocabulary: list[str],
    *,
    d_model: int = 32,
    seed: int = 0,
    eos_bias: float = 6.0,
    num_layers: int = 2,
    num_heads: int = 4,
    ffn: int | None = None,
) -> None:
    """Save a CTranslate2 Transformer with random weights in ``model_dir`` (default: 2 layers,
    4 heads, width 32; ``d_model=512, num_layers=6, num_heads=8, ffn=2048`` is the size of
    argos' real packages)."""
    import numpy as np
    from ctranslate2.specs import model_spec, transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(num_layers=num_layers, num_heads=num_heads)
    vocab = len(vocabulary)
    hidden = ffn or 2 * d_model

    def shape_of(name: str) -> tuple[int, ...]:
        parts = name.split("/")
        leaf, layer = parts[-1], parts[-2]
        if leaf in ("gamma", "beta"):
            return (d_model,)
        if layer.startswith("embeddings"):
            return (vocab, d_model)
        if layer == "projection":
            return (vocab, d_model) if leaf == "weight" else (vocab,)
        block = parts[-3]
        index = int(layer.split("_")[1])
        rows, cols = d_model, d_model
        if block == "self_attention" and index == 0:
            rows = 3 * d_model  # fused query, key, value
        elif block == "attention" and index == 1:
            rows = 2 * d_model  # fused key, value over the encoder output
        elif block == "ffn":
            rows, cols = (hidden, d_model) if index == 0 else (d_model, hidden)
        return (rows, cols) if leaf == "weight" else (rows,)

    def fill(spec_layer: Any, name: str, value: Any) -> None:
        if value is not None:
            return
        shape = shape_of(name)
        leaf = name.split("/")[-1]
        if leaf == "gamma":
            array = np.ones(shape, dtype=np.float32)
        elif leaf == "beta":
            array = np.zeros(shape, dtype=np.float32)
        else:
            array = (rng.standard_normal(shape) * 0.05).astype(np.float32)
        setattr(spec_layer, leaf, array)

    model_spec.visit_spec(spec, fill)
    bias = np.zeros((vocab,), dtype=np.float32)
    bias[vocabulary.index("</s>")] = eos_bias  # random weights never stop decoding otherwise
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))


def build_package_dir(
    root: Path,
    from_code: str,
    to_code: str,
    *,
    version: str = "1.0",
    sp_model: bytes | None = None,
    lines: Sequence[str] | None = None,
    eos_bias: float = 6.0,
    model_options: dict[str, Any] | None = None,
) -> Path:
    """Write an unzipped package folder ``root/translate-FROM_TO-VERSION`` and return it.

    ``model_options`` go to `build_model` (``d_model``, ``num_layers``, ``num_heads``, ``ffn``).
    """
    import sentencepiece as spm

    folder = root / f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    folder.mkdir(parents=True)
    sp_bytes = sp_model if sp_model is not None else train_sentencepiece(lines or training_lines())
    (folder / "sentencepiece.model").write_bytes(sp_bytes)
    processor = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    build_model(
        folder / "model",
        vocabulary,
        seed=sum(map(ord, from_code + to_code)),
        eos_bias=eos_bias,
        **(model_options or {}),
    )
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "links": [],
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (folder / "README.md").write_text("A tiny test package with random weights.\n")
    return folder


def zip_dir(folder: Path, out: Path) -> Path:
    """Zip ``folder`` as an ``.argosmodel`` whose one top-level entry is the folder's name."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return out


def build_package(
    out: Path,
    from_code: str,
    to_code: str,
    *,
    version: str = "1.0",
    sp_model: bytes | None = None,
    eos_bias: float = 6.0,
) -> Path:
    """Build ``out`` (an ``.argosmodel`` file) for the pair FROM -> TO."""
    work = out.parent / f".build-{out.stem}"
    try:
        folder = build_package_dir(
            work, from_code, to_code, version=version, sp_model=sp_model, eos_bias=eos_bias
        )
        return zip_dir(folder, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --------------------------------------------------------------------------- hostile packages


def members_of(package: Path) -> dict[str, bytes]:
    """Every file of a package zip, by name."""
    with zipfile.ZipFile(package) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}


def write_zip(
    out: Path, members: dict[str, bytes], *, symlinks: dict[str, str] | None = None
) -> Path:
    """A zip of ``members``; ``symlinks`` maps member names to link targets (stored as links)."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3  # unix, so external_attr carries the file type
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return out


def with_declared_size(package: Path, member: str, size: int) -> None:
    """Rewrite the central directory so ``member`` declares ``size`` uncompressed bytes."""
    data = bytearray(package.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if bytes(data[at + 46 : at + 46 + name_len]) == name:
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
            break
        at = data.find(b"PK\x01\x02", at + 4)
    package.write_bytes(bytes(data))
