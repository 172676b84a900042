"""Import real news pages with this checkout's archive CLI and score them against gold.

    python benchmarks/real_pages.py [--set repo|shared|fresh|fresh2 … fresh10|html|all]
                                    [--set fresh11] [--json OUT] [--jobs N] [--split]
                                    [--pages DIR --gold FILE|DIR]
                                    [--archive CLI | --in-process] [--keep DIR]

Fourteen sets of real pages (saved text and saved HTML, site chrome included):

- ``repo``: ``benchmarks/data/real-pages/`` in this checkout (gathered for issue 15);
- ``shared``: ``../shared/data/real-pages/`` beside the checkout, the development set, when
  present (a user's clone does not have it: the script says so and scores the rest);
- ``fresh``: ``benchmarks/data/real-pages-fresh/``, the held-out set for issue 15's second
  round, gathered in parts: its gold is every ``gold*.jsonl`` file in the folder;
- ``fresh2``: ``benchmarks/data/real-pages-fresh2/``, the final held-out set for issue 15
  (gathered in parts C and D), its gold every ``gold*.jsonl`` file in the folder likewise;
- ``fresh3``: ``benchmarks/data/real-pages-fresh3/``, the held-out set of round 4 (gathered
  in parts E and F), its gold every ``gold*.jsonl`` file in the folder likewise;
- ``html``: ``benchmarks/data/real-pages-html/``, real saved HTML news pages (round 4), its
  gold every ``gold*.jsonl`` in the folder;
- ``fresh4``: ``benchmarks/data/real-pages-fresh4/``, the held-out set of round 5 (gathered
  in parts A and B), its gold every ``gold*.jsonl`` file in the folder likewise; a
  development set since round 6;
- ``fresh5``: ``benchmarks/data/real-pages-fresh5/``, the held-out set of round 6 (gathered
  in parts A and B), its gold every ``gold*.jsonl`` file in the folder likewise; a
  development set since round 7;
- ``fresh6``: ``benchmarks/data/real-pages-fresh6/``, the held-out set of round 7 (gathered
  in parts A and B), its gold every ``gold*.jsonl`` file in the folder likewise; a
  development set since round 8;
- ``fresh7``: ``benchmarks/data/real-pages-fresh7/``, the held-out set of round 8 (gathered
  in parts A and B), its gold every ``gold*.jsonl`` file in the folder likewise; a
  development set since round 9;
- ``fresh8``: ``benchmarks/data/real-pages-fresh8/``, the held-out set of round 9 (gathered
  in parts A and B), its gold every ``gold*.jsonl`` file in the folder likewise; a
  development set since round 10;
- ``fresh9``: ``benchmarks/data/real-pages-fresh9/``, the held-out set of round 10 (gathered
  in parts A and B), its gold every ``gold*.jsonl`` file in the folder likewise; a
  development set since round 11;
- ``fresh10``: ``benchmarks/data/real-pages-fresh10/``, the held-out set of round 11 (gathered
  in parts A and B), its gold every ``gold*.jsonl`` file in the folder likewise; a
  development set since round 12;
- ``fresh11``: ``benchmarks/data/real-pages-fresh11/``, the held-out set of round 12 (gathered
  in parts A and B), its gold every ``gold*.jsonl`` file in the folder likewise; scored only
  when asked for by name, never in ``all``.

Each set is imported into a fresh SQLite archive in a temporary folder (HOME and XDG_* point
there too, so no user data folder is touched); every article is read back with
``archive show ID --json`` and every page is run through ``archive analyze FILE --json``.
The scoring is the shared set's ``score.py`` (standard library only), ported here so the
figures are the same: title, date, language, credits (role, name), service and story text.
Totals are printed per set and over all sets, then every finding page by page.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
REPO_SET = REPO / "benchmarks" / "data" / "real-pages"
SHARED_SET = REPO.parent / "shared" / "data" / "real-pages"
FRESH_SET = REPO / "benchmarks" / "data" / "real-pages-fresh"
FRESH2_SET = REPO / "benchmarks" / "data" / "real-pages-fresh2"
FRESH3_SET = REPO / "benchmarks" / "data" / "real-pages-fresh3"
FRESH4_SET = REPO / "benchmarks" / "data" / "real-pages-fresh4"
FRESH5_SET = REPO / "benchmarks" / "data" / "real-pages-fresh5"
FRESH6_SET = REPO / "benchmarks" / "data" / "real-pages-fresh6"
FRESH7_SET = REPO / "benchmarks" / "data" / "real-pages-fresh7"
FRESH8_SET = REPO / "benchmarks" / "data" / "real-pages-fresh8"
FRESH9_SET = REPO / "benchmarks" / "data" / "real-pages-fresh9"
FRESH10_SET = REPO / "benchmarks" / "data" / "real-pages-fresh10"
FRESH11_SET = REPO / "benchmarks" / "data" / "real-pages-fresh11"
DEVELOPMENT_SETS = (
    "repo",
    "shared",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "html",
)
HTML_SET = REPO / "benchmarks" / "data" / "real-pages-html"

REQUIRED_KEYS = (
    "file", "title", "date", "language", "credits", "service", "source", "truncated",
    "notes", "story_first", "story_last", "junk_lines", "junk_substrings",
)  # fmt: skip
_OK_OUTCOMES = ("imported", "revised", "duplicate")

Json = dict[str, Any]


@dataclass(frozen=True)
class PageSet:
    """A folder of pages and the gold that describes them (a gold file, or a folder whose
    ``gold*.jsonl`` files together describe the pages)."""

    name: str
    pages: Path
    gold: Path


class GoldError(ValueError):
    """A gold file that does not follow the schema (one line, naming file and problem)."""


def gold_files(path: Path) -> list[Path]:
    """The gold file itself, or every ``gold*.jsonl`` in a folder (a set gathered in parts)."""
    if not path.is_dir():
        return [path]
    files = sorted(path.glob("gold*.jsonl"))
    if not files:
        raise GoldError(f"{path}: no gold*.jsonl file in the folder")
    return files


def load_gold(path: Path, pages: Path | None = None) -> list[Json]:
    """Read a gold.jsonl (or every gold*.jsonl in a folder), checking every line has the
    schema's keys and names a page, and that no page has gold twice."""
    gold: list[Json] = []
    first_seen: dict[str, str] = {}
    for gold_file in gold_files(path):
        for entry in _load_gold_file(gold_file, pages):
            page, earlier = entry["file"], first_seen.get(entry["file"])
            if earlier:
                raise GoldError(f"{gold_file}: {page} has gold twice (also in {earlier})")
            first_seen[page] = gold_file.name
            gold.append(entry)
    return gold


