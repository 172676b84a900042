"""Sentences per second: our batched CTranslate2 path against argostranslate's ``translate()``.

    python benchmarks/mt.py [--size tiny|base] [--package FILE.argosmodel] [--sentences 100]

Both paths run in this one process on the same sentences (NTREX-128 Burmese, Zawgyi as
published) through the same installed package: ``--package`` if given, else one built here
with random weights (``base``: the size of argos' real packages, 6 layers, width 512, ffn 2048,
8 heads; ``tiny``: the test suite's 2-layer, width-32 model). Random weights say gibberish,
and the ``</s>`` bias is tuned so outputs run to about the length of a real translation.

argostranslate's own path cannot download anything here: its settings point at a temporary
folder (``archive.mt.settings.import_argostranslate``), its MiniSBD sentence splitter is
replaced by one that returns our own sentences for each paragraph (the splitter would fetch a
model on first use), and ``socket.socket`` is made to raise for the whole run.

The thread settings compared are CTranslate2's ``inter_threads`` (translator replicas working
on sub-batches in parallel) and ``intra_threads`` (threads inside one replica; 0 = its default,
which is all cores).
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.mt.engine import load_translation
from archive.mt.packages import install_package, list_packages
from archive.mt.settings import MtSettings, import_argostranslate
from tests import mtpack

SIZES: dict[str, dict[str, Any]] = {
    "tiny": {"options": {}, "eos_bias": 2.5, "vocab": 256},
    "base": {
        "options": {"d_model": 512, "num_layers": 6, "num_heads": 8, "ffn": 2048},
        "eos_bias": 4.5,
        "vocab": 4000,
    },
}


class _NoNetwork(socket.socket):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise OSError("network access is disabled in this benchmark")


def _build(size: str, work: Path) -> Path:
    spec = SIZES[size]
    lines = mtpack.training_lines(("eng", "mya"), 1000)
    sp_model = mtpack.train_sentencepiece(lines, vocab_size=spec["vocab"])
    folder = mtpack.build_package_dir(
        work / "build",
        "my",
        "en",
        sp_model=sp_model,
        eos_bias=spec["eos_bias"],
        model_options=spec["options"],
    )
    return mtpack.zip_dir(folder, work / f"{folder.name}.argosmodel")


def _timed(fn: Callable[[], list[str]]) -> tuple[float, list[str]]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def _paragraphs(sentences: Sequence[str], size: int = 4) -> list[list[str]]:
    return [list(sentences[i : i + size]) for i in range(0, len(sentences), size)]


def bench_ours(
    sentences: Sequence[str], source: str, target: str, settings: MtSettings
) -> tuple[float, float]:
    """Sentences per second, and words per output."""
    translation = load_translation(source, target, settings=settings)
    translation(sentences[:4])  # load the model outside the timing
    seconds, out = _timed(lambda: translation(sentences))
    assert len(out) == len(sentences)
    return len(sentences) / seconds, sum(len(x.split()) for x in out) / max(len(out), 1)


def bench_argos(
    argos: Any, sentences: Sequence[str], source: str, target: str, *, beam: int, intra: int
) -> float:
    """argostranslate's ``translate()`` on the text, paragraph by paragraph as it does."""
    from argostranslate import package as argos_package
    from argostranslate import sbd
    from argostranslate import settings as argos_settings

    paragraphs = _paragraphs(sentences)
    ours = {" ".join(p): p for p in paragraphs}

    def split_sentences(self: Any, text: str) -> list[str]:
        return ours.get(text, [text])

    sbd.MiniSBDSentencizer.split_sentences = split_sentences  # never the downloading splitter
    argos_settings.beam_size = beam
    argos_settings.intra_threads = intra
    argos_settings.inter_threads = 1
    [pkg] = [
        p
        for p in argos_package.get_installed_packages()
        if (p.from_code, p.to_code) == (source, target)
    ]
    languages = {lang.code: lang for lang in argos.get_installed_languages()}
    translation = argos.PackageTranslation(languages[source], languages[target], pkg)
    text = "\n".join(" ".join(p) for p in paragraphs)
    translation.translate(" ".join(paragraphs[0]))  # load the model outside the timing
    seconds, _ = _timed(lambda: [translation.translate(text)])
    return len(sentences) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="base")
    parser.add_argument("--package", type=Path, help="a real .argosmodel to use instead")
    parser.add_argument("--sentences", type=int, default=100)
    parser.add_argument("--source", default="my", help="source language of --package")
    parser.add_argument("--target", default="en", help="target language of --package")
    args = parser.parse_args()

    socket.socket = _NoNetwork  # type: ignore[misc]
    work = Path(tempfile.mkdtemp(prefix="archive-mt-bench-"))
    folder = work / "packages"
    os.environ["ARCHIVE_MT_DIR"] = str(folder)
    try:
        start = time.perf_counter()
        package_file = args.package or _build(args.size, work)
        install_package(package_file)
        [package] = list_packages()
        print(
            f"package {package.name} {package.package_version} "
            f"({package.size / 1024**2:.1f} MB; {'given' if args.package else args.size}, "
            f"ready in {time.perf_counter() - start:.1f} s); cores: {os.cpu_count()}"
        )
        lines = mtpack.training_lines(("mya",), 2000)[500:]
        sentences = lines[: args.sentences]
        source, target = args.source, args.target
        print(f"{len(sentences)} sentences, {sum(map(len, sentences))} characters\n")
        argos = import_argostranslate(folder)

        rows: list[tuple[str, float]] = []

        def ours(beam: int, inter: int, intra: int) -> None:
            settings = MtSettings(beam_size=beam, inter_threads=inter, intra_threads=intra)
            rate, words = bench_ours(sentences, source, target, settings)
            rows.append((f"ours   beam {beam} inter {inter} intra {intra}  batch 16", rate))
            print(f"{rows[-1][0]:<46} {rate:7.1f} sentences/s  ({words:.0f} words/output)")

        def theirs(beam: int, intra: int) -> None:
            rate = bench_argos(argos, sentences, source, target, beam=beam, intra=intra)
            rows.append((f"argos  beam {beam} inter 1 intra {intra}  translate()", rate))
            print(f"{rows[-1][0]:<46} {rate:7.1f} sentences/s", flush=True)

        for inter, intra in ((1, 0), (1, 1), (1, 2), (2, 1)):
            ours(2, inter, intra)
        theirs(2, 0)
        theirs(2, 1)
        ours(4, 2, 1)
        theirs(4, 0)  # argostranslate's own defaults: beam 4, intra_threads 0
        best = max(rows, key=lambda r: r[1])
        print(f"\nfastest: {best[0].strip()} ({best[1]:.1f} sentences/s)")
        print(f"defaults now: {MtSettings()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
