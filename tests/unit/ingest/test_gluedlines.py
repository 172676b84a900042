"""Lines a saved copy glued together are split at their seam, every character kept."""

from __future__ import annotations

from archive.ingest.gluedlines import split_glued
from archive.ingest.pagelines import page_lines
from archive.ingest.textpage import parse_text_page

LEAD = (
    "Hundreds of farmers marched to the provincial hall on Monday to demand the return of "
    "land they say was taken for a sugar plantation without payment."
)
SECOND = (
    "Officials at the hall said they would send the complaint to the ministry, and asked "
    "the farmers to go home while it is studied."
)


def _texts(text: str) -> list[str]:
    return [line.text for line in split_glued(page_lines(text))]


def test_a_crawlers_record_glued_to_the_lead_becomes_a_line_of_its_own() -> None:
    text = f" date 2024-01-01 {LEAD}\n\n{SECOND}\n"
    lines = split_glued(page_lines(text))
    assert [line.text for line in lines] == ["date 2024-01-01", LEAD, SECOND]
    assert all(text[line.start : line.end] == line.text for line in lines)


def test_a_record_below_the_first_line_or_a_month_alone_is_not_split() -> None:
    assert _texts(f"Farmers march\n date 2024-01-01 {LEAD}\n")[1].startswith("date ")
    assert _texts(f" date 2024-01 {LEAD}\n")[0].startswith("date 2024-01 ")


def test_a_byline_glued_to_the_lead_is_split_off_and_the_lead_kept_whole() -> None:
    khmer = "ក្រុមកសិករជាច្រើនរយនាក់បានដើរក្បួនទៅសាលាខេត្តកាលពីថ្ងៃច័ន្ទ ដើម្បីទាមទារដីធ្លីរបស់ពួកគេវិញ។"
    for byline in ("ដោយ:សុខា/ភ្នំពេញ ៖", "By Jane Doe –", "By Jane Doe and Sam Lee:"):
        lead = khmer if byline.startswith("ដោយ") else LEAD
        text = f"Farmers march on the hall\n{byline} {lead}\n{SECOND}\n"
        lines = split_glued(page_lines(text))
        assert [line.text for line in lines] == ["Farmers march on the hall", byline, lead, SECOND]
        assert all(text[line.start : line.end] == line.text for line in lines)


def test_a_sentence_opening_with_by_or_a_short_rest_is_not_split() -> None:
    sentence = f"By the end of the year: {LEAD}"
    assert _texts(sentence) == [sentence]
    assert _texts("By Jane Doe – Phnom Penh") == ["By Jane Doe – Phnom Penh"]


def test_the_page_reads_the_split_byline_as_its_credit_and_keeps_the_lead() -> None:
    page = parse_text_page(f"Farmers march on the hall\nBy Jane Doe – {LEAD}\n\n{SECOND}\n")
    assert page.title == "Farmers march on the hall"
    assert page.body.startswith(LEAD)
    assert page.credits is not None
    assert [(e.role, e.name) for e in page.credits.entries] == [("writer", "Jane Doe")]


def test_a_script_glued_to_a_paragraphs_end_becomes_a_line_of_its_own() -> None:
    script = "(function() { var s = document.createElement('script'); s.async = true; })();"
    text = f"Farmers march on the hall\n{LEAD} {script}\n{SECOND}\n"
    lines = split_glued(page_lines(text))
    assert [line.text for line in lines] == ["Farmers march on the hall", LEAD, script, SECOND]
    assert all(text[line.start : line.end] == line.text for line in lines)


def test_a_sentence_naming_a_function_or_a_window_is_not_split() -> None:
    for sentence in (
        f"{LEAD} (function of the council) was the first question asked.",
        f"{LEAD} Window. The crowd left the hall by noon.",
    ):
        assert _texts(sentence) == [sentence]


def test_the_page_moves_a_glued_script_out_of_the_story_and_keeps_the_paragraph() -> None:
    script = "(function() { var s = document.createElement('script'); s.async = true; })();"
    page = parse_text_page(f"Farmers march on the hall\n\n{LEAD}\n\n{SECOND} {script}\n")
    assert page.body.startswith(LEAD)
    assert page.body.rstrip().endswith(SECOND)
    assert script in page.dropped