def _load_gold_file(path: Path, pages: Path | None = None) -> list[Json]:
    """One gold file's entries, each line checked for the schema's keys and its page."""
    gold: list[Json] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}:{number}: not JSON ({error.msg})") from error
        missing = [key for key in REQUIRED_KEYS if key not in entry]
        if missing:
            raise GoldError(f"{path}:{number}: missing {', '.join(missing)}")
        if entry["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]):
            raise GoldError(f"{path}:{number}: date {entry['date']!r} is not YYYY-MM-DD")
        if pages is not None and not (pages / entry["file"]).is_file():
            raise GoldError(f"{path}:{number}: no page {entry['file']} in {pages}")
        gold.append(entry)
    return gold


# ----------------------------------------------------------------------------- normalising
def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def norm_title(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", " ", nfc(text)).strip()


def norm_name(text: str) -> str:
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return text.strip(" .,;:།༎")


_SERVICE_SYNONYMS = {"burmese": "myanmar"}


def norm_service(text: str | None) -> str | None:
    if not text:
        return None
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    text = text.replace("radio free asia", "rfa").replace("voice of america", "voa")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b(service|the|language|section)\b", " ", text)
    text = re.sub(r"[^\w]+", " ", text)
    words = [_SERVICE_SYNONYMS.get(word, word) for word in text.split()]
    return " ".join(words) or None


def service_identity(text: str | None) -> str | None:
    """An outlet as the archive's service registry knows it (its key), else its loose name:
    the gold's "新华社" and the stored "Xinhua" are one outlet, named in two scripts."""
    if not text:
        return None
    from archive.identity.services import resolve_service  # the repo's registry

    info = resolve_service(text)
    return f"registry:{info.key}" if info is not None else norm_service(text)


class Zawgyi:
    """Zawgyi to Unicode through ICU, in this Python or the archive's, if either has PyICU."""

    def __init__(self, archive: Path) -> None:
        self._convert: Callable[[str], str] | None = None
        self._python: str | None = None
        try:
            import icu

            self._convert = icu.Transliterator.createInstance("Zawgyi-my").transliterate
        except Exception:
            candidate = archive.resolve().parent / "python"
            if candidate.exists():
                self._python = str(candidate)

    def to_unicode(self, text: str) -> str | None:
        if self._convert:
            return self._convert(text)
        if self._python:
            code = (
                "import sys,icu;print(icu.Transliterator.createInstance('Zawgyi-my')"
                ".transliterate(sys.stdin.read()),end='')"
            )
            done = subprocess.run(
                [self._python, "-c", code], input=text, capture_output=True, text=True
            )
            if done.returncode == 0:
                return done.stdout
        return None


# ----------------------------------------------------------------------------- one page
class Runner:
    """Runs the archive CLI against one throw-away database."""

    def __init__(self, archive: Path, workdir: Path) -> None:
        self.archive = archive
        self.env = dict(os.environ)
        for key, sub in (
            ("HOME", "home"),
            ("XDG_DATA_HOME", "xdg-data"),
            ("XDG_CACHE_HOME", "xdg-cache"),
            ("XDG_CONFIG_HOME", "xdg-config"),
        ):
            (workdir / sub).mkdir(parents=True, exist_ok=True)
            self.env[key] = str(workdir / sub)
        self.db = workdir / "score.db"
        self.db.unlink(missing_ok=True)
        self.env["ARCHIVE_DB"] = str(self.db)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.archive), *args], capture_output=True, text=True, env=self.env, timeout=900
        )

    def json(self, *args: str) -> tuple[Json | None, subprocess.CompletedProcess[str]]:
        done = self.run(*args)
        try:
            return json.loads(done.stdout), done
        except json.JSONDecodeError:
            return None, done


