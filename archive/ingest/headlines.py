"""Headlines on a saved page: the story's own, read upward from its lead, and the other
stories' headlines listed under its end.

The header walk in ``textpage`` takes the first title-shaped line; :func:`headline_above_lead`
corrects it from the story's lead upward (a blog's name, a notice or a list of other
headlines above the post are furniture), and :func:`headlines_after_story` finds where a
run of related headlines under the story's last paragraph starts.
"""

from __future__ import annotations

import datetime
import re

from archive.ingest.addresses import ADDRESS, holds_address
from archive.ingest.bylines import is_credit_line
from archive.ingest.dates import parse_date_text
from archive.ingest.furniture import (
    BREADCRUMB,
    TEMPLATE,
    doubled_lines,
    is_byline,
    is_chrome,
    is_navigation,
    is_site_name,
)
from archive.ingest.lineweight import line_weight
from archive.ingest.pagelines import (
    CLOSERS,
    MAX_HEADLINE_WEIGHT,
    PROSE_END,
    UNSPACED,
    Line,
    has_date,
    is_khmer_cry,
    is_name_shaped,
    is_prose,
    is_site_shaped,
    is_substantial,
    lead_position,
    same_text,
)

_BREADCRUMB_SEPARATOR = re.compile(r"\s*[›»>/|]\s*")
_GLUED_CRUMB = re.compile(r"^[A-Z][a-z]+(?=[A-Z])")
_MAX_TITLE_CHARS = 250
# Lao and Thai write no sentence punctuation: there a long line is a paragraph.
_UNPUNCTUATED = re.compile(r"[\u0e00-\u0eff]")
_MAX_UNPUNCTUATED_TITLE_CHARS = 100
# Clause and sentence marks of scripts written without spaces between words (Tibetan shad,
# Burmese section marks, Khmer khan), with more text after them.
_INNER_CLAUSE_MARK = re.compile(r"[།၊။។]\s*(?=\S)")
_MAX_CLAUSED_TITLE_CHARS = 120
_MIN_PARAGRAPH_CLAUSES = 2


def looks_like_title(text: str) -> bool:
    """Whether a line reads like a headline rather than a story paragraph."""
    if len(text) > _MAX_TITLE_CHARS or not is_substantial(text):
        return False
    if len(text) > _MAX_UNPUNCTUATED_TITLE_CHARS and _UNPUNCTUATED.search(text):
        return False
    if (
        len(text) > _MAX_CLAUSED_TITLE_CHARS
        and UNSPACED.search(text)
        and len(_INNER_CLAUSE_MARK.findall(text)) >= _MIN_PARAGRAPH_CLAUSES
    ):
        return False  # a long Tibetan/Burmese/Khmer line of several clauses: a paragraph
    headline = _REPOSTER_ASIDE.sub("", text)  # "Headline [a reposter's aside?]"
    text = headline if is_substantial(headline) else text
    ending = text.rstrip("\"'”’)»]")
    if not ending or is_credit_line(text):
        return False
    if is_khmer_cry(text):
        return True  # "… ពុំយកទោសឡើយ!": Khmer ends a statement with "។", a headline's cry so
    if ending[-1] in "?？؟":  # a question is a headline when short and one sentence
        return line_weight(text) <= _MAX_QUESTION_TITLE_WEIGHT and not _INNER_SENTENCE_END.search(
            text[:-1]
        )
    return ending[-1] not in ".,;:。，；：！？!?။၊។៕؟،"


_MAX_QUESTION_TITLE_WEIGHT = 120


def title_from_breadcrumb(text: str) -> str | None:
    """The title a breadcrumb ends with: "HomeAsiaTitle…" or "Home › Asia › Title"."""
    rest = text[len("Home") :].strip()
    parts = [p for p in _BREADCRUMB_SEPARATOR.split(rest) if p.strip()]
    if len(parts) > 1 or (parts and rest[:1] in "›»>/|:–-"):
        rest = parts[-1]
    else:
        while match := _GLUED_CRUMB.match(rest):
            rest = rest[match.end() :]
    rest = rest.strip(" ›»>/|:–-")
    return rest if rest and is_substantial(rest) else None  # "HomeAsia": a section, no title


