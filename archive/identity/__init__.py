"""Identity: what makes two texts, people or services the same.

One place for the rules the importer, search, provenance, export, MT and ``db copy`` all
share: the sha256 of a stored text, the normalised person key (`names`), the service
registry and its keys (`services`), and the matching rules built on them
(`archive.identity.match`). Nothing here imports a feature package.
"""

from __future__ import annotations

import hashlib

from archive.identity.names import clean_person_name, person_key
from archive.identity.services import SERVICES, ServiceInfo, resolve_service, service_key_for

__all__ = [
    "SERVICES",
    "ServiceInfo",
    "clean_person_name",
    "person_key",
    "resolve_service",
    "service_key_for",
    "sha256_text",
]


def sha256_text(text: str) -> str:
    """The sha256 of a text's UTF-8 bytes (``surrogatepass`` so no text is unhashable)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