class InProcessRunner(Runner):
    """Runs the same CLI commands inside this process (typer's test runner), one at a time.

    The commands, their code and their JSON are the CLI's own; what is saved is a Python
    start-up per ``show`` and ``analyze`` (most of a set's time). The environment (the
    throw-away HOME, XDG folders and ARCHIVE_DB) is set for the length of each command.
    """

    def __init__(self, workdir: Path) -> None:
        super().__init__(Path(sys.executable), workdir)
        from typer.testing import CliRunner

        from archive.cli import app

        self._app = app
        self._cli = CliRunner()

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = self._cli.invoke(self._app, list(args), env=self.env, catch_exceptions=True)
        stderr = done.stderr
        if done.exception is not None and not isinstance(done.exception, SystemExit):
            stderr += f"{type(done.exception).__name__}: {done.exception}"
        return subprocess.CompletedProcess(list(args), done.exit_code, done.stdout, stderr)


def score_title(g: Json, show: Json | None, zawgyi: Zawgyi, problems: list[str]) -> Json:
    gold = norm_title(g["title"])
    alternatives = [norm_title(t) for t in g.get("title_alt", [])]
    got = norm_title(show["title"]) if show else None
    result: Json = {"gold": g["title"], "got": show["title"] if show else None}
    if gold is not None:
        ok = got is not None and (got == gold or got in alternatives)
        if not ok and got and g.get("encoding") == "zawgyi":
            converted = zawgyi.to_unicode(g["title"])
            ok = converted is not None and got == norm_title(converted)
            result["zawgyi_converted"] = ok
        result["ok"] = ok
        if show and not ok:
            problems.append(f"title: got {got!r}, truth {gold!r}")
    else:
        result["ok"] = None
        # a title the archive marks as derived from the lead (page shows none) is honest
        if got and not (show or {}).get("title_derived"):
            problems.append(f"title: page shows none, archive made one: {got[:90]!r}")
        elif got:
            result["got"] = None
    return result


