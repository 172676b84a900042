"""Offline machine translation with argostranslate packages: install, translate, record.

Nothing here imports argostranslate, CTranslate2 or sentencepiece until it is used. The only
code that may touch the network is `archive.mt.download`, run by ``archive mt download``.
"""

from __future__ import annotations

from archive.mt.engine import Translation, load_translation, mt_translator, translator_for
from archive.mt.packages import (
    InstalledPackage,
    InstallResult,
    inspect_package,
    install_package,
    list_packages,
    remove_package,
)
from archive.mt.settings import MtSettings, packages_dir
from archive.mt.store import TranslateResult, articles_lacking, translate_article

__all__ = [
    "InstallResult",
    "InstalledPackage",
    "MtSettings",
    "TranslateResult",
    "Translation",
    "articles_lacking",
    "inspect_package",
    "install_package",
    "list_packages",
    "load_translation",
    "mt_translator",
    "packages_dir",
    "remove_package",
    "translate_article",
    "translator_for",
]
