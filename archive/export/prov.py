"""W3C PROV export (PROV-JSON and Turtle) through the ``prov`` library.

The model, per article:

- the story is an entity (``arch:article/ID``, type ``arch:Story``); each version is an entity
  (``arch:version/ID``) that is a ``specializationOf`` the story, with its language, kind and
  sha256;
- people are ``prov:Person`` agents, services ``prov:Organization`` agents; a person credited
  on an article of a service ``actedOnBehalfOf`` that service (for the article's activities);
  MT engines are ``prov:SoftwareAgent`` agents (engine, version, model package);
- each version is ``wasGeneratedBy`` an activity (``arch:activity/ID``): ``arch:Writing`` for
  an original or a text written from one in the same language, ``arch:Translation`` for a
  human translation, ``arch:MachineTranslation`` for MT; the activity ``used`` the version it
  was made from, which the version ``wasDerivedFrom`` (a revision ``wasRevisionOf`` the text it
  corrects);
- the story ``wasAttributedTo`` its service (the publisher), and the activity that made the
  published version (else the original) ``wasAssociatedWith`` the service in the role
  ``arch:publisher``;
- credits become ``wasAssociatedWith`` the activity, with the role (``arch:reporter``,
  ``arch:translator``, ``arch:writer`` …) and ``wasAttributedTo`` for authorship. An article's
  own credits go to the version they describe: the reporter to the original, the translator
  to the (first) translation, the writer and editors to the published version; when the
  article has no version of that kind, to its first version; with no version at all, the
  story itself ``wasAttributedTo`` the agent (with ``prov:role``). No credit is left out;
- a link that joined an English story collected separately into the article is an
  ``arch:Linking`` activity (``arch:method`` auto or manual, ``arch:score`` for auto) that
  ``used`` the two versions it joined, associated with the reviewer (``arch:reviewer``) or the
  archive's linker (``arch:linker``); the story ``wasDerivedFrom`` the absorbed story record;
- a version read from a web archive ``wasDerivedFrom`` each of its captures
  (``arch:capture/ID``, type ``arch:WebCapture``: target URI, WARC-Record-ID, payload digest,
  WARC file and offset), which ``wasGeneratedBy`` a capturing activity at the capture time,
  associated with the crawler (a ``prov:SoftwareAgent`` named by the WARC's warcinfo record);
- each correction a person made (`archive.history`) is an ``arch:Correction`` activity
  associated with the reviewer; the corrected record ``wasRevisionOf`` the record before it
  (see `_add_edits`).

Output streams batch by batch: PROV-JSON sections are spooled to temporary files and joined at
the end (relation ids renumbered so they stay unique); Turtle is written as one block of
triples per batch (each with its ``@prefix`` lines, which Turtle allows to repeat).
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from contextlib import ExitStack
from typing import IO, Any

from sqlmodel import Session, col, select

from archive.export import Progress, iter_article_batches
from archive.identity import sha256_text
from archive.models import Article, Capture, Credit, Person, Service, Version

__all__ = ["NAMESPACE", "article_document", "export_prov"]

NAMESPACE = "urn:translation-archive:"
_AUTHOR_ROLES = frozenset({"reporter", "writer", "translator"})


def _new_document() -> Any:
    from prov.model import ProvDocument

    document = ProvDocument()
    document.add_namespace("arch", NAMESPACE)
    return document


def _activity_type(version: Version, parent: Version | None) -> str:
    if version.kind == "machine" or version.engine:
        return "arch:MachineTranslation"
    if parent is not None and parent.language != version.language:
        return "arch:Translation"
    if version.kind == "translation":
        return "arch:Translation"
    return "arch:Writing"


def _role_target(role: str, versions: Sequence[Version]) -> Version | None:
    """The version an article-level credit describes."""

    def first(*kinds: str) -> Version | None:
        for kind in kinds:
            for version in versions:
                if version.kind == kind:
                    return version
        return None

    if role == "reporter":
        return first("original", "published", "translation")
    if role == "translator":
        return first("translation", "published")
    if role == "publisher":
        return first("published", "original")
    return first("published", "translation", "original")


def article_document(*, session: Session, article: Article, document: Any | None = None) -> Any:
    """The PROV records of one article, added to ``document`` (a new one if None)."""
    from prov.model import PROV, PROV_ROLE, PROV_TYPE

    doc = document if document is not None else _new_document()
    versions = list(
        session.exec(
            select(Version)
            .where(Version.article_id == article.id)
            .order_by(col(Version.position), col(Version.id))
        ).all()
    )
    by_id = {v.id: v for v in versions}
    service = session.get(Service, article.service_id) if article.service_id else None
    story_attributes: dict[Any, Any] = {
        PROV_TYPE: doc.valid_qualified_name("arch:Story"),
        "prov:label": article.title,
    }
    if article.date:
        story_attributes["arch:date"] = article.date.isoformat()
    if article.url:
        story_attributes["arch:url"] = article.url
    story = doc.entity(f"arch:article/{article.id}", story_attributes)
    service_agent = None
    if service is not None:
        service_agent = _service_agent(doc, service)
        doc.wasAttributedTo(
            story,
            service_agent,
            other_attributes={PROV_ROLE: doc.valid_qualified_name("arch:publisher")},
        )
    activities: dict[int | None, Any] = {}
    for version in versions:
        attributes: dict[str, Any] = {
            "prov:label": version.title or article.title,
            "arch:kind": version.kind,
            "arch:language": version.language,
            "arch:sha256": version.sha256,
        }
        if version.encoding:
            attributes["arch:encoding"] = version.encoding
        entity = doc.entity(f"arch:version/{version.id}", attributes)
        doc.specializationOf(entity, story)
        parent = by_id.get(version.derived_from_id)
        activity = doc.activity(
            f"arch:activity/{version.id}",
            other_attributes={
                PROV_TYPE: doc.valid_qualified_name(_activity_type(version, parent)),
                "prov:label": f"making version {version.id} ({version.kind}, {version.language})",
            },
        )
        activities[version.id] = activity
        doc.wasGeneratedBy(entity, activity)
        if parent is not None:
            doc.used(activity, f"arch:version/{parent.id}")
            doc.wasDerivedFrom(entity, f"arch:version/{parent.id}", activity)
        if version.revision_of_id in by_id:
            doc.wasRevisionOf(entity, f"arch:version/{version.revision_of_id}")
        _add_captures(doc, session, entity, version)
        if version.engine:
            engine = _engine_agent(doc, version)
            doc.wasAssociatedWith(
                activity,
                engine,
                other_attributes={PROV_ROLE: doc.valid_qualified_name("arch:engine")},
            )
            doc.wasAttributedTo(entity, engine)
    published = _role_target("publisher", versions)
    if service_agent is not None and published is not None:
        doc.wasAssociatedWith(
            activities[published.id],
            service_agent,
            other_attributes={PROV_ROLE: doc.valid_qualified_name("arch:publisher")},
        )
    rows = session.exec(
        select(Credit, Person, Service)
        .outerjoin(Person, col(Person.id) == col(Credit.person_id))
        .outerjoin(Service, col(Service.id) == col(Credit.service_id))
        .where(Credit.article_id == article.id)
        .order_by(col(Credit.position), col(Credit.id))
    ).all()
    delegations: set[tuple[str, int | None]] = set()
    associations: set[tuple[str, int | None, str]] = set()
    for credit, person, credit_service in rows:
        target = by_id.get(credit.version_id) if credit.version_id else None
        target = target or _role_target(credit.role, versions) or next(iter(versions), None)
        if person is not None:
            agent = _agent(
                doc,
                f"arch:person/{person.id}",
                {PROV_TYPE: PROV["Person"], "prov:label": person.name},
            )
        elif credit_service is not None:
            agent = _service_agent(doc, credit_service)
        else:
            continue
        role = doc.valid_qualified_name(f"arch:{credit.role}")
        if target is None:  # an article with no version: the credit describes the story
            if (str(agent.identifier), None, credit.role) not in associations:
                associations.add((str(agent.identifier), None, credit.role))
                doc.wasAttributedTo(story, agent, other_attributes={PROV_ROLE: role})
            continue
        activity = activities[target.id]
        seen = (str(agent.identifier), target.id, credit.role)
        if seen in associations:
            continue  # the same credit held on the article and on the version
        associations.add(seen)
        doc.wasAssociatedWith(activity, agent, other_attributes={PROV_ROLE: role})
        if credit.role in _AUTHOR_ROLES:
            doc.wasAttributedTo(f"arch:version/{target.id}", agent)
        if person is not None and service_agent is not None:
            key = (f"arch:person/{person.id}", target.id)
            if key not in delegations:
                delegations.add(key)
                doc.actedOnBehalfOf(agent, service_agent, activity)
    _add_links(doc, session, article, story, versions)
    _add_edits(doc, session, article)
    return doc


def _add_links(
    doc: Any, session: Session, article: Article, story: Any, versions: Sequence[Version]
) -> None:
    """Each link that joined an English story into this article: an ``arch:Linking``
    activity at the time it was made, which ``used`` the two versions it joined; the story
    ``wasDerivedFrom`` the absorbed English story record through it. A manual link is
    ``wasAssociatedWith`` the reviewer (``arch:reviewer``); an automatic one with the archive's
    linker (``arch:linker``) and carries its ``arch:score``."""
    from prov.model import PROV, PROV_ROLE, PROV_TYPE

    from archive.linking.links import link_english
    from archive.provenance import active_links

    by_id = {v.id: v for v in versions}
    assert article.id is not None
    for link in active_links(session, [article.id]):
        absorbed = link_english(link)
        attributes: dict[Any, Any] = {
            PROV_TYPE: doc.valid_qualified_name("arch:Linking"),
            "prov:label": f"linking article {link.english_id} into article {link.original_id}",
            "arch:method": link.method,
        }
        if link.score is not None:
            attributes["arch:score"] = link.score
        activity = doc.activity(
            f"arch:link/{link.id}", link.created_at, link.created_at, attributes
        )
        for version_id in (absorbed["source_version"], absorbed["english_version"]):
            if version_id in by_id:
                doc.used(activity, f"arch:version/{version_id}")
        story_record: dict[Any, Any] = {
            PROV_TYPE: doc.valid_qualified_name("arch:Story"),
            "prov:label": absorbed["title"],
        }
        if absorbed["url"]:
            story_record["arch:url"] = absorbed["url"]
        record = doc.entity(f"arch:article/{link.english_id}", story_record)
        doc.wasDerivedFrom(story, record, activity)
        if link.method == "manual" and link.by:
            agent = _agent(doc, reviewer_id(link.by), _reviewer_attributes(link.by))
            role = "arch:reviewer"
        else:
            agent = _agent(
                doc,
                "arch:linker",
                {PROV_TYPE: PROV["SoftwareAgent"], "prov:label": "archive link --auto"},
            )
            role = "arch:linker"
        doc.wasAssociatedWith(
            activity, agent, other_attributes={PROV_ROLE: doc.valid_qualified_name(role)}
        )


def reviewer_id(name: str) -> str:
    """The agent of a reviewer (a person who linked or corrected something), one per name.

    A readable slug of the name and a digest of it exactly: two names that differ only in
    marks the slug drops (Burmese vowel signs, punctuation) are two agents, never one.
    """
    slug = "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in name)
    return f"arch:reviewer/{slug}-{sha256_text(name)[:10]}"


def _reviewer_attributes(name: str) -> dict[Any, Any]:
    from prov.model import PROV, PROV_TYPE

    return {PROV_TYPE: PROV["Person"], "prov:label": name}


def _add_edits(doc: Any, session: Session, article: Article) -> None:
    """Each correction of the article: an activity (``arch:edit/ID``, type ``arch:Correction``)
    associated with the reviewer (a ``prov:Person``), which used the record as it was
    (``arch:edit/ID/before``) and generated the corrected record (``arch:edit/ID/after``), a
    ``wasRevisionOf`` the old one; both are ``specializationOf`` the article or version they
    describe. An undone edit carries ``arch:undoneAt`` and ``arch:undoneBy``."""
    from prov.model import PROV_ROLE, PROV_TYPE

    from archive.history import article_history

    assert article.id is not None
    for entry in article_history(session, article.id):
        if entry.target == "link" or doc.get_record(f"arch:edit/{entry.id}"):
            continue  # a link is its own arch:Linking activity; a merge is added once
        reviewer = _agent(doc, reviewer_id(entry.reviewer), _reviewer_attributes(entry.reviewer))
        attributes: dict[Any, Any] = {
            PROV_TYPE: doc.valid_qualified_name("arch:Correction"),
            "prov:label": f"{entry.action} ({entry.target} {entry.target_id})",
            "arch:action": entry.action,
        }
        if entry.undone_at is not None:
            attributes["arch:undoneAt"] = entry.undone_at.isoformat()
            attributes["arch:undoneBy"] = entry.undone_by or ""
        activity = doc.activity(
            f"arch:edit/{entry.id}", entry.at, entry.at, other_attributes=attributes
        )
        doc.wasAssociatedWith(
            activity,
            reviewer,
            other_attributes={PROV_ROLE: doc.valid_qualified_name("arch:reviewer")},
        )
        states = {}
        for side, values in (("before", entry.before), ("after", entry.after)):
            states[side] = doc.entity(
                f"arch:edit/{entry.id}/{side}",
                {
                    PROV_TYPE: doc.valid_qualified_name("arch:RecordState"),
                    "arch:values": json.dumps(values, ensure_ascii=False, sort_keys=True),
                },
            )
        doc.used(activity, states["before"])
        doc.wasGeneratedBy(states["after"], activity, entry.at)
        doc.wasRevisionOf(states["after"], states["before"])
        doc.wasAttributedTo(states["after"], reviewer)
        if entry.target in {"article", "version"} and entry.target_id is not None:
            record = f"arch:{entry.target}/{entry.target_id}"
            if doc.get_record(record):
                doc.specializationOf(states["before"], record)
                doc.specializationOf(states["after"], record)


def _add_captures(doc: Any, session: Session, entity: Any, version: Version) -> None:
    """Each WARC capture the version was read from: an entity it was derived from."""
    from prov.model import PROV, PROV_ROLE, PROV_TYPE

    captures = session.exec(
        select(Capture)
        .where(Capture.version_id == version.id)
        .order_by(col(Capture.captured_at), col(Capture.id))
    ).all()
    for capture in captures:
        attributes: dict[Any, Any] = {
            PROV_TYPE: doc.valid_qualified_name("arch:WebCapture"),
            "prov:label": f"capture of {capture.target_uri}",
            "arch:uri": capture.target_uri,
            "arch:recordId": capture.record_id,
            "arch:payloadDigest": capture.payload_digest or f"sha256:{capture.payload_sha256}",
            "arch:warcFile": capture.warc_file,
            "arch:warcOffset": capture.warc_offset,
        }
        if capture.redirected_from:
            attributes["arch:redirectedFrom"] = capture.redirected_from
        found = doc.get_record(f"arch:capture/{capture.id}")
        captured = found[0] if found else doc.entity(f"arch:capture/{capture.id}", attributes)
        when = capture.captured_at
        capturing = doc.activity(
            f"arch:capturing/{capture.id}",
            when,
            when,
            {PROV_TYPE: doc.valid_qualified_name("arch:Capturing")},
        )
        doc.wasGeneratedBy(captured, capturing, when)
        if capture.software:
            key = "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in capture.software)
            crawler = _agent(
                doc,
                f"arch:crawler/{key}",
                {PROV_TYPE: PROV["SoftwareAgent"], "prov:label": capture.software},
            )
            doc.wasAssociatedWith(
                capturing,
                crawler,
                other_attributes={PROV_ROLE: doc.valid_qualified_name("arch:crawler")},
            )
            doc.wasAttributedTo(captured, crawler)
        doc.wasDerivedFrom(entity, captured)


def _agent(doc: Any, identifier: str, attributes: dict[Any, Any]) -> Any:
    """The agent ``identifier`` of ``doc``, declared once however often it is credited."""
    found = doc.get_record(identifier)
    return found[0] if found else doc.agent(identifier, attributes)


def _service_agent(doc: Any, service: Service) -> Any:
    from prov.model import PROV, PROV_TYPE

    attributes: dict[Any, Any] = {PROV_TYPE: PROV["Organization"], "prov:label": service.name}
    if service.organization:
        attributes["arch:organization"] = service.organization
    if service.language:
        attributes["arch:language"] = service.language
    return _agent(doc, f"arch:service/{service.id}", attributes)


def _engine_agent(doc: Any, version: Version) -> Any:
    from prov.model import PROV, PROV_TYPE

    parts = [version.engine or "", version.engine_version or "", version.model_package or ""]
    parts.append(version.model_version or "")
    key = "/".join(p.replace("/", "_").replace(" ", "_") for p in parts)
    attributes: dict[Any, Any] = {PROV_TYPE: PROV["SoftwareAgent"], "prov:label": version.engine}
    for name in ("engine_version", "model_package", "model_version"):
        value = getattr(version, name)
        if value:
            attributes[f"arch:{name}"] = value
    return _agent(doc, f"arch:engine/{key}", attributes)


def export_prov(
    *,
    session: Session,
    out: IO[bytes],
    fmt: str = "json",
    article_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the provenance of the articles (default: all) as PROV-JSON (``fmt="json"``) or
    Turtle (``fmt="turtle"``); returns the number of articles."""
    if fmt not in ("json", "turtle"):
        raise ValueError(f"fmt must be 'json' or 'turtle', not {fmt!r}")
    if fmt == "turtle":
        return _export_turtle(session, out, article_ids, progress)
    return _export_json(session, out, article_ids, progress)