# "date 2020-01-17 Headline": a crawler's record of the publication date glued before the
# headline; "Headline [a reposter's comment …]": a blog's aside after it.
_CRAWLER_DATE = re.compile(r"^date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?=\S)")
_REPOSTER_ASIDE = re.compile(r"\s+\[[^\[\]]*\]?$")
# A list's bullet before a headline a site shows as the first item of a list ("• HEADLINE"):
# the mark of the list, not the headline's.
_BULLET = re.compile(r"^[•▪●■◆►▸‣◦]\s*(?=\S)")
# A news agency's feature under its dispatch line: "新华社北京5月2日电 题：HEADLINE".
_DISPATCH_TITLE = re.compile(r"^\S{2,30}?[電电]\s*[題题]\s*[:：]\s*(?=\S)")


def without_bullet(text: str) -> str:
    """A line without a list's bullet before it ("• HEADLINE" → "HEADLINE")."""
    return _BULLET.sub("", text)


def clean_title(title: str, language: str | None) -> tuple[str, datetime.date | None]:
    """The headline without a crawler's date, a list's bullet or an agency's dispatch line
    ("…电 题：") before it or a reposter's aside after it, and the crawler's date if there
    was one."""
    date = None
    if crawler := _CRAWLER_DATE.match(title):
        date = parse_date_text(crawler["date"], language=language)
        title = title[crawler.end() :]
    title = without_bullet(title)
    if dispatch := _DISPATCH_TITLE.match(title):
        title = title[dispatch.end() :]
    aside = _REPOSTER_ASIDE.search(title)
    if aside and is_substantial(title[: aside.start()]) and aside.start() > 0:
        title = title[: aside.start()].rstrip()
    return title, date


# A board's or aggregator's tag before a reposted headline: "[新聞] ", "【轉載】".
_TAG_PREFIX = re.compile(r"^(?:\[[^\[\]]{1,8}\]|【[^【】]{1,8}】)\s*")
_MIN_CUT_TITLE_WEIGHT = 20
_COMPLETION_WINDOW = 12


def completed_title(lines: list[Line], index: int, title: str) -> str | None:
    """The whole headline when the title line shows it cut mid-word (a forum's or list's
    title bar: "[News] Law takes effect, radio service to lea") and a headline-shaped line
    a few lines on goes on with the cut word and a little more; None when there is none
    (a line that goes on with a date or a sentence after a space is not it)."""
    cut = _TAG_PREFIX.sub("", title).rstrip(" …-–—.")
    if line_weight(cut) < _MIN_CUT_TITLE_WEIGHT:
        return None
    for other in range(index + 1, min(index + 1 + _COMPLETION_WINDOW, len(lines))):
        text = lines[other].text
        rest = text[len(cut) :]
        if (
            text.startswith(cut)
            and rest[:1].isalnum()  # the cut word goes on: "…to lea" + "ve"
            and line_weight(rest) <= line_weight(cut) / 2
            and _is_headline_shaped(text)
        ):
            return text
    return None


# A caption names where people stand in the picture: "(left)", "(2nd R)", "(C)".
_CAPTION_POSITION = re.compile(
    r"\((?:\d(?:st|nd|rd|th)\s+)?(?:left|right|cent(?:er|re)|front|back|top|bottom|[LRC])\)",
    re.IGNORECASE,
)


# A sentence ending inside a line, with more text after it: two sentences, not a headline.
_INNER_SENTENCE_END = re.compile(r"[。။។៕]\s*\S|\.\s+[A-Z]")


# A line wholly in brackets: an aside, a poster's note or a control ("(Posted by NAME)",
# "【返回】", "[Video]").
_BRACKETED = re.compile(r"^(?:\([^()]*\)|（[^（）]*）|\[[^\[\]]*\]|【[^【】]*】)$")


