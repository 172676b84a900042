"""The translation-provenance archive: models, storage, import, analysis, alignment, MT and export."""

__version__ = "0.1.0"
