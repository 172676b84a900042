#!/usr/bin/env python3
"""(A verbatim copy of ../shared/data/real-pages/score.py, the real-pages scorer, so that
benchmarks/real_pages.py runs where ../shared is absent; kept as written, outside ruff.)

Score the translation-provenance archive against a held-out set of real news pages.

Usage:
    python3 score.py /path/to/archive [--pages DIR] [--gold FILE] [--json OUT] [--keep WORKDIR]

`archive` is the CLI (e.g. proj/.venv/bin/archive). The pages are imported into a fresh
SQLite archive in a temporary work folder (HOME and XDG_* point there too, so nothing in the
user's own data folders is touched), then every article is read back with
`archive show ID --json` and every page is run through `archive analyze FILE --json`.

Gold (one JSON object a line, see gold.jsonl) gives, per page: title, date, language, person
credits (role, name), the service named in a credit or byline line, and story boundaries
(story_first / story_last), lines of page chrome that are not story (junk_lines,
junk_substrings), and the credit/byline text that should not remain in the story.
A null gold title/date/service means the page does not show one; such pages are not counted
in that field's accuracy, but anything the archive invents for them is listed.

Standard library only. Exit status 0 (the score is the report, not a pass/fail).
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
from pathlib import Path

HERE = Path(__file__).resolve().parent


# ----------------------------------------------------------------------------- helpers
def nfc(s: str | None) -> str | None:
    return None if s is None else unicodedata.normalize("NFC", s)


def norm_title(s: str | None) -> str | None:
    if s is None:
        return None
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def norm_name(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" .,;:།༎")


_SVC_SYNONYMS = {"burmese": "myanmar"}


def norm_service(s: str | None) -> str | None:
    if not s:
        return None
    s = unicodedata.normalize("NFKC", s).casefold().replace("’", "'")
    s = s.replace("radio free asia", "rfa").replace("voice of america", "voa")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\b(service|the|language|section)\b", " ", s)
    s = re.sub(r"[^\w]+", " ", s)
    words = [_SVC_SYNONYMS.get(w, w) for w in s.split()]
    return " ".join(words) or None


def run(cmd: list[str], env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)


class Zawgyi:
    """Zawgyi -> Unicode via ICU, using PyICU here or in the archive's own Python, if either has it."""

    def __init__(self, archive: Path):
        self._fn = None
        self._py = None
        try:
            import icu  # type: ignore

            tr = icu.Transliterator.createInstance("Zawgyi-my")
            self._fn = tr.transliterate
        except Exception:
            cand = archive.resolve().parent / "python"
            if cand.exists():
                self._py = str(cand)

    def to_unicode(self, s: str) -> str | None:
        if self._fn:
            return self._fn(s)
        if self._py:
            code = ("import sys,icu;print(icu.Transliterator.createInstance('Zawgyi-my')"
                    ".transliterate(sys.stdin.read()),end='')")
            p = subprocess.run([self._py, "-c", code], input=s, capture_output=True, text=True)
            if p.returncode == 0:
                return p.stdout
        return None