# A paragraph hard-wrapped at a fixed width: lines of about one length, none closing a
# sentence, then a line that closes it.
_WRAP_TOLERANCE = 0.2
_MIN_WRAPPED_LINES = 3
_MAX_WRAPPED_LINES = 60


def starts_wrapped_paragraph(lines: list[Line], index: int) -> bool:
    """Whether a line opens a paragraph hard-wrapped at a fixed width: it and at least two
    lines under it of about its length, none closing a sentence, then a line no longer
    than they are that closes one. Its first line is no headline."""
    return _wrapped_end(lines, index, {}) is not None


def _wrapped_end(lines: list[Line], index: int, weights: dict[int, int]) -> int | None:
    """The last line of the hard-wrapped paragraph ``index`` opens, or None; ``weights``
    caches line weights across calls."""

    def weight(i: int) -> int:
        if i not in weights:
            weights[i] = line_weight(lines[i].text)
        return weights[i]

    if _closes_sentence(lines[index].text):
        return None
    width = weight(index)
    for following in range(index + 1, min(len(lines), index + _MAX_WRAPPED_LINES)):
        if _closes_sentence(lines[following].text):
            wrapped = following - index >= _MIN_WRAPPED_LINES
            fits = weight(following) <= width * (1 + _WRAP_TOLERANCE)
            return following if wrapped and fits else None
        if abs(weight(following) - width) > width * _WRAP_TOLERANCE:
            return None
    return None


def _closes_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS).endswith(PROSE_END)


def wrapped_lines(lines: list[Line]) -> set[int]:
    """The lines of the page's hard-wrapped paragraphs (see :func:`starts_wrapped_paragraph`)."""
    wrapped: set[int] = set()
    weights: dict[int, int] = {}
    index = 0
    while index < len(lines):
        end = _wrapped_end(lines, index, weights)
        if end is not None:
            wrapped |= set(range(index, end + 1))
            index = end
        index += 1
    return wrapped


_MAX_NAV_ITEM_WEIGHT = 24
# A menu: a run of short title-like lines ("Weekly feature", "Interviews", "World view" …).
_MIN_MENU_ITEMS = 4
# Menu items set apart by runs of spaces on one line ("News    English    Türkçe").
_SPACED_ITEMS = re.compile(r"\s{3,}|\t+")
_MIN_SPACED_ITEMS = 3


def in_menu(lines: list[Line], index: int) -> bool:
    """Whether a line is a site's menu, never a headline: three or more short items set
    apart by runs of spaces, or a short line in a run of short lines of which at least four
    read as titles."""
    items = _SPACED_ITEMS.split(lines[index].text)
    if len(items) >= _MIN_SPACED_ITEMS and all(
        line_weight(item) <= _MAX_NAV_ITEM_WEIGHT for item in items
    ):
        return True

    def short(i: int) -> bool:
        return line_weight(lines[i].text) <= MAX_SITE_HEADING_WEIGHT

    def undated_title(i: int) -> bool:
        return looks_like_title(lines[i].text) and not has_date(lines[i].text)

    if not short(index):
        return False
    # The run of short lines around it, read from it up, then down, only until enough
    # undated titles are found (a long menu is not read whole from each of its lines).
    found = int(undated_title(index))
    up, down = index - 1, index + 1
    while found < _MIN_MENU_ITEMS:
        if up >= 0 and short(up):
            found += undated_title(up)
            up -= 1
        elif down < len(lines) and short(down):
            found += undated_title(down)
            down += 1
        else:
            return False
    return True


# A section label shouted in capitals ("IN THE NEWS", "WORLD"), never a headline.
_SHOUTED_LABEL = re.compile(r"^[A-Z&'’-]+(?:\s+[A-Z&'’-]+){0,2}$")


def is_shouted_label(text: str) -> bool:
    """Whether a line is a section label of three capitalised words at most."""
    return _SHOUTED_LABEL.match(text) is not None