def score_date(g: Json, show: Json | None, problems: list[str]) -> Json:
    got = show.get("date") if show else None
    result: Json = {"gold": g["date"], "got": got}
    if g["date"] is not None:
        result["ok"] = got == g["date"] or got in g.get("date_alt", [])
        if show and not result["ok"]:
            problems.append(f"date: got {got}, truth {g['date']}")
    else:
        result["ok"] = None
        if got:
            problems.append(f"date: page shows none, archive gave {got}")
    return result


def score_credits(g: Json, show: Json | None, problems: list[str]) -> Json:
    scored = g.get("credits_scored", True)
    gold = [(c["role"], norm_name(c["name"]), tuple(c.get("role_alt", []))) for c in g["credits"]]
    other_names = {norm_name(c["name"]) for c in g.get("credits_other", [])}
    got = [
        (c["role"], norm_name(c["name"]))
        for c in (show or {}).get("credits", [])
        if c.get("kind", "person") == "person"
    ]
    tp, used = 0, set()
    for role, name, role_alt in gold:
        for i, (got_role, got_name) in enumerate(got):
            if i not in used and got_name == name and (got_role == role or got_role in role_alt):
                tp += 1
                used.add(i)
                break
    name_tp = len({n for _, n, _ in gold} & {n for _, n in got})
    fp_items = [got[i] for i in range(len(got)) if i not in used and got[i][1] not in other_names]
    fn_items = [
        (role, name)
        for role, name, role_alt in gold
        if not any(gn == name and (gr == role or gr in role_alt) for gr, gn in got)
    ]
    if scored and show:
        problems.extend(f"credit missed: {role} {name!r}" for role, name in fn_items)
        problems.extend(f"credit wrong/extra: {role} {name!r}" for role, name in fp_items)
    return {
        "scored": scored,
        "gold": [(c["role"], c["name"]) for c in g["credits"]],
        "got": [(c["role"], c["name"], c.get("kind")) for c in (show or {}).get("credits", [])],
        "tp": tp,
        "fp": len(fp_items) if scored else 0,
        "fn": len(fn_items) if scored else 0,
        "name_tp": name_tp,
        "gold_n": len(gold),
        "got_n": len(got),
        "credit_line": (show or {}).get("credit_line"),
    }


def score_service(g: Json, show: Json | None, problems: list[str]) -> Json:
    gold = norm_service(g["service"])
    got = (show.get("service") or {}).get("name") if show else None
    # an agency or outlet credited on the page may be stored as an organisation credit
    organisations = [
        c.get("name") for c in (show or {}).get("credits", []) if c.get("kind") != "person"
    ]
    result: Json = {"gold": g["service"], "got": got, "organisations": organisations}
    if gold is not None:
        ok = norm_service(got) == gold or any(norm_service(o) == gold for o in organisations)
        result["ok"] = ok
        # the same outlet, named in another script or spelling the registry knows
        same = {service_identity(got), *(service_identity(o) for o in organisations)}
        result["ok_identity"] = ok or service_identity(g["service"]) in same
        if show and not ok:
            problems.append(f"service: got {got!r}, truth {g['service']!r}")
    else:
        result["ok"] = None
        if got:
            inferred = norm_service(g.get("service_inferred"))
            evident = inferred and norm_service(got) == inferred
            tag = "plausible (matches the page's evident outlet)" if evident else "not evident"
            problems.append(f"service: no credit names one, archive gave {got!r} [{tag}]")
    return result