# ----------------------------------------------------------------------------- scoring
def score(archive: Path, pages: Path, gold_path: Path, workdir: Path) -> dict:
    gold = [json.loads(l) for l in gold_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    env = dict(os.environ)
    for k, sub in (("HOME", "home"), ("XDG_DATA_HOME", "xdg-data"), ("XDG_CACHE_HOME", "xdg-cache"),
                   ("XDG_CONFIG_HOME", "xdg-config")):
        (workdir / sub).mkdir(parents=True, exist_ok=True)
        env[k] = str(workdir / sub)
    db = workdir / "score.db"
    if db.exists():
        db.unlink()
    env["ARCHIVE_DB"] = str(db)
    zg = Zawgyi(archive)

    imp = run([str(archive), "import", str(pages), "--json", "--db", str(db)], env)
    crash = None
    try:
        imp_doc = json.loads(imp.stdout)
    except json.JSONDecodeError:
        imp_doc = {"items": []}
        crash = f"import rc={imp.returncode}, stdout not JSON; stderr tail: {imp.stderr[-800:]}"
    by_file = {Path(it["source"]).name: it for it in imp_doc.get("items", [])}

    results = []
    for g in gold:
        f = g["file"]
        r: dict = {"file": f, "problems": []}
        it = by_file.get(f)
        r["import"] = it["outcome"] if it else "missing"
        if not it or it["outcome"] not in ("imported", "revised", "duplicate"):
            r["problems"].append(f"import {r['import']}: {it.get('detail') if it else 'no result for file'}")
            show = None
        else:
            p = run([str(archive), "show", str(it["article_id"]), "--json", "--db", str(db)], env)
            try:
                show = json.loads(p.stdout)
            except json.JSONDecodeError:
                show = None
                r["problems"].append(f"show crashed rc={p.returncode}: {p.stderr[-300:]}")
        a = run([str(archive), "analyze", str(pages / f), "--json"], env)
        try:
            ana = json.loads(a.stdout)
        except json.JSONDecodeError:
            ana = None
            r["problems"].append(f"analyze failed rc={a.returncode}: {a.stderr.strip()[-300:]}")
        r["analyze_language"] = ana.get("language") if ana else None
        r["analyze_encoding"] = ana.get("encoding") if ana else None

        # ---- title
        gt = norm_title(g["title"])
        alts = [norm_title(t) for t in g.get("title_alt", [])]
        at = norm_title(show["title"]) if show else None
        r["title"] = {"gold": g["title"], "got": show["title"] if show else None}
        if gt is not None:
            ok = at is not None and (at == gt or at in alts)
            if not ok and at and g.get("encoding") == "zawgyi":
                conv = zg.to_unicode(g["title"])
                ok = conv is not None and at == norm_title(conv)
                r["title"]["zawgyi_converted"] = ok
            r["title"]["ok"] = ok
            if show and not ok:
                r["problems"].append(f"title: got {at!r}, truth {gt!r}")
        else:
            r["title"]["ok"] = None
            # a title the archive marks as derived from the lead (page shows no headline) is honest
            if at and not (show or {}).get("title_derived"):
                r["problems"].append(f"title: page shows none, archive made one: {at[:90]!r}")
            elif at:
                r["title"]["got"] = None

        # ---- date
        gd = g["date"]
        ad = show.get("date") if show else None
        r["date"] = {"gold": gd, "got": ad}
        if gd is not None:
            ok = ad == gd or ad in g.get("date_alt", [])
            r["date"]["ok"] = ok
            if show and not ok:
                r["problems"].append(f"date: got {ad}, truth {gd}")
        else:
            r["date"]["ok"] = None
            if ad:
                r["problems"].append(f"date: page shows none, archive gave {ad}")

        # ---- language (stored version) and analyze
        langs_ok = [g["language"]] + g.get("language_alt", [])
        v0 = show["versions"][0] if show and show.get("versions") else None
        al = v0.get("language") if v0 else None
        r["language"] = {"gold": g["language"], "got": al, "ok": (al in langs_ok) if v0 else False,
                         "analyze": r["analyze_language"],
                         "analyze_ok": r["analyze_language"] in langs_ok}
        if v0 and not r["language"]["ok"]:
            r["problems"].append(f"language: stored {al}, truth {g['language']}")
        if not r["language"]["analyze_ok"]:
            r["problems"].append(f"analyze language: {r['analyze_language']}, truth {g['language']}")
        if g.get("encoding") and r["analyze_encoding"] and g["encoding"] != r["analyze_encoding"]:
            r["problems"].append(f"encoding: analyze says {r['analyze_encoding']}, truth {g['encoding']}")

        # ---- credits
        scored = g.get("credits_scored", True)
        gold_pairs = [(c["role"], norm_name(c["name"]), tuple(c.get("role_alt", []))) for c in g["credits"]]
        other_names = {norm_name(c["name"]) for c in g.get("credits_other", [])}
        got = []
        if show:
            for c in show.get("credits", []):
                if c.get("kind", "person") != "person":
                    continue
                got.append((c["role"], norm_name(c["name"])))
        tp = 0
        used = set()
        for role, name, ralt in gold_pairs:
            for i, (grole, gname) in enumerate(got):
                if i not in used and gname == name and (grole == role or grole in ralt):
                    tp += 1
                    used.add(i)
                    break
        name_tp = len({n for _, n, _ in gold_pairs} & {n for _, n in got})
        fp_items = [got[i] for i in range(len(got)) if i not in used and got[i][1] not in other_names]
        fn_items = []
        for role, name, ralt in gold_pairs:
            if not any(gn == name and (gr == role or gr in ralt) for gr, gn in got):
                fn_items.append((role, name))
        r["credits"] = {"scored": scored, "gold": [(c["role"], c["name"]) for c in g["credits"]],
                        "got": [(c["role"], c["name"], c.get("kind")) for c in (show or {}).get("credits", [])],
                        "tp": tp, "fp": len(fp_items) if scored else 0, "fn": len(fn_items) if scored else 0,
                        "name_tp": name_tp, "gold_n": len(gold_pairs), "got_n": len(got),
                        "credit_line": (show or {}).get("credit_line")}
        if scored and show:
            for x in fn_items:
                r["problems"].append(f"credit missed: {x[0]} {x[1]!r}")
            for x in fp_items:
                r["problems"].append(f"credit wrong/extra: {x[0]} {x[1]!r}")

        # ---- service
        gs = norm_service(g["service"])
        asvc = (show.get("service") or {}).get("name") if show else None
        # an agency or outlet credited on the page may be stored as an organisation credit
        orgs = [c.get("name") for c in (show or {}).get("credits", []) if c.get("kind") != "person"]
        r["service"] = {"gold": g["service"], "got": asvc, "organisations": orgs}
        if gs is not None:
            ok = norm_service(asvc) == gs or any(norm_service(o) == gs for o in orgs)
            r["service"]["ok"] = ok
            if show and not ok:
                r["problems"].append(f"service: got {asvc!r}, truth {g['service']!r}")
        else:
            r["service"]["ok"] = None
            if asvc:
                inf = norm_service(g.get("service_inferred"))
                tag = "plausible (matches the page's evident outlet)" if inf and norm_service(asvc) == inf else "not evident"
                r["problems"].append(f"service: no credit names one, archive gave {asvc!r} [{tag}]")

        # ---- story text
        st = {}
        if v0:
            text = nfc(v0.get("text") or "")

            flat = re.sub(r"\s+", " ", text)

            def has(s: str) -> bool:
                if re.sub(r"\s+", " ", nfc(s)) in flat:
                    return True
                if g.get("encoding") == "zawgyi":
                    cs = zg.to_unicode(s)
                    return bool(cs) and re.sub(r"\s+", " ", nfc(cs)) in flat
                return False

            lines = {l.strip() for l in text.splitlines()}
            st["chars"] = len(text)
            st["lead_kept"] = has(g["story_first"])
            st["end_kept"] = has(g["story_last"])
            st["junk_kept"] = [j for j in g.get("junk_lines", []) if nfc(j.strip()) in lines]
            st["junk_kept"] += [j for j in g.get("junk_substrings", []) if has(j)]
            cm = g.get("credit_mark")
            bl = g.get("byline_line")
            st["credit_in_story"] = bool((cm and has(cm)) or (bl and nfc(bl.strip()) in lines))
            st["title_in_story"] = bool(g["title"] and nfc(g["title"].strip()) in lines)
            if not st["lead_kept"]:
                r["problems"].append(f"story: lead lost ({g['story_first'][:40]!r} not in stored text)")
            if not st["end_kept"]:
                r["problems"].append(f"story: end lost ({g['story_last'][-40:]!r} not in stored text)")
            if st["junk_kept"]:
                r["problems"].append(f"story: page chrome kept: {st['junk_kept']}")
            if st["credit_in_story"]:
                r["problems"].append("story: credit/byline line kept in story text")
            if st["title_in_story"]:
                r["problems"].append("story: the title line is also in the story text")
        r["story"] = st
        results.append(r)

    # ----------------------------------------------------------------------------- totals
    def frac(ok: int, n: int) -> str:
        return f"{ok}/{n} ({100.0 * ok / n:.0f}%)" if n else "n/a"

    T = {}
    T["pages"] = len(gold)
    T["imported"] = sum(1 for r in results if r["import"] in ("imported", "revised", "duplicate"))
    T["failed"] = [(r["file"], r["problems"][0]) for r in results if r["import"] not in ("imported", "revised", "duplicate")]
    tg = [r for r in results if r["title"]["ok"] is not None]
    T["title"] = frac(sum(1 for r in tg if r["title"]["ok"]), len(tg))
    T["title_invented"] = sum(1 for r in results if r["title"]["ok"] is None and r["title"]["got"])
    dg = [r for r in results if r["date"]["ok"] is not None]
    T["date"] = frac(sum(1 for r in dg if r["date"]["ok"]), len(dg))
    T["date_invented"] = sum(1 for r in results if r["date"]["ok"] is None and r["date"]["got"])
    T["language_stored"] = frac(sum(1 for r in results if r["language"]["ok"]), len(results))
    T["language_analyze"] = frac(sum(1 for r in results if r["language"]["analyze_ok"]), len(results))
    cs = [r for r in results if r["credits"]["scored"]]
    tp = sum(r["credits"]["tp"] for r in cs)
    fp = sum(r["credits"]["fp"] for r in cs)
    fn = sum(r["credits"]["fn"] for r in cs)
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    T["credits"] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(P, 3), "recall": round(R, 3),
                    "f1": round(2 * P * R / (P + R), 3) if P + R else 0.0,
                    "gold_credits": sum(r["credits"]["gold_n"] for r in cs),
                    "pages_with_gold_credits": sum(1 for r in cs if r["credits"]["gold_n"])}
    ntp = sum(r["credits"]["name_tp"] for r in cs)
    gn = sum(r["credits"]["gold_n"] for r in cs)
    an = sum(r["credits"]["got_n"] for r in cs)
    T["credits_name_only"] = {"precision": round(ntp / an, 3) if an else 0.0, "recall": round(ntp / gn, 3) if gn else 0.0}
    sg = [r for r in results if r["service"]["ok"] is not None]
    T["service"] = frac(sum(1 for r in sg if r["service"]["ok"]), len(sg))
    T["service_extra"] = sum(1 for r in results if r["service"]["ok"] is None and r["service"]["got"])
    ss = [r for r in results if r["story"]]
    T["story"] = {"imported": len(ss),
                  "lead_lost": sum(1 for r in ss if not r["story"]["lead_kept"]),
                  "end_lost": sum(1 for r in ss if not r["story"]["end_kept"]),
                  "pages_with_chrome_kept": sum(1 for r in ss if r["story"]["junk_kept"]),
                  "chrome_lines_kept": sum(len(r["story"]["junk_kept"]) for r in ss),
                  "credit_line_kept": sum(1 for r in ss if r["story"]["credit_in_story"]),
                  "title_in_story": sum(1 for r in ss if r["story"]["title_in_story"])}
    T["import_crash"] = crash
    return {"totals": T, "pages": results}