# A row of labelled fields: "Translated by: NAME | Edited by: NAME", "作者：X｜来源：Y".
_FIELD_SEPARATOR = re.compile(r"\s*[|｜]\s*")
_FIELD = re.compile(r"^[^:：]{1,24}[:：]\s*\S")


# A site's domain name ("En.Site.Com", "rfa.org").
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|net|org|info|gov|edu|tv)(?:\.[a-z]{2})?\b", re.IGNORECASE)


def is_aside(text: str) -> bool:
    """Whether a line is wholly one bracketed aside ("(Posted by NAME)", "【返回】"), a row of
    labelled fields ("Translated by: NAME | Edited by: NAME"), holds an e-mail or web
    address (a contact or source line) or is a short line naming a site by its domain:
    never a headline."""
    if _BRACKETED.match(text) or holds_address(text):
        return True
    if _DOMAIN.search(text) and is_site_shaped(text):
        return True  # "Site.com - Latest News": the site's name
    fields = [part for part in _FIELD_SEPARATOR.split(text) if part]
    return len(fields) >= 2 and all(_FIELD.match(field) for field in fields)


# One address as a whitespace-free token: an image's address glued to a paragraph's end
# ("…វិញ ។https://…/photo.jpg").
_ADDRESS_TOKEN = re.compile(rf"\S*(?:{ADDRESS})\S*", re.IGNORECASE)


def is_header_aside(text: str) -> bool:
    """An aside above the story (``is_aside``), unless only an address made it one and the
    rest is longer than any headline: the lead with an image's address glued to its end is
    story, a short contact or source line is not."""
    if not is_aside(text):
        return False
    bare = _ADDRESS_TOKEN.sub("", text).strip()
    return is_aside(bare) or line_weight(bare) <= MAX_HEADLINE_WEIGHT


def _is_headline_shaped(text: str) -> bool:
    """A headline's shape: title-like, one sentence at most, not a byline, site name,
    navigation run or aside."""
    return (
        line_weight(text) <= MAX_HEADLINE_WEIGHT
        and not is_aside(text)
        and _INNER_SENTENCE_END.search(text.rstrip(CLOSERS + "）】")) is None
        and looks_like_title(text)
        and not is_byline(text)
        and not is_site_name(text)
        and not is_navigation(text)
    )


def _is_passed_over(text: str) -> bool:
    """A line that sits between a headline and its lead without being either: a byline,
    a credit, a stray word, a site name, navigation, a caption."""
    return (
        is_chrome(text)
        or is_byline(text)
        or not is_substantial(text)
        or is_site_name(text)
        or is_navigation(text)
        or _CAPTION_POSITION.search(text) is not None
        or is_credit_line(text)
    )


