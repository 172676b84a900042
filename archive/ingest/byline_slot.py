"""The byline slot: credits on the short lines around a story's headline, down to its lead.

Reposted pages put the byline anywhere near the headline (under a caption, over a date
line, above the headline itself). :func:`find_top_credits` reads a line there as a credit
by its form (:func:`archive.ingest.bylines.read_credit_line` and a few slot-only forms) or
by its neighbours (a name alone beside a date line or another credit line).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archive.identity.services import service_key_for
from archive.ingest.addresses import holds_web_address
from archive.ingest.bylines import (
    BY_LABEL,
    LABEL_PATTERNS,
    MAX_SOURCE_CHARS,
    SENTENCE_ENDS,
    bare_name,
    dedupe_credits,
    find_organisation,
    fold_text,
    heads_a_post,
    is_latin,
    organisation_entry,
    read_credit_line,
    read_labelled,
    read_outlet_date,
)
from archive.ingest.credit_words import HAN_SURNAMES
from archive.ingest.credits import CreditEntry, looks_like_credit_line
from archive.ingest.dates import date_line
from archive.ingest.lineweight import line_weight
from archive.ingest.slot_shapes import read_slot_shape

__all__ = ["find_top_credits"]

_SLOT_ABOVE = 3  # lines above the headline still in the slot (a byline set over it)
_SLOT_BELOW = 12  # lines under the headline at most
_LEAD_WEIGHT = 100  # a line this long (CJK counted wide) is a paragraph: the slot ends
# A label alone on its line, its value on the next ("2.記者署名:" / "NAME/ 綜合報導").
_NUMBERING = re.compile(r"^\(?\d{1,2}[.)、]\s*")


def _is_paragraph(text: str) -> bool:
    """A line of running text: long, or a sentence of some length."""
    weight = line_weight(text)
    return weight >= _LEAD_WEIGHT or (
        weight >= _LEAD_WEIGHT // 2 and text.rstrip("\"'”’»)").endswith(SENTENCE_ENDS)
    )


def _is_sentences(text: str) -> bool:
    """A paragraph of story text: running text ending a sentence, with no web address."""
    return (
        _is_paragraph(text)
        and text.rstrip("\"'”’»)").endswith(SENTENCE_ENDS)
        and not holds_web_address(text)
    )


def _is_date(text: str) -> bool:
    return date_line(text) is not None


def _slot_reading(line: str) -> tuple[CreditEntry, ...]:
    """The credits a line of the byline slot states by its form (labels, "By", an outlet
    with a date, a date then names), without help from its neighbours; in a meta line the
    labelled credit before the date ("작성자 NAME 작성일13-02-11 08:27 댓글0건")."""
    found = read_credit_line(line)
    if found:
        return found
    words = fold_text(line).split()
    # "NAME NAME OUTLET DATE" run together: where one name ends is a guess, the outlet not.
    # Only the capitalised words that open the line can be the names (no longer cut is tried).
    capitalised = next((i for i, w in enumerate(words) if not w[0].isupper()), len(words))
    for cut in range(2, min(len(words) - 1, capitalised + 1)):
        head = words[:cut]
        if (
            all(w[0].isupper() for w in head)
            and is_latin(" ".join(head))
            and (outlet := read_outlet_date(" ".join(words[cut:]), line))
        ):
            return tuple(outlet)
    cut = next((i for i, word in enumerate(words) if any(ch.isdecimal() for ch in word)), 0)
    if cut and cut < len(words) and not _is_paragraph(line):  # a lead glued on: no cut
        return tuple(read_labelled(" ".join(words[:cut]), line) or ())
    return ()


def _is_outlet_line(text: str) -> bool:
    """A line naming only a known agency or outlet ("Bangkok Post", "THE ASSOCIATED PRESS")."""
    return len(text) <= MAX_SOURCE_CHARS and find_organisation(text) is not None


def find_top_credits(
    lines: Sequence[str], *, title: int | None, first: int
) -> tuple[tuple[int, ...], tuple[CreditEntry, ...]]:
    """Credits in the byline slot: the short lines around the headline, down to the lead.

    A line there is a credit when its form says so (a label, "By", a date then names, an
    outlet with its date), or when it is a person's name alone (or an outlet alone) and a
    neighbour is a date line or another credit line: "NAME" over "DATE OUTLET", an outlet
    line under "NAME & AFP". A label alone on a line takes the next line as its value.

    Args:
        lines: The page's lines, stripped, in order.
        title: The headline's index, if the page has one.
        first: The index of the story's first line.

    Returns:
        The indices of the credit lines and the credits read from them, in page order.
    """
    anchor = title if title is not None else first
    start = max(0, anchor - _SLOT_ABOVE)
    stop = min(len(lines), max(anchor, first) + _SLOT_BELOW)
    window: list[int] = []
    for index in range(start, stop):
        if index == title:
            continue
        if (
            index >= first
            and _is_sentences(lines[index])
            and (index + 1 >= len(lines) or _is_sentences(lines[index + 1]))
        ):
            break  # the lead: two paragraphs of sentences (a caption or a deck stands alone)
        window.append(index)
    readings: dict[int, tuple[CreditEntry, ...]] = {}
    values: set[int] = set()
    below = window[-1] + 1 if window else stop
    for position, index in enumerate(window):
        line = lines[index]
        found = () if looks_like_credit_line(line) else _slot_reading(line)
        if not found and not looks_like_credit_line(line):
            found = read_slot_shape(line, lines[below:])
        label = _NUMBERING.sub("", line)
        if not found and position + 1 < len(window) and _is_bare_label(label):
            value = window[position + 1]
            found = read_credit_line(f"{label} {lines[value]}")
            if found:
                values.add(value)  # the value line is part of the credit
        if found:
            readings[index] = found
    dates = {index for index in window if _is_date(lines[index])}

    def beside(index: int) -> list[int]:
        return [n for n in (index - 1, index + 1) if n in window or n in readings]

    # Words of the story under the slot: a "name" whose word recurs there is a place or a
    # subject the story speaks of ("Cambodia Kingdom", "Việt Nam"), not its reporter.
    story_words = {w.casefold() for line in lines[below:] for w in re.findall(r"\w+", line)}
    taken: dict[int, tuple[CreditEntry, ...]] = dict(readings)
    for index in window:
        if index in taken or index in values:
            continue
        neighbours = beside(index)
        # Under a headline and over the lead: "Headline / NAME / The story begins …".
        # Only Latin script shows a name by its shape (capitalised words); a short line in
        # another script may be half a headline.
        han_author = _han_author(lines[index])
        under_headline = (
            (is_latin(lines[index]) or bool(han_author))
            and index - 1 >= 0
            and index + 1 < len(lines)
            and (index - 1 == title or (index - 1 not in dates and _heads(lines[index - 1])))
            and _is_sentences(lines[index + 1])
        )
        if under_headline and han_author:
            # "金融" (finance) under a headline is a section word the story will use.
            if not any(han_author[0].name in line for line in lines[below:]):
                taken[index] = han_author
            continue
        if not under_headline and not any(n in dates or n in readings for n in neighbours):
            continue
        # A name stands over its date ("NAME / DATE"); under a date a short line is more
        # often a place ("DATE / Hong Kong"), unless a credit line is just above it.
        over_date = index + 1 in dates or index + 1 in readings or index - 1 in readings
        if (under_headline or over_date) and (name := bare_name(lines[index])):
            words = {w.casefold() for e in name for w in re.findall(r"\w+", e.name)}
            if index - 1 in readings and _one_person_by(lines[index - 1], readings[index - 1]):
                # "By NAME" over "Cambodge Soir": a second reporter would share the By line;
                # the line under one is the outlet they write for
                taken[index] = _outlet_as_written(lines[index]) or ()
            elif not words & story_words:
                taken[index] = name
        elif _is_outlet_line(lines[index]):
            info = find_organisation(lines[index])
            if info is not None:
                taken[index] = (organisation_entry("source", info, lines[index]),)
    # A story has one byline: under the first line naming a person (or the outlet that
    # reported it: "by AFP"), only the credit lines run together with it are its; a byline
    # further down heads the next post of a digest.
    people = [
        i
        for i in sorted(taken)
        if any(e.kind == "person" or e.role in ("reporter", "writer") for e in taken[i])
    ]
    if people:
        end = people[0]
        while end + 1 in taken or end + 1 in values:
            end += 1
        taken = {i: found for i, found in taken.items() if i <= end}
        values = {i for i in values if i <= end}
    entries = [entry for index in sorted(taken) for entry in taken[index]]
    if not entries and title is not None:
        entries = list(_signed_title(lines[title]))  # the headline line stays the headline
    return tuple(sorted(set(taken) | values)), tuple(dedupe_credits(entries))


def _one_person_by(line: str, found: tuple[CreditEntry, ...]) -> bool:
    """Whether a line is a "By" byline naming one person and no outlet."""
    return (
        BY_LABEL.match(fold_text(line)) is not None
        and len(found) == 1
        and found[0].kind == "person"
    )


def _outlet_as_written(line: str) -> tuple[CreditEntry, ...]:
    """The outlet a line under a one-person byline names: the registry's entry, else the
    line as written (a name-shaped line the registry does not know: "Cambodge Soir")."""
    text = line.strip()
    info = find_organisation(text)
    if info is not None:
        return (organisation_entry("reporter", info, line),)
    try:
        key = service_key_for(text)
    except ValueError:
        return ()
    return (CreditEntry("reporter", text, "service", key, line),)


def _heads(line: str) -> bool:
    """A headline or deck above a byline: short, ending no sentence, or all in capitals
    ("TERROR IN THE OLD TOWN: A CHALLENGE." ends with a full stop and is still one)."""
    return heads_a_post(line) or (len(line) <= _MAX_HEADLINE_CHARS and line.isupper())


_MAX_HEADLINE_CHARS = 120
# A line of two or three Han characters opening with a common surname (credit_words'
# closed class), alone under a headline and over the lead, is the author's name ("☉張國財",
# "金 楓"); Chinese news bylines carry a label (记者), so an unlabelled name signs an opinion
# piece or a feature: its writer.
_HAN_NAME_LINE = re.compile(
    r"^[^\w]{0,2}\s*(?P<name>[\u3400-\u9fff](?:\s?[\u3400-\u9fff]){1,2})"
    r"(?:\s+\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b.*)?$"  # "NAME 2022/03/17 18:11 點閱 548 次"
)
# An opinion piece's headline signed in brackets at its end: "HEADLINE?(NAME)".
_HAN_SIGNED_TITLE = re.compile(r"[(（](?P<name>[\u3400-\u9fff]{2,3})[)）]$")


def _han_author(line: str) -> tuple[CreditEntry, ...]:
    """The writer a line of a Chinese name alone states ("☉張國財", "金 楓"), else ()."""
    match = _HAN_NAME_LINE.match(line.strip())
    if match is None or match["name"][0] not in HAN_SURNAMES:
        return ()
    return (CreditEntry("writer", match["name"].replace(" ", ""), "person", None, line),)


def _signed_title(line: str) -> tuple[CreditEntry, ...]:
    """The writer a Chinese headline names in brackets at its end ("…爭光?(NAME)"), else ()."""
    match = _HAN_SIGNED_TITLE.search(line.strip())
    if match is None or match["name"][0] not in HAN_SURNAMES or match.start() < 4:
        return ()
    return (CreditEntry("writer", match["name"], "person", None, match.group()),)


def _is_bare_label(text: str) -> bool:
    """Whether a line is only a label and its separator ("記者署名:", "སྒྱུར་མཁན།")."""
    text = text.strip()
    return any(
        (match := pattern.fullmatch(text + " ")) is not None and match.end() == len(text) + 1
        for pattern, _role in LABEL_PATTERNS
    ) and any(ch in ":：།" for ch in text[-1:])