def score_story(g: Json, version: Json | None, zawgyi: Zawgyi, problems: list[str]) -> Json:
    if not version:
        return {}
    text = nfc(version.get("text") or "")
    flat = re.sub(r"\s+", " ", text)

    def has(snippet: str) -> bool:
        if re.sub(r"\s+", " ", nfc(snippet)) in flat:
            return True
        if g.get("encoding") == "zawgyi":
            converted = zawgyi.to_unicode(snippet)
            return bool(converted) and re.sub(r"\s+", " ", nfc(converted or "")) in flat
        return False

    lines = {line.strip() for line in text.splitlines()}
    junk = [j for j in g.get("junk_lines", []) if nfc(j.strip()) in lines]
    junk += [j for j in g.get("junk_substrings", []) if has(j)]
    mark, byline = g.get("credit_mark"), g.get("byline_line")
    story: Json = {
        "chars": len(text),
        "lead_kept": has(g["story_first"]),
        "end_kept": has(g["story_last"]),
        "junk_kept": junk,
        "credit_in_story": bool((mark and has(mark)) or (byline and nfc(byline.strip()) in lines)),
        "title_in_story": bool(g["title"] and nfc(g["title"].strip()) in lines),
    }
    if not story["lead_kept"]:
        problems.append(f"story: lead lost ({g['story_first'][:40]!r} not in stored text)")
    if not story["end_kept"]:
        problems.append(f"story: end lost ({g['story_last'][-40:]!r} not in stored text)")
    if junk:
        problems.append(f"story: page chrome kept: {junk}")
    if story["credit_in_story"]:
        problems.append("story: credit/byline line kept in story text")
    if story["title_in_story"]:
        problems.append("story: the title line is also in the story text")
    return story


def score_page(
    g: Json, item: Json | None, runner: Runner, page_set: PageSet, zawgyi: Zawgyi
) -> Json:
    """Read one imported page back (show, analyze) and score it against its gold."""
    problems: list[str] = []
    r: Json = {"set": page_set.name, "file": g["file"], "problems": problems}
    r["import"] = item["outcome"] if item else "missing"
    show: Json | None = None
    if not item or item["outcome"] not in _OK_OUTCOMES:
        detail = item.get("detail") if item else "no result for file"
        problems.append(f"import {r['import']}: {detail}")
    else:
        show, done = runner.json("show", str(item["article_id"]), "--json", "--db", str(runner.db))
        if show is None:
            problems.append(f"show crashed rc={done.returncode}: {done.stderr[-300:]}")
    analysis, done = runner.json("analyze", str(page_set.pages / g["file"]), "--json")
    if analysis is None:
        problems.append(f"analyze failed rc={done.returncode}: {done.stderr.strip()[-300:]}")
    r["analyze_language"] = analysis.get("language") if analysis else None
    r["analyze_encoding"] = analysis.get("encoding") if analysis else None

    r["title"] = score_title(g, show, zawgyi, problems)
    r["date"] = score_date(g, show, problems)
    languages = [g["language"], *g.get("language_alt", [])]
    version = show["versions"][0] if show and show.get("versions") else None
    stored = version.get("language") if version else None
    r["language"] = {
        "gold": g["language"],
        "got": stored,
        "ok": stored in languages if version else False,
        "analyze": r["analyze_language"],
        "analyze_ok": r["analyze_language"] in languages,
    }
    if version and not r["language"]["ok"]:
        problems.append(f"language: stored {stored}, truth {g['language']}")
    if not r["language"]["analyze_ok"]:
        problems.append(f"analyze language: {r['analyze_language']}, truth {g['language']}")
    encoding = r["analyze_encoding"]
    if g.get("encoding") and encoding and g["encoding"] != encoding:
        problems.append(f"encoding: analyze says {encoding}, truth {g['encoding']}")
    r["credits"] = score_credits(g, show, problems)
    r["service"] = score_service(g, show, problems)
    r["story"] = score_story(g, version, zawgyi, problems)
    return r