def headline_above_lead(lines: list[Line], chrome: set[int], title: int | None) -> int | None:
    """The headline found from the story's lead upward, where it is below ``title``.

    The lead is the first paragraph followed by another paragraph (dates, bylines,
    captions and furniture between them passed over). The headline is the nearest
    headline-shaped line above it, in the run of non-paragraph lines over the lead; a
    short name-like line there (a byline without "By") is passed over for one above it.
    It replaces ``title`` only when it is below it, no paragraph stands between the two,
    and ``title`` is a short site or section name or weighs less than it (a shorter
    line under a long headline is its deck). Where the header gave no title, only a
    headline shown twice is taken.
    """
    # A headline shown twice (a post's title over its own heading) is furniture by the
    # doubled-line rule; its upper copy may still be the headline.
    doubled = doubled_lines(lines)
    shown_twice = {i for i in doubled if i + 1 in doubled and i - 1 not in doubled}
    content = [
        index
        for index in range(title or 0, len(lines))
        if (index not in chrome or index in shown_twice) and not _is_passed_over(lines[index].text)
    ]
    position = lead_position(lines, content, under_subheading=True)
    if position is None:
        return None
    candidates: list[int] = []
    wrapped = wrapped_lines(lines)
    for index in reversed(content[:position]):
        text = lines[index].text
        if is_prose(text):
            break  # a paragraph over the header (a blog's notice or promotion)
        if (
            _is_headline_shaped(text)
            and not _LIST_ITEM.match(text)
            and not has_date(text)
            and index not in wrapped
        ):
            candidates.append(index)
    echoed = {index for index in candidates if is_echoed(lines, index)}
    twice_shown = shown_twice | echoed
    if title is None:
        return next((index for index in candidates if index in twice_shown), None)
    candidates = [index for index in candidates if index > title]
    # A standfirst set under the byline: the headline is the candidate over the byline.
    if len(candidates) > 1 and any(
        is_byline(lines[i].text) or is_credit_line(lines[i].text)
        for i in range(candidates[1] + 1, candidates[0])
    ):
        candidates = candidates[1:]
    named = [index for index in candidates if not is_name_shaped(lines[index].text)]
    twice = [index for index in candidates if index in twice_shown]
    chosen = (twice or named or candidates)[0] if candidates else None
    if chosen is None:
        return None
    # A line that holds the chosen headline (a breadcrumb ending with it) is no other headline.
    candidates = [i for i in candidates if i == chosen or lines[chosen].text not in lines[i].text]
    # A paragraph under the first headline is its lead, never furniture, unless a date line
    # stands between it and the headline below (a blog's notice over a post's header).
    # Nor is a paragraph with a list of other headlines under it (a blog's "about" blurb
    # over its recent posts).
    for index in (i for i in content if title < i < chosen and is_prose(lines[i].text)):
        listed_under = sum(
            index < i < chosen and _is_headline_shaped(lines[i].text) for i in content
        )
        if listed_under >= _MIN_TAIL_HEADLINES:
            continue
        if not any(has_date(lines[i].text) for i in range(index + 1, chosen)):
            return None
    old, new = lines[title].text, lines[chosen].text
    if not looks_like_title(old) or any(
        title < i < chosen and is_prose(lines[i].text) for i in content
    ):
        return chosen  # a blog's notice and a post's date over the post's own header
    if chosen in echoed and title not in echoed:
        return chosen  # the page repeats this headline (a breadcrumb, its title bar), not the other
    if line_weight(new) <= line_weight(old):
        return None
    if chosen == title + 1:  # right under it: a headline's deck, unless it is a label
        return chosen if is_label(old) or chosen in shown_twice else None
    # A heavier headline between the two: the page's own headline over a digest's items
    # (unless the page lists the chosen one among other headlines above it).
    between = [i for i in candidates if title < i < chosen]
    listed = any(same_text(lines[i].text, new) for i in range(title + 1, chosen))
    heavier = [i for i in between if line_weight(lines[i].text) > line_weight(new)]
    if not listed and heavier:
        if not is_label(old):
            return None
        # under a blog's or section's name: the heavier line is the headline, the lighter
        # one under it a post's meta line ("In News on June 6, 2010")
        chosen = max(heavier, key=lambda i: line_weight(lines[i].text))
    return chosen if is_label(old) or _is_site_heading(old) or has_date(old) else None


_MAX_LABEL_WEIGHT = 16
MAX_SITE_HEADING_WEIGHT = 24
# What stands between a headline and a site's name in a page's title bar ("TITLE - Site",
# "TITLE | Site", "TITLE_site") or between a breadcrumb's sections and its last item.
_TITLE_BAR_SEPARATOR = re.compile(r"^\s*(?:[-–—|｜_:：»›>/]|::)\s*")
_CRUMB_SEPARATOR_END = re.compile(r"[|｜:：»›>/]\s*$")
_MAX_TITLE_BAR_SITE_WEIGHT = 30


_ECHO_WINDOW = 200  # lines either side searched for a line's echo


