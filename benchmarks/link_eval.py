"""Precision and recall of link suggestions (`archive.linking`) on stories built from NTREX-128.

    python benchmarks/link_eval.py --seed 2 [--langs my,km] [--split test|all] [--work DIR]

Per language, a fresh archive: NTREX sentences chunked into stories of 8-20 sentences; each
story becomes an original and a rewritten English story as two separate records (English
sentences dropped and merged, a sentence of context added), or only an English story (its
original never collected), or only an original (its English never collected). Dates fall in
one month, the English 0-3 days after the original; about one record in ten is undated.
The originals carry their language service, the English stories only "Radio Free Asia".

Held out (``--split test``, the default): stories come from the NTREX documents of the test
split (`archive.align.train.split_documents`) and the archive's lexicon is learned on the
other documents only (stored as the archive's learned lexicon), so no text compared was
seen in training. Develop on one ``--seed``, report on another. ``--split train`` swaps the
roles (stories from the 92 training documents, a lexicon learned on the 31 others): text the
scoring weights were never fitted on, with a weaker lexicon. Prints, per language and
overall, the pairs, what ``confident`` linked, precision, recall and wrong links; asserts
nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archive.linking.suggest import Suggestion

_SHARED_NTREX = Path(__file__).resolve().parents[2] / "shared" / "data" / "ntrex128"
_REPO_NTREX = Path(__file__).resolve().parents[1] / "tests" / "data" / "ntrex128"
NTREX = _SHARED_NTREX if _SHARED_NTREX.exists() else _REPO_NTREX

#: The archive's eight original languages: (code, NTREX file, service word, sentence joiner).
LANGUAGES: tuple[tuple[str, str, str, str], ...] = (
    ("my", "mya", "Myanmar", " "),
    ("zh", "zho-CN", "Mandarin", ""),
    ("bo", "bod", "Tibetan", " "),
    ("ug", "uig", "Uyghur", " "),
    ("ko", "kor", "Korean", " "),
    ("vi", "vie", "Vietnamese", " "),
    ("km", "khm", "Khmer", " "),
    ("lo", "lao", "Lao", " "),
)
MONTH = dt.date(2021, 3, 1)


@dataclass(frozen=True, slots=True)
class Story:
    """A built story: its records (original and/or English) and its ground truth."""

    key: str
    original: dict[str, Any] | None
    english: dict[str, Any] | None


def read_lines(name: str) -> list[str]:
    return (NTREX / name).read_text(encoding="utf-8").rstrip("\n").split("\n")


def chunks(rng: random.Random, documents: Sequence[str], keep: set[str]) -> list[tuple[int, int]]:
    """[start, end) line ranges of 8-20 sentences inside the documents in ``keep``."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(documents):
        end = start
        while end < len(documents) and documents[end] == documents[start]:
            end += 1
        if documents[start] in keep:
            at = start
            while end - at >= 8:
                size = min(end - at, rng.randint(8, 20))
                if end - at - size < 8:
                    size = end - at if end - at <= 20 else size
                out.append((at, at + size))
                at += size
        start = end
    return out


def rewrite(rng: random.Random, lines: Sequence[str], context: str) -> list[str]:
    """An English rewrite: some sentences dropped, some merged, a sentence of context added."""
    out: list[str] = []
    for line in lines:
        r = rng.random()
        if r < 0.12 and out:
            continue  # dropped
        if r < 0.27 and out:
            out[-1] = out[-1].rstrip() + " " + line.strip()  # merged into the previous one
        else:
            out.append(line.strip())
    out.insert(rng.randint(1, len(out)), context.strip())
    return out


def paragraphs(rng: random.Random, lines: Sequence[str], joiner: str) -> str:
    out: list[str] = []
    at = 0
    while at < len(lines):
        size = rng.choice((1, 2, 2, 3))
        out.append(joiner.join(x.strip() for x in lines[at : at + size]))
        at += size
    return "\n\n".join(out)