def score_set(
    archive: Path, page_set: PageSet, workdir: Path, jobs: int = 2, in_process: bool = False
) -> list[Json]:
    """Import one set into a fresh archive and score every page of its gold.

    The import is one command; reading pages back runs `jobs` CLI processes at a time
    (each `show` and `analyze` is a fresh process, so this is where the time goes), or,
    with `in_process`, the same commands one after another in this process.
    """
    gold = load_gold(page_set.gold, page_set.pages)
    runner = InProcessRunner(workdir) if in_process else Runner(archive, workdir)
    if in_process:
        jobs = 1
    zawgyi = Zawgyi(archive)
    imported, done = runner.json("import", str(page_set.pages), "--json", "--db", str(runner.db))
    crash = None
    if imported is None:
        crash = f"import rc={done.returncode}, stdout not JSON; stderr: {done.stderr[-800:]}"
        imported = {"items": []}
    by_file = {Path(item["source"]).name: item for item in imported.get("items", [])}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(
            pool.map(
                lambda g: score_page(g, by_file.get(g["file"]), runner, page_set, zawgyi), gold
            )
        )
    if crash and results:
        results[0]["import_crash"] = crash
    return results


# ----------------------------------------------------------------------------- totals
def _fraction(ok: int, n: int) -> str:
    return f"{ok}/{n} ({100.0 * ok / n:.0f}%)" if n else "n/a"