def _export_turtle(
    session: Session, out: IO[bytes], article_ids: Sequence[int] | None, progress: Progress | None
) -> int:
    done = 0
    for batch in iter_article_batches(session=session, article_ids=article_ids):
        document = _new_document()
        for article in batch:
            article_document(session=session, article=article, document=document)
        text = document.serialize(format="rdf", rdf_format="turtle")
        out.write(text.encode("utf-8") if isinstance(text, str) else text)
        out.write(b"\n")
        done += len(batch)
        if progress is not None:
            progress(done)
    return done


def _export_json(
    session: Session, out: IO[bytes], article_ids: Sequence[int] | None, progress: Progress | None
) -> int:
    spools: dict[str, IO[str]] = {}
    stack = ExitStack()
    seen: dict[str, set[str]] = defaultdict(set)
    prefixes: dict[str, str] = {"arch": NAMESPACE}
    counter = 0
    done = 0
    try:
        for batch in iter_article_batches(session=session, article_ids=article_ids):
            document = _new_document()
            for article in batch:
                article_document(session=session, article=article, document=document)
            data = json.loads(document.serialize(format="json"))
            prefixes.update(data.pop("prefix", {}))
            for section, records in data.items():
                spool = spools.get(section)
                if spool is None:
                    spool = spools[section] = stack.enter_context(
                        tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed by the stack)
                    )
                for identifier, body in records.items():
                    if identifier.startswith("_:"):
                        counter += 1
                        identifier = f"_:id{counter}"
                    elif identifier in seen[section]:
                        continue  # an agent already written by an earlier batch
                    else:
                        seen[section].add(identifier)
                    spool.write(
                        json.dumps(identifier, ensure_ascii=False)
                        + ":"
                        + json.dumps(body, ensure_ascii=False)
                        + "\n"
                    )
            done += len(batch)
            if progress is not None:
                progress(done)
        out.write(b'{"prefix":' + json.dumps(prefixes).encode())
        for section, spool in spools.items():
            out.write(b",\n" + json.dumps(section).encode() + b":{")
            spool.seek(0)
            first = True
            for line in spool:
                out.write((b"" if first else b",\n") + line.rstrip("\n").encode("utf-8"))
                first = False
            out.write(b"}")
        out.write(b"}\n")
    finally:
        stack.close()
    return done