def build_stories(
    *,
    lang: str,
    file_code: str,
    word: str,
    joiner: str,
    seed: int,
    keep: set[str],
    context_pool: Sequence[str],
    english_lines: Sequence[str],
    original_lines: Sequence[str],
    documents: Sequence[str],
    undated: float = 0.1,
) -> list[Story]:
    """The stories of one language's archive (see the module docstring)."""
    rng = random.Random(f"{seed}:{lang}")
    stories: list[Story] = []
    for k, (a, b) in enumerate(chunks(rng, documents, keep)):
        r = rng.random()
        kind = "pair" if r < 0.76 else ("english" if r < 0.88 else "original")
        day = MONTH + dt.timedelta(days=rng.randrange(31))
        later = day + dt.timedelta(days=rng.randint(0, 3))
        original = english = None
        if kind in ("pair", "original"):
            text = paragraphs(rng, original_lines[a:b], joiner)
            original = {
                "title": original_lines[a].strip()[:100],
                "date": None if rng.random() < undated else day.isoformat(),
                "service": f"RFA {word} Service",
                "versions": [{"kind": "original", "language": lang, "text": text}],
            }
        if kind in ("pair", "english"):
            lines = rewrite(rng, english_lines[a:b], rng.choice(context_pool))
            english = {
                "title": english_lines[a].strip()[:100],
                "date": None if rng.random() < undated else later.isoformat(),
                "service": "Radio Free Asia",
                "versions": [
                    {"kind": "published", "language": "en", "text": paragraphs(rng, lines, " ")}
                ],
            }
        stories.append(Story(f"{lang}-{k}", original, english))
    return stories


def train_lexicon_tsv(lang: str, train: set[str], cache: Path) -> str:
    """The ``lang``-English lexicon learned on the training documents, as stored TSV."""
    from archive.align.tokens import canonical_language
    from archive.align.train import load_ntrex, train_lexicon

    code = canonical_language(lang) or lang
    path = cache / f"lexicon-{code}-{len(train)}.tsv.gz"
    if path.exists():
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    data = load_ntrex(NTREX)
    tsv = train_lexicon(data, code, train).pruned().to_tsv()
    path.write_bytes(gzip.compress(tsv.encode("utf-8")))
    return tsv


def evaluate(
    lang: str,
    stories: Sequence[Story],
    work: Path,
    lexicon_tsv: str | None,
    *,
    threshold: float | None = None,
) -> dict[str, Any]:
    """Import the stories into a fresh archive, suggest, and score ``confident``."""
    from sqlmodel import select

    from archive.align.tokens import canonical_language
    from archive.db import open_archive
    from archive.ingest.pipeline import import_paths
    from archive.linking.suggest import confident, suggest_links
    from archive.models import Article, LearnedLexicon

    db = work / f"link-eval-{lang}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    records = work / f"link-eval-{lang}.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for s in stories:
            for rec in (s.original, s.english):
                if rec is not None:
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    archive = open_archive(str(db))
    import_paths(archive, [records])
    with archive.session() as session:
        if lexicon_tsv is not None:
            session.add(
                LearnedLexicon(
                    src_lang=canonical_language(lang) or lang, tgt_lang="en", counts=lexicon_tsv
                )
            )
            session.commit()
        by_title: dict[str, list[int]] = {}
        for a in session.exec(select(Article)).all():
            if a.id is not None:
                by_title.setdefault(a.title, []).append(a.id)
        started = time.perf_counter()
        suggestions = suggest_links(session)
        seconds = time.perf_counter() - started
    archive.close()

    def article(rec: dict[str, Any] | None) -> int | None:
        if rec is None:
            return None
        ids = by_title.get(str(rec["title"]), [])
        return ids[0] if len(ids) == 1 else None

    gold = set()
    for s in stories:
        o, e = article(s.original), article(s.english)
        if o is not None and e is not None:
            gold.add((o, e))
    chosen = (
        confident(suggestions) if threshold is None else confident(suggestions, threshold=threshold)
    )
    linked = {(s.article_id, s.candidate_id) for s in chosen}
    top: dict[int, Suggestion] = {}
    for suggestion in suggestions:
        top.setdefault(suggestion.article_id, suggestion)
    return {
        "lang": lang,
        "stories": len(stories),
        "pairs": len(gold),
        "linked": len(linked),
        "correct": len(linked & gold),
        "wrong": len(linked - gold),
        "best_correct": sum(1 for o, e in gold if o in top and top[o].candidate_id == e),
        "seconds": seconds,
        "suggestions": suggestions,
        "gold": gold,
    }


