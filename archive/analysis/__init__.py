"""Text analysis: script, language, Zawgyi encoding, paragraphs and sentences of a text version.

>>> from archive.analysis import analyze_text
>>> result = analyze_text("Hello there. How are you?")
>>> [(s.start, s.end) for s in result.sentences]
[(0, 12), (13, 25)]

Importing this package loads no model: langdetect's profiles, the Zawgyi detector, the ICU
transliterator and the Lao model are loaded on first use.
"""

from __future__ import annotations

from archive.analysis.analyze import analyze_text
from archive.analysis.language import detect_language
from archive.analysis.normalize import derive_text, unicode_burmese
from archive.analysis.results import Encoding, Paragraph, Sentence, TextAnalysis
from archive.analysis.scripts import detect_script
from archive.analysis.zawgyi import readable_form, zawgyi_probability, zawgyi_to_unicode

__all__ = [
    "Encoding",
    "Paragraph",
    "Sentence",
    "TextAnalysis",
    "analyze_text",
    "derive_text",
    "detect_language",
    "detect_script",
    "readable_form",
    "unicode_burmese",
    "zawgyi_probability",
    "zawgyi_to_unicode",
]
