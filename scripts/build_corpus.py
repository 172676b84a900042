"""Build corpus/ from ../shared: NTREX-128 articles as JSONL records, the myanmar-tools
government article (Zawgyi, exactly as published), and the seed page.

Run from the repository root: ``python scripts/build_corpus.py [--shared ../shared]``.
The output is committed; rerunning gives byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import shutil
from itertools import groupby
from pathlib import Path

# NTREX file → (our language code, how sentences are joined inside a paragraph)
LANGUAGES: dict[str, tuple[str, str]] = {
    "mya": ("my", " "),
    "khm": ("km", " "),
    "lao": ("lo", " "),
    "bod": ("bo", " "),
    "uig": ("ug", " "),
    "kor": ("ko", " "),
    "vie": ("vi", " "),
    "zho-CN": ("zh-Hans", ""),
    "zho-TW": ("zh-Hant", ""),
    "yue": ("yue", ""),
}
OUTLETS = {
    "bbc": "BBC News",
    "reuters": "Reuters",
    "newsweek": "Newsweek",
    "dailymail.co.uk": "Daily Mail",
    "scotsman": "The Scotsman",
    "nytimes": "The New York Times",
    "telegraph": "The Telegraph",
    "cnn": "CNN",
    "cbsnews": "CBS News",
    "abcnews": "ABC News",
    "rt.com": "RT",
    "guardian": "The Guardian",
    "euronews-en": "Euronews",
    "cnbc.com": "CNBC",
    "upi": "UPI",
    "independent": "The Independent",
    "thelocal": "The Local",
    "foxnews": "Fox News",
}
ARTICLES = 20
SENTENCES_PER_PARAGRAPH = 2


def _paragraphs(lines: list[str], joiner: str) -> str:
    paras = [
        joiner.join(lines[i : i + SENTENCES_PER_PARAGRAPH])
        for i in range(0, len(lines), SENTENCES_PER_PARAGRAPH)
    ]
    return "\n\n".join(paras)


def build_ntrex(shared: Path, out: Path) -> int:
    base = shared / "data" / "ntrex128"
    doc_ids = (base / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    english = (base / "src.eng.txt").read_text(encoding="utf-8").split("\n")
    refs = {
        code: (base / f"ref.{code}.txt").read_text(encoding="utf-8").split("\n")
        for code in LANGUAGES
    }
    docs: list[tuple[str, list[int]]] = []
    line = 0
    for doc, group in groupby(doc_ids):
        n = len(list(group))
        docs.append((doc, list(range(line, line + n))))
        line += n
    # Articles of 8–20 lines, spread evenly over the collection, readable in the TUI.
    candidates = [d for d in docs if 8 <= len(d[1]) <= 20]
    chosen = candidates[:: max(1, len(candidates) // ARTICLES)][:ARTICLES]
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for doc, lines in chosen:
            title_line, body_lines = lines[0], lines[1:]
            versions = [
                {
                    "kind": "original",
                    "language": "en",
                    "title": english[title_line],
                    "text": _paragraphs([english[i] for i in body_lines], " "),
                }
            ]
            for code, (language, joiner) in LANGUAGES.items():
                versions.append(
                    {
                        "kind": "translation",
                        "language": language,
                        "title": refs[code][title_line],
                        "text": _paragraphs([refs[code][i] for i in body_lines], joiner),
                        "derived_from": 0,
                    }
                )
            outlet = OUTLETS.get(doc.rsplit(".", 1)[0], doc.rsplit(".", 1)[0])
            record = {
                "title": english[title_line],
                "url": f"ntrex128:newstest2019/{doc}",
                "service": outlet,
                "versions": versions,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(chosen)


def build_mmgov(shared: Path, out: Path) -> None:
    src = (shared / "data" / "myanmar-tools" / "mmgov_zawgyi_src.txt").read_text(encoding="utf-8")
    lines = src.split("\n")
    header = [ln for ln in lines if ln.startswith("#")]
    body = [ln for ln in lines if ln and not ln.startswith("#")]
    url = header[0].split(":", 1)[1].strip()
    record = {
        "title": body[0],
        "date": "2018-07-26",
        "url": url,
        "versions": [{"kind": "original", "language": "my", "text": "\n\n".join(body[1:])}],
    }
    out.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("corpus"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "pages").mkdir(exist_ok=True)
    n = build_ntrex(args.shared, args.out / "ntrex128-sample.jsonl")
    build_mmgov(args.shared, args.out / "mmgov-2018-07-26-zawgyi.jsonl")
    seed = args.shared / "seed" / "rfa-myanmar-defectors-2021.txt"
    shutil.copyfile(seed, args.out / "pages" / seed.name)
    print(
        f"wrote {n} NTREX articles, the Zawgyi government article and the seed page to {args.out}"
    )


if __name__ == "__main__":
    main()