def main(argv: list[str] | None = None) -> None:
    from archive.align.train import split_documents

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--langs", default=",".join(code for code, *_ in LANGUAGES))
    parser.add_argument(
        "--split",
        choices=("test", "train", "all"),
        default="test",
        help="stories from the test documents, lexicon learned on the training ones (default); "
        "the other way round (more stories, a smaller lexicon); or all documents and the "
        "shipped lexicons (not held out)",
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/link-eval"))
    parser.add_argument("--verbose", action="store_true", help="print each miss and error")
    parser.add_argument(
        "--threshold", type=float, help="confident()'s least score (default: its own)"
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    english_lines = read_lines("src.eng.txt")
    documents = read_lines("DOCUMENT_IDS.tsv")
    train, test = split_documents(documents)
    if args.split == "train":
        train, test = test, train
    keep = set(test) if args.split != "all" else set(documents)
    train_set = set(train)
    context_pool = [e for e, d in zip(english_lines, documents, strict=True) if d in train_set]
    wanted = args.langs.split(",")
    rows = []
    print(f"NTREX-128 from {NTREX}; seed {args.seed}; stories from {args.split} documents")
    print(f"{'lang':<5}{'stories':>8}{'pairs':>7}{'linked':>8}{'wrong':>7}"
          f"{'precision':>11}{'recall':>8}{'best=gold':>11}{'suggest s':>11}")  # fmt: skip
    for lang, file_code, word, joiner in LANGUAGES:
        if lang not in wanted:
            continue
        stories = build_stories(
            lang=lang, file_code=file_code, word=word, joiner=joiner, seed=args.seed,
            keep=keep, context_pool=context_pool, english_lines=english_lines,
            original_lines=read_lines(f"ref.{file_code}.txt"), documents=documents,
        )  # fmt: skip
        tsv = train_lexicon_tsv(lang, train_set, args.work) if args.split != "all" else None
        r = evaluate(lang, stories, args.work, tsv, threshold=args.threshold)
        rows.append(r)
        precision = r["correct"] / r["linked"] if r["linked"] else 1.0
        recall = r["correct"] / r["pairs"] if r["pairs"] else 1.0
        print(
            f"{lang:<5}{r['stories']:>8}{r['pairs']:>7}{r['linked']:>8}{r['wrong']:>7}"
            f"{precision:>11.3f}{recall:>8.3f}{r['best_correct']:>11}{r['seconds']:>11.2f}"
        )
        if args.verbose:
            linked = {(s.article_id, s.candidate_id): s for s in r["suggestions"]}
            conf = {(s.article_id, s.candidate_id) for s in _confident(r["suggestions"])}
            for pair in sorted(r["gold"] - conf):
                s = linked.get(pair)
                print("   missed", pair, s.to_json() if s else "not suggested")
            for pair in sorted(conf - r["gold"]):
                print("   WRONG", linked[pair].to_json())
        sys.stdout.flush()
    pairs = sum(r["pairs"] for r in rows)
    linked_n = sum(r["linked"] for r in rows)
    correct = sum(r["correct"] for r in rows)
    wrong = sum(r["wrong"] for r in rows)
    print(f"{'all':<5}{sum(r['stories'] for r in rows):>8}{pairs:>7}{linked_n:>8}{wrong:>7}"
          f"{(correct / linked_n if linked_n else 1.0):>11.3f}"
          f"{(correct / pairs if pairs else 1.0):>8.3f}"
          f"{sum(r['best_correct'] for r in rows):>11}"
          f"{sum(r['seconds'] for r in rows):>11.2f}")  # fmt: skip


def _confident(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    from archive.linking.suggest import confident

    return confident(suggestions)


if __name__ == "__main__":
    main()
