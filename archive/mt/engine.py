"""Translating sentences with installed packages: CTranslate2 + sentencepiece, in batches.

The archive never calls argostranslate's own ``translate()``: that splits sentences with a
model it downloads on first use. Sentences come from our own segmentation; this module only
tokenizes them with the package's sentencepiece model and runs them through its CTranslate2
model in batches. A pair with no package pivots through English when both halves are there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from archive.errors import ArchiveError, InvalidModelPackage, ModelPackageMissing, TranslationFailed
from archive.mt.packages import InstalledPackage, argos_code, find_package, installed_changes
from archive.mt.settings import MtSettings, packages_dir

log = logging.getLogger(__name__)

ENGINE = "argostranslate"
PIVOT = "en"
_LOCK = threading.Lock()
_MODELS: dict[tuple[str, int, int], tuple[Any, Any]] = {}
_TRANSLATORS: dict[tuple[str, str, str], Callable[[Sequence[str]], list[str]] | None] = {}
_SEEN_CHANGES = 0  # `installed_changes()` when the caches were last known good

ProgressCallback = Callable[[int, int], None]


def _version_of(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def engine_version() -> str | None:
    """The installed argostranslate version (the package format's engine), if any."""
    return _version_of("argostranslate")


def clear_caches() -> None:
    """Forget loaded models and `translator_for` answers (after installing or removing)."""
    with _LOCK:
        _MODELS.clear()
        _TRANSLATORS.clear()


def _forget_if_changed() -> None:
    """Clear the caches if a package was installed or removed since they were filled; call
    with ``_LOCK`` held."""
    global _SEEN_CHANGES
    changes = installed_changes()
    if changes != _SEEN_CHANGES:
        _MODELS.clear()
        _TRANSLATORS.clear()
        _SEEN_CHANGES = changes


def _load(package: InstalledPackage, settings: MtSettings) -> tuple[Any, Any]:
    """The CTranslate2 translator and sentencepiece processor of a package, loaded once."""
    key = (str(package.path), settings.inter_threads, settings.intra_threads)
    with _LOCK:
        _forget_if_changed()
        loaded = _MODELS.get(key)
        if loaded is None:
            import ctranslate2
            import sentencepiece

            log.info("loading %s from %s", package.name, package.path)
            try:
                translator = ctranslate2.Translator(
                    str(package.model_dir),
                    device="cpu",
                    inter_threads=settings.inter_threads,
                    intra_threads=settings.intra_threads,
                )
                processor = sentencepiece.SentencePieceProcessor(model_file=str(package.tokenizer))
            except (OSError, RuntimeError, ValueError) as exc:  # damaged after install
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                raise InvalidModelPackage(
                    package.path, f"installed package cannot be loaded ({reason}); reinstall it"
                ) from None
            loaded = _MODELS[key] = (translator, processor)
        return loaded


def translate_with_package(
    package: InstalledPackage, texts: Sequence[str], settings: MtSettings
) -> list[str]:
    """Translate sentences with one package, one output per input (empty stays empty)."""
    translator, processor = _load(package, settings)
    wanted = [i for i, text in enumerate(texts) if text.strip()]
    out = [""] * len(texts)
    if not wanted:
        return out
    tokens = [processor.encode(texts[i].strip(), out_type=str) for i in wanted]
    prefix = package.target_prefix
    try:
        results = translator.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            max_batch_size=settings.max_batch_size,
            beam_size=settings.beam_size,
            max_decoding_length=settings.max_decoding_length,
            replace_unknowns=True,
            length_penalty=0.2,
        )
    except (OSError, RuntimeError) as exc:  # CTranslate2 out of memory, a damaged model …
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TranslationFailed(package.name, reason) from None
    for i, result in zip(wanted, results, strict=True):
        pieces = list(result.hypotheses[0])
        if prefix and pieces and pieces[0] == prefix:
            pieces = pieces[1:]
        out[i] = " ".join(str(processor.decode_pieces(pieces)).split())
    return out