def report(res: dict) -> str:
    T = res["totals"]
    out = ["== Totals",
           f"pages {T['pages']}, imported {T['imported']}, failed {len(T['failed'])}"
           + (f", IMPORT CRASH: {T['import_crash']}" if T["import_crash"] else "")]
    for f, why in T["failed"]:
        out.append(f"  failed: {f}: {why}")
    c = T["credits"]
    out += [f"title exact (pages that show one)      {T['title']}   (+{T['title_invented']} titles made up for pages showing none)",
            f"date (pages that show one)             {T['date']}   (+{T['date_invented']} dates given for pages showing none)",
            f"language of stored version             {T['language_stored']}",
            f"language from `archive analyze`        {T['language_analyze']}",
            f"credits (role, name)                   P {c['precision']}  R {c['recall']}  F1 {c['f1']}  "
            f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']}; {c['gold_credits']} gold credits on {c['pages_with_gold_credits']} pages)",
            f"credits, name only                     P {T['credits_name_only']['precision']}  R {T['credits_name_only']['recall']}",
            f"service (pages whose credit names one) {T['service']}   (+{T['service_extra']} services given where no credit names one)",
            "story text ({imported} stored): lead lost {lead_lost}, end lost {end_lost}, chrome kept on {pages_with_chrome_kept} pages "
            "({chrome_lines_kept} lines), credit/byline kept {credit_line_kept}, title repeated in story {title_in_story}".format(**T["story"]),
            "", "== Per page (only pages with a finding)"]
    for r in res["pages"]:
        if r["problems"]:
            out.append(f"- {r['file']}")
            out += [f"    {p}" for p in r["problems"]]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("archive", type=Path, help="path to the archive CLI (e.g. proj/.venv/bin/archive)")
    ap.add_argument("--pages", type=Path, default=HERE / "pages")
    ap.add_argument("--gold", type=Path, default=HERE / "gold.jsonl")
    ap.add_argument("--json", type=Path, help="also write the full per-page result here")
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    a = ap.parse_args()
    if a.keep:
        a.keep.mkdir(parents=True, exist_ok=True)
        res = score(a.archive, a.pages.resolve(), a.gold, a.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="realpages-") as d:
            res = score(a.archive, a.pages.resolve(), a.gold, Path(d))
    print(report(res))
    if a.json:
        a.json.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