def is_echoed(lines: list[Line], index: int) -> bool:
    """Whether the page shows a line's text again elsewhere: the same line further off (a
    next-post list, a share line), a breadcrumb's last item ("Home > News > TITLE",
    "HomeNewsTITLE") or the page's title bar ("TITLE - Site"). A headline is shown twice that
    way; a label of a word or two is too short to tell."""
    text = lines[index].text
    if line_weight(text) <= _MAX_LABEL_WEIGHT:
        return False
    for other in range(max(0, index - _ECHO_WINDOW), min(len(lines), index + _ECHO_WINDOW)):
        host = lines[other].text
        if other == index or len(host) < len(text) or text.casefold() not in host.casefold():
            continue
        if same_text(host, text):
            # a copy right by it is an image's alt text; a copy between two of the story's
            # paragraphs is a caption or a pull quote shown again, not a headline's echo
            if abs(other - index) > 1 and not _between_paragraphs(lines, other):
                return True
            continue
        if host.endswith(text):
            before = host[: -len(text)]
            if BREADCRUMB.match(host) or _CRUMB_SEPARATOR_END.search(before):
                return True
        if host.startswith(text):
            rest = host[len(text) :]
            separator = _TITLE_BAR_SEPARATOR.match(rest)
            site = rest[separator.end() :] if separator else ""
            one_site = site and not _FIELD_SEPARATOR.search(site)  # not "Page 7 | Site"
            if separator and one_site and line_weight(site) <= _MAX_TITLE_BAR_SITE_WEIGHT:
                return True
    return False


def _between_paragraphs(lines: list[Line], index: int) -> bool:
    """Whether a line stands between two story paragraphs (prose right above and below)."""
    return (
        0 < index < len(lines) - 1
        and is_prose(lines[index - 1].text)
        and is_prose(lines[index + 1].text)
    )


def is_label(text: str) -> bool:
    """A section label: a word or two ("Opinion", "Tin trong nước"), four CJK characters."""
    return line_weight(text) <= _MAX_LABEL_WEIGHT


def _is_site_heading(text: str) -> bool:
    """Short enough to be a site or blog's name rather than a headline, and not a
    "Subject: point" headline."""
    return (
        is_site_shaped(text)
        and line_weight(text) <= MAX_SITE_HEADING_WEIGHT
        and not re.search(r"[:：]", text)
    )


_MIN_TAIL_HEADLINES = 3


def headlines_after_story(lines: list[Line], chrome: set[int], first: int, last: int) -> int:
    """Where a run of headlines (related stories) under the story's last paragraph starts,
    or 0 if the story does not end that way.

    The run is headline-shaped lines and chrome up to ``last``; above it stands a finished
    paragraph (a sentence end) or a credit line. A byline or name line stops the run (it
    may close the story), and so does a line that continues the paragraph above it.
    """
    index = last
    headlines = 0
    marked = False
    if not 0 <= first < last < len(lines):
        return 0
    while index > first:
        text = lines[index].text
        if index in chrome or is_chrome(text):
            # "Read more", "via SITE" over the headlines (not a caption or a date)
            marked = marked or (headlines > 0 and TEMPLATE.match(text) is not None)
            index -= 1
            continue
        teaser = text.endswith(("...", "…")) and line_weight(text) <= MAX_HEADLINE_WEIGHT
        if is_credit_line(text) or is_name_shaped(text):
            break
        if not (_is_headline_shaped(text) or (teaser and marked)):
            break
        if text[:1].islower():
            return 0  # a paragraph's continuation on a wrapped line
        headlines += 1
        index -= 1
    above = lines[index].text
    finished = is_prose(above) and above.rstrip(CLOSERS).endswith(PROSE_END)
    credit = is_credit_line(above) and not is_prose(above)
    if headlines == 0 or index <= first or not (finished or credit):
        return 0
    # A page cut off mid-paragraph ends in a short line too: a run at the page's very end
    # needs chrome over or under it, or several headlines, to be a list.
    if last == len(lines) - 1 and headlines < _MIN_TAIL_HEADLINES and not marked:
        return 0
    return index + 1


# A numbered or bulleted item of a list ("1. Headline", "2) Headline", "- Headline"), not
# the page's headline.
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[-–•·▪►*])\s")