@dataclass(frozen=True)
class Translation:
    """A way to translate from one language into another: one package, or two via English."""

    source: str
    target: str
    steps: tuple[InstalledPackage, ...]
    settings: MtSettings = field(default_factory=MtSettings)

    @property
    def pivot(self) -> str | None:
        """The language in the middle of a two-step translation."""
        return self.steps[0].to_code if len(self.steps) > 1 else None

    @property
    def model_package(self) -> str:
        """``translate-my_en``, or ``translate-my_en+translate-en_km`` through a pivot."""
        return "+".join(p.name for p in self.steps)

    @property
    def model_version(self) -> str:
        """The package version(s), ``+``-joined like `model_package`."""
        return "+".join(p.package_version for p in self.steps)

    def engine_details(self) -> dict[str, Any]:
        """What a machine version records about how it was made."""
        return {
            "runner": "archive.mt (ctranslate2 + sentencepiece, our sentence segmentation)",
            "ctranslate2": _version_of("ctranslate2"),
            "sentencepiece": _version_of("sentencepiece"),
            "device": "cpu",
            **self.settings.to_json(),
            "pivot": self.pivot,
            "steps": [
                {
                    "package": p.name,
                    "version": p.package_version,
                    "from": p.from_code,
                    "to": p.to_code,
                    "sha256": p.sha256,
                }
                for p in self.steps
            ],
        }

    def __call__(self, texts: Sequence[str]) -> list[str]:
        return self.translate(texts)

    def translate(
        self, texts: Sequence[str], *, progress: ProgressCallback | None = None
    ) -> list[str]:
        """One translation per sentence, in order; ``progress(done, total)`` after each chunk."""
        chunk = self.settings.max_batch_size * self.settings.inter_threads * 4
        out: list[str] = []
        for start in range(0, len(texts), chunk):
            current = list(texts[start : start + chunk])
            for package in self.steps:
                current = translate_with_package(package, current, self.settings)
            out += current
            if progress is not None:
                progress(len(out), len(texts))
        return out


def load_translation(
    source: str,
    target: str,
    *,
    settings: MtSettings | None = None,
    folder: Path | None = None,
) -> Translation:
    """The translation for a pair: a direct package, else two through English.

    Raises:
        ModelPackageMissing: no package (and no pivot through English) covers the pair.
    """
    src, tgt = argos_code(source), argos_code(target)
    settings = settings if settings is not None else MtSettings.from_env()
    direct = find_package(src, tgt, folder) if src != tgt else None
    if direct is not None:
        return Translation(source, target, (direct,), settings)
    if PIVOT not in (src, tgt):
        first = find_package(src, PIVOT, folder)
        second = find_package(PIVOT, tgt, folder)
        if first is not None and second is not None:
            return Translation(source, target, (first, second), settings)
    raise ModelPackageMissing(source, target)


def translator_for(src_lang: str, tgt_lang: str) -> Callable[[Sequence[str]], list[str]] | None:
    """A function translating a list of sentences from one language into another, or None.

    None when no installed package (nor a pivot through English) covers the pair. The answer
    is cached per process (installing or removing a package clears it). This is what the
    aligner calls to compare texts across languages.
    """
    key = (argos_code(src_lang), argos_code(tgt_lang), str(packages_dir()))
    with _LOCK:
        _forget_if_changed()
        if key in _TRANSLATORS:
            return _TRANSLATORS[key]
    try:
        found: Callable[[Sequence[str]], list[str]] | None = load_translation(src_lang, tgt_lang)
    except ModelPackageMissing:
        found = None
    with _LOCK:
        _TRANSLATORS[key] = found
    return found


def mt_translator(src_lang: str, tgt_lang: str) -> Callable[[Sequence[str]], list[str]] | None:
    """`translator_for`, or None (logged) where the installed packages cannot serve the pair:
    the aligner's MT signal, which alignment does without (pass it as ``translator_for`` to
    `archive.alignments.align_article` or the importer)."""
    try:
        return translator_for(src_lang, tgt_lang)
    except ArchiveError as exc:
        log.warning("MT signal unavailable for %s -> %s: %s", src_lang, tgt_lang, exc)
        return None