def totals(results: list[Json]) -> Json:
    """The figures score.py prints, over any list of page results."""
    t: Json = {"pages": len(results)}
    t["imported"] = sum(1 for r in results if r["import"] in _OK_OUTCOMES)
    t["failed"] = [
        (r["file"], r["problems"][0]) for r in results if r["import"] not in _OK_OUTCOMES
    ]
    titled = [r for r in results if r["title"]["ok"] is not None]
    t["title"] = _fraction(sum(1 for r in titled if r["title"]["ok"]), len(titled))
    t["title_invented"] = sum(1 for r in results if r["title"]["ok"] is None and r["title"]["got"])
    dated = [r for r in results if r["date"]["ok"] is not None]
    t["date"] = _fraction(sum(1 for r in dated if r["date"]["ok"]), len(dated))
    t["date_invented"] = sum(1 for r in results if r["date"]["ok"] is None and r["date"]["got"])
    t["language_stored"] = _fraction(sum(1 for r in results if r["language"]["ok"]), len(results))
    t["language_analyze"] = _fraction(
        sum(1 for r in results if r["language"]["analyze_ok"]), len(results)
    )
    scored = [r["credits"] for r in results if r["credits"]["scored"]]
    tp, fp, fn = (sum(c[k] for c in scored) for k in ("tp", "fp", "fn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    t["credits"] = {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "gold_credits": sum(c["gold_n"] for c in scored),
        "pages_with_gold_credits": sum(1 for c in scored if c["gold_n"]),
    }
    name_tp = sum(c["name_tp"] for c in scored)
    gold_n = sum(c["gold_n"] for c in scored)
    got_n = sum(c["got_n"] for c in scored)
    t["credits_name_only"] = {
        "precision": round(name_tp / got_n, 3) if got_n else 0.0,
        "recall": round(name_tp / gold_n, 3) if gold_n else 0.0,
    }
    serviced = [r for r in results if r["service"]["ok"] is not None]
    t["service"] = _fraction(sum(1 for r in serviced if r["service"]["ok"]), len(serviced))
    t["service_identity"] = _fraction(
        sum(1 for r in serviced if r["service"].get("ok_identity")), len(serviced)
    )
    t["service_extra"] = sum(
        1 for r in results if r["service"]["ok"] is None and r["service"]["got"]
    )
    stories = [r["story"] for r in results if r["story"]]
    t["story"] = {
        "imported": len(stories),
        "lead_lost": sum(1 for s in stories if not s["lead_kept"]),
        "end_lost": sum(1 for s in stories if not s["end_kept"]),
        "pages_with_chrome_kept": sum(1 for s in stories if s["junk_kept"]),
        "chrome_lines_kept": sum(len(s["junk_kept"]) for s in stories),
        "credit_line_kept": sum(1 for s in stories if s["credit_in_story"]),
        "title_in_story": sum(1 for s in stories if s["title_in_story"]),
    }
    t["import_crash"] = next((r["import_crash"] for r in results if "import_crash" in r), None)
    return t


def report_totals(name: str, t: Json) -> list[str]:
    c = t["credits"]
    lines = [
        f"== Totals: {name}",
        f"pages {t['pages']}, imported {t['imported']}, failed {len(t['failed'])}"
        + (f", IMPORT CRASH: {t['import_crash']}" if t["import_crash"] else ""),
    ]
    lines += [f"  failed: {file}: {why}" for file, why in t["failed"]]
    story = t["story"]
    lines += [
        f"title exact (pages that show one)      {t['title']}"
        f"   (+{t['title_invented']} titles made up for pages showing none)",
        f"date (pages that show one)             {t['date']}"
        f"   (+{t['date_invented']} dates given for pages showing none)",
        f"language of stored version             {t['language_stored']}",
        f"language from `archive analyze`        {t['language_analyze']}",
        f"credits (role, name)                   P {c['precision']}  R {c['recall']}"
        f"  F1 {c['f1']}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']};"
        f" {c['gold_credits']} gold credits on {c['pages_with_gold_credits']} pages)",
        f"credits, name only                     P {t['credits_name_only']['precision']}"
        f"  R {t['credits_name_only']['recall']}",
        f"service (pages whose credit names one) {t['service']}"
        f"   (+{t['service_extra']} services given where no credit names one)",
        f"service, same outlet by the registry   {t['service_identity']}",
        f"story text ({story['imported']} stored): lead lost {story['lead_lost']},"
        f" end lost {story['end_lost']}, chrome kept on {story['pages_with_chrome_kept']} pages"
        f" ({story['chrome_lines_kept']} lines), credit/byline kept {story['credit_line_kept']},"
        f" title repeated in story {story['title_in_story']}",
        "",
    ]
    return lines


def report(by_set: dict[str, list[Json]]) -> str:
    lines: list[str] = []
    for name, results in by_set.items():
        lines += report_totals(name, totals(results))
    if len(by_set) > 1:
        everything = [r for results in by_set.values() for r in results]
        lines += report_totals("all sets", totals(everything))
    lines.append("== Per page (only pages with a finding)")
    for name, results in by_set.items():
        for r in results:
            if r["problems"]:
                lines.append(f"- [{name}] {r['file']}")
                lines += [f"    {p}" for p in r["problems"]]
    return "\n".join(lines)


def split_repo(by_set: dict[str, list[Json]]) -> dict[str, list[Json]]:
    """The repo set's pages halved by sorted file name (0-based even and odd positions):
    rules are developed on the even half and checked on the odd one (issue 15)."""
    repo = sorted(by_set.get("repo", []), key=lambda r: str(r["file"]))
    if not repo:
        return {}
    return {"repo-even (development)": repo[0::2], "repo-odd (held out)": repo[1::2]}


def chosen_sets(args: argparse.Namespace) -> list[PageSet]:
    if args.pages or args.gold:
        # without --pages: FOLDER/pages beside a gold file in FOLDER, or in a gold FOLDER
        gold_home = args.gold and (args.gold if args.gold.is_dir() else args.gold.parent)
        pages = args.pages or gold_home / "pages"
        gold = args.gold or pages.parent / "gold.jsonl"
        return [PageSet("custom", pages.resolve(), gold)]
    sets = []
    if args.set in ("repo", "all"):
        sets.append(PageSet("repo", REPO_SET / "pages", REPO_SET / "gold.jsonl"))
    if args.set in ("shared", "all"):
        if (SHARED_SET / "gold.jsonl").is_file():
            sets.append(PageSet("shared", SHARED_SET / "pages", SHARED_SET / "gold.jsonl"))
        else:
            print(
                f"shared set not present ({SHARED_SET} has no gold.jsonl): not scored",
                file=sys.stderr,
            )
    if args.set in ("fresh", "all"):
        sets.append(PageSet("fresh", FRESH_SET / "pages", FRESH_SET))
    if args.set in ("fresh2", "all"):
        sets.append(PageSet("fresh2", FRESH2_SET / "pages", FRESH2_SET))
    if args.set in ("fresh3", "all"):
        sets.append(PageSet("fresh3", FRESH3_SET / "pages", FRESH3_SET))
    if args.set in ("fresh4", "all"):
        sets.append(PageSet("fresh4", FRESH4_SET / "pages", FRESH4_SET))
    if args.set in ("fresh5", "all"):
        sets.append(PageSet("fresh5", FRESH5_SET / "pages", FRESH5_SET))
    if args.set in ("fresh6", "all"):
        sets.append(PageSet("fresh6", FRESH6_SET / "pages", FRESH6_SET))
    if args.set in ("fresh7", "all"):
        sets.append(PageSet("fresh7", FRESH7_SET / "pages", FRESH7_SET))
    if args.set in ("fresh8", "all"):
        sets.append(PageSet("fresh8", FRESH8_SET / "pages", FRESH8_SET))
    if args.set in ("fresh9", "all"):
        sets.append(PageSet("fresh9", FRESH9_SET / "pages", FRESH9_SET))
    if args.set in ("fresh10", "all"):
        sets.append(PageSet("fresh10", FRESH10_SET / "pages", FRESH10_SET))
    if args.set == "fresh11":  # the held-out set: never in "all"
        sets.append(PageSet("fresh11", FRESH11_SET / "pages", FRESH11_SET))
    if args.set in ("html", "all"):
        sets.append(PageSet("html", HTML_SET / "pages", HTML_SET))
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--set",
        choices=(*DEVELOPMENT_SETS, "fresh11", "all"),
        default="all",
    )
    parser.add_argument("--pages", type=Path, help="score this folder of pages instead")
    parser.add_argument(
        "--gold", type=Path, help="with --pages: its gold.jsonl, or a folder of gold*.jsonl"
    )
    parser.add_argument(
        "--archive",
        type=Path,
        default=Path(sys.executable).parent / "archive",
        help="the archive CLI (default: the one beside this Python)",
    )
    parser.add_argument("--json", type=Path, help="also write totals and every page result here")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: temporary)")
    parser.add_argument(
        "--jobs", type=int, default=2, help="archive CLI processes at a time when reading back"
    )
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="run the CLI's commands inside this process (same code, no start-up per page;"
        " this checkout's archive package, whatever --archive says)",
    )
    parser.add_argument(
        "--split", action="store_true", help="also total the repo set's even and odd pages apart"
    )
    args = parser.parse_args(argv)
    if not args.in_process and not args.archive.exists():
        parser.error(f"no archive CLI at {args.archive} (give one with --archive)")
    sets = chosen_sets(args)
    if not sets:
        print("nothing to score", file=sys.stderr)
        return 1
    by_set: dict[str, list[Json]] = {}
    for page_set in sets:
        try:
            if args.keep:
                workdir = args.keep / page_set.name
                workdir.mkdir(parents=True, exist_ok=True)
                by_set[page_set.name] = score_set(
                    args.archive, page_set, workdir, args.jobs, args.in_process
                )
            else:
                with tempfile.TemporaryDirectory(prefix="realpages-") as tmp:
                    by_set[page_set.name] = score_set(
                        args.archive, page_set, Path(tmp), args.jobs, args.in_process
                    )
        except (GoldError, OSError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
    print(report(by_set))
    for name, results in (split_repo(by_set) if args.split else {}).items():
        print("\n".join(report_totals(name, totals(results))))
    if args.json:
        everything = [r for results in by_set.values() for r in results]
        document = {
            "totals": {name: totals(results) for name, results in by_set.items()},
            "totals_all": totals(everything),
            "pages": everything,
        }
        args.json.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
