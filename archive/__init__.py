"""The translation-provenance archive: models, storage, import, analysis, alignment, MT, export."""

__version__ = "0.1.0"
