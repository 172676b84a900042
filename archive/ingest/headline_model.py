"""A learned headline chooser: which line above a story's lead is its headline.

The header walk in ``textpage`` and :func:`headlines.headline_above_lead` pick a title by
rule. On pages nobody wrote rules for, they take a skip link, a site's motto, another
story's headline or a name line. This model ranks every *candidate* instead — the lines
from the page's top down to the story's lead (capped), and the rule's own pick — by
structure: a line's weight and ending, its letters (capitals, digits, the page's main
script), what the existing predicates say of it, how far it stands from the lead and what
stands beside it, and whether the page shows it again (a breadcrumb's end, a share line, a
copy in the story, the lead's opening). No word lists, no tokens: the features are the same
for every language and site. A logistic regression (``archive/ingest/logistic.py``) weighs
them, trained on the benchmark pages' gold (``benchmarks/train_headline_model.py``).

:func:`choose_headline` is what the page reader calls: the best candidate replaces the
rule's pick only when it is likely and clearly likelier; a page where no candidate reaches
a floor, or whose pick a second model (the *keeper*, :func:`keep_features`) doubts, gets no
headline (the archive derives a marked one from the lead). The lead itself is never a
candidate; a title-shaped line just under it is, when a paragraph follows it closely (the
first paragraph was a deck or a pinned teaser, not the lead): the story then starts under
the chosen line.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from archive.ingest.addresses import holds_web_address
from archive.ingest.bylines import is_credit_line
from archive.ingest.dates import date_line
from archive.ingest.furniture import (
    BREADCRUMB,
    is_byline,
    is_chrome,
    is_furniture,
    is_navigation,
    is_site_name,
    is_ui_notice,
)
from archive.ingest.gluedlines import is_newsroom_dateline
from archive.ingest.headline_shapes import (
    bar_ended,
    caption_shaped,
    correspondent_line,
    counter_label,
    digit_run,
    glued_icon_names,
    is_ad_label,
    is_numbered,
    is_skip_link,
    khmer_calendar_date,
    long_menu_row,
    menu_items,
    paragraph_shaped,
    truncated_stem,
    uniform_tokens,
    word_overlap,
    yearless_dateline,
)
from archive.ingest.headlines import (
    in_menu,
    is_aside,
    is_echoed,
    is_label,
    is_shouted_label,
    looks_like_title,
    wrapped_lines,
)
from archive.ingest.korean_bylines import is_korean_row
from archive.ingest.linemodel import LineModel, furniture_probability, page_context
from archive.ingest.lineweight import line_weight
from archive.ingest.logistic import Logistic, logistic_columns
from archive.ingest.pagelines import (
    CLOSERS,
    PROSE_END,
    Line,
    fold_line,
    has_date,
    is_name_shaped,
    is_prose,
    is_substantial,
    letter_scripts,
    log_weight,
    same_text,
    similarity,
)

__all__ = [
    "HeadlineModel",
    "HeadlinePage",
    "candidate_features",
    "choose_headline",
    "headline_candidates",
    "headline_features",
    "headline_page",
    "is_candidate",
    "keep_features",
    "line_furniture",
    "load_headline_model",
    "never_headline",
    "symbol_ratio",
]

# Lines above the lead weighed as candidates: the nearest this many (a page's header and
# menus can be long; its headline is close to the lead).
MAX_CANDIDATES = 40
_MAX_CANDIDATE_WEIGHT = 300  # longer than this is a paragraph, never a headline
_ELLIPSIS = ("...", "…", "..")
_COLON_END = (":", "：")
_QUESTION_END = ("?", "？", "؟")
_LEAD_OPENING = 2.0  # the lead's opening compared with a line: twice the line's length
NEVER = 99.0  # an odds cut no candidate reaches: the odds rule is off
_STORY_OPENING_LINES = 3  # the lead and the lines right under it, a headline's words' echo
_MIN_MENU_ITEMS = 3


@dataclass(frozen=True, slots=True)
class HeadlinePage:
    """What the features of one candidate read of the page around it.

    Attributes:
        lead: The story's lead (its first paragraph), or ``len(lines)`` when the page has
            no paragraph.
        rule: The rules' headline (a line index), if they found one.
        candidates: The candidate lines, in page order.
        main_script: The script most of the story's letters are written in.
        counts: How often each line's text (case and spacing folded) is on the page.
        below_lead: The folded texts of the lines from the lead down (the story and what
            follows it).
        overlaps: Each candidate's share of words found in its story's opening
            (:func:`story_overlap`).
    """

    lead: int
    rule: int | None
    candidates: tuple[int, ...]
    main_script: str | None
    counts: dict[str, int]
    below_lead: frozenset[str]
    overlaps: dict[int, float] = field(default_factory=dict)


def find_lead(lines: Sequence[Line], story_first: int) -> int | None:
    """The story's lead: the first paragraph from the rules' story start down that is no
    list's bulleted item (a sidebar's "• Another story's sentence.") and no site notice (a
    cookie or privacy notice, a browser's prompt: ``is_ui_notice``); the first paragraph
    when every one is such."""
    paragraphs = [i for i in range(story_first, len(lines)) if is_prose(lines[i].text)]
    return next(
        (i for i in paragraphs if not _never_lead(lines[i].text)),
        paragraphs[0] if paragraphs else None,
    )


_BULLET = re.compile(r"^\s*[•▪◦‣●■►◆]")


def _never_lead(text: str) -> bool:
    """A paragraph that is never a story's lead: a bulleted list's item, a site's notice."""
    return _BULLET.match(text) is not None or is_ui_notice(text)


def headline_candidates(lines: Sequence[Line], lead: int, rule: int | None) -> list[int]:
    """The lines that may be the headline: above the lead (the nearest
    :data:`MAX_CANDIDATES`), more than a stray word and shorter than a paragraph, not a
    line of a hard-wrapped paragraph (``headlines.wrapped_lines``), with the
    rule's own pick, and the title-shaped lines just under the lead that a paragraph follows
    closely (:func:`_under_lead`)."""
    wrapped = wrapped_lines(list(lines[: lead + 1]))
    above = [
        index
        for index in range(lead)
        if is_substantial(lines[index].text)
        and line_weight(lines[index].text) <= _MAX_CANDIDATE_WEIGHT
        and index not in wrapped  # a line of a hard-wrapped paragraph
    ][-MAX_CANDIDATES:]
    if rule is not None and rule < lead and rule not in above:
        above = sorted([*above, rule])
    return [*above, *_under_lead(lines, lead)]


_UNDER_LEAD_LINES = 3  # how far under the lead a headline may stand
_STORY_AFTER_HEADLINE = 3  # ... with its story's first paragraph this close under it


def _under_lead(lines: Sequence[Line], lead: int) -> list[int]:
    """The title-shaped lines (not paragraphs) just under the lead with a paragraph a line
    or two under them: where the first paragraph is not the story's lead but a deck above
    the headline, another story's teaser pinned on top, a writer's note. Only where the
    line has a date or a byline under it, or the first paragraph is itself a byline: a
    subheading inside the story has the story going on under it. A line the page also
    shows over the lead is none (a photo's caption repeated under it)."""
    found = []
    above = {fold_line(line.text) for line in lines[:lead]}
    for index in range(lead + 1, min(lead + 1 + _UNDER_LEAD_LINES, len(lines))):
        text = lines[index].text
        if is_prose(text):
            break
        if (
            fold_line(text) not in above  # a copy of a line over the lead: a caption's echo
            and is_substantial(text)
            and line_weight(text) <= _MAX_CANDIDATE_WEIGHT
            and looks_like_title(text)
            and _lead_under(lines, index) is not None
            and (_credit_like(lines[lead].text) or _headline_furniture_under(lines, index))
        ):
            found.append(index)
    return found


def _headline_furniture_under(lines: Sequence[Line], index: int) -> bool:
    """Whether the line under line ``index`` is what stands under a headline: a date, a
    byline or credit line."""
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return bool(following) and (date_line(following) is not None or _credit_like(following))


def _lead_under(lines: Sequence[Line], index: int) -> int | None:
    """The first paragraph a few lines under line ``index``, if there is one."""
    return next(
        (
            i
            for i in range(index + 1, min(index + 1 + _STORY_AFTER_HEADLINE, len(lines)))
            if is_prose(lines[i].text)
        ),
        None,
    )


def headline_page(lines: Sequence[Line], lead: int, rule: int | None) -> HeadlinePage:
    """The page-level facts the candidates' features read."""
    story_text = "".join(line.text for line in lines[lead : lead + 40])
    scripts = letter_scripts(story_text)
    candidates = tuple(headline_candidates(lines, lead, rule))
    return HeadlinePage(
        lead=lead,
        rule=rule,
        candidates=candidates,
        main_script=scripts.most_common(1)[0][0] if scripts else None,
        counts=dict(Counter(fold_line(line.text) for line in lines)),
        below_lead=frozenset(fold_line(line.text) for line in lines[lead:]),
        overlaps={index: story_overlap(lines, index, lead) for index in candidates},
    )


def _own_lead(lines: Sequence[Line], index: int, lead: int) -> int:
    """The lead a candidate heads: the page's, or for a line under it the paragraph under
    the line (:func:`_under_lead`)."""
    if index < lead:
        return lead
    return _lead_under(lines, index) or len(lines)


def story_overlap(lines: Sequence[Line], index: int, lead: int) -> float:
    """The share of line ``index``'s words found in the opening of the story it heads."""
    own = _own_lead(lines, index, lead)
    opening = " ".join(line.text for line in lines[own : own + _STORY_OPENING_LINES])
    return word_overlap(lines[index].text, opening)


def line_furniture(
    lines: Sequence[Line], indices: Sequence[int], *, line_model: LineModel | None = None
) -> dict[int, float]:
    """The line model's furniture probability of each line in ``indices`` (the shipped
    model by default). The line model weighs story lines; here the whole page is its story,
    so a header line is read among everything around it (menus above, the story below)."""
    context = page_context(lines, range(len(lines)), title=None)
    return {index: furniture_probability(lines, index, context, line_model) for index in indices}


def _ends(text: str, marks: tuple[str, ...]) -> float:
    return float(text.rstrip(CLOSERS).endswith(marks))


def _credit_like(text: str) -> bool:
    return is_byline(text) or is_credit_line(text) or is_name_shaped(text)


def headline_features(lines: Sequence[Line], index: int, page: HeadlinePage) -> dict[str, float]:
    """Structural, language-independent features of candidate line ``index``.

    The names and their order are the model's: the shipped weights are checked against them.
    """
    text = lines[index].text
    letters = [char for char in text if char.isalpha()]
    cased = [char for char in letters if char.isupper() or char.islower()]
    scripts = letter_scripts(text)
    in_scripts = sum(scripts.values())
    weight = line_weight(text)
    features = {
        "log_weight": log_weight(text),
        "log_words": math.log1p(len(text.split())),
        "sentence_end": _ends(text, PROSE_END),
        "ellipsis_end": _ends(text, _ELLIPSIS),
        "colon_end": _ends(text, _COLON_END),
        "question_end": _ends(text, _QUESTION_END),
        "capital_ratio": sum(c.isupper() for c in cased) / len(cased) if cased else 0.0,
        "digit_ratio": sum(c.isdigit() for c in text) / max(1, len(text)),
        "letter_ratio": len(letters) / max(1, len(text)),
        "main_script": (
            scripts.get(page.main_script, 0) / in_scripts
            if in_scripts and page.main_script is not None
            else 0.0
        ),
        "looks_like_title": float(looks_like_title(text)),
        "is_navigation": float(is_navigation(text) or BREADCRUMB.match(text) is not None),
        "is_chrome": float(is_chrome(text)),
        "is_furniture": float(is_furniture(text)),
        "is_ui_notice": float(is_ui_notice(text)),
        "is_site_name": float(is_site_name(text)),
        "is_credit": float(is_byline(text) or is_credit_line(text)),
        "is_name_shaped": float(is_name_shaped(text)),
        "is_aside": float(is_aside(text)),
        "is_shouted_label": float(is_shouted_label(text)),
        "is_label": float(is_label(text)),
        "is_prose": float(is_prose(text)),
        "has_date": float(has_date(text) or date_line(text) is not None),
        "in_menu": float(in_menu(list(lines), index)),
    }
    under = index > page.lead  # a candidate under the first paragraph: its own lead is lower
    lead = _own_lead(lines, index, page.lead)
    between = range(index + 1, min(lead, len(lines)))
    content_between = [
        i for i in between if not (is_chrome(lines[i].text) or date_line(lines[i].text))
    ]
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    previous = lines[index - 1].text if index > 0 else ""
    features |= {
        "log_to_lead": math.log1p(lead - index),
        "log_content_to_lead": math.log1p(len(content_between)),
        "relative_position": index / max(1, lead),
        "next_is_lead": float(index + 1 == lead),
        "next_is_date": float(bool(following) and date_line(following) is not None),
        "next_is_credit": float(bool(following) and _credit_like(following)),
        "next_is_title_shaped": float(bool(following) and looks_like_title(following)),
        "prev_is_chrome": float(bool(previous) and is_chrome(previous)),
        "prev_is_title_shaped": float(bool(previous) and looks_like_title(previous)),
        "page_top": float(index == 0),
    }
    folded = fold_line(text)
    lead_text = lines[lead].text if lead < len(lines) else ""
    opening = lead_text[: int(len(text) * _LEAD_OPENING) + 1]
    features |= {
        "echoed": float(is_echoed(list(lines), index)),
        "repeated": float(page.counts.get(folded, 0) > 1),
        "in_story": float(
            any(fold_line(line.text) == folded for line in lines[lead:])
            if under
            else folded in page.below_lead
        ),
        "lead_similarity": similarity(text, opening) if opening else 0.0,
        "shown_in_breadcrumb": float(
            any(
                BREADCRUMB.match(lines[i].text) and lines[i].text.endswith(text)
                for i in range(max(0, index - 5), index)
            )
        ),
    }
    weights = sorted(
        (line_weight(lines[i].text) for i in page.candidates if looks_like_title(lines[i].text)),
        reverse=True,
    )
    lead_weight = line_weight(lead_text) if lead_text else 0
    features |= {
        "weight_vs_lead": math.log1p(weight) - math.log1p(lead_weight),
        "weight_rank": (
            sum(other > weight for other in weights) / len(weights) if weights else 1.0
        ),
        "heaviest_title": float(bool(weights) and looks_like_title(text) and weight == weights[0]),
    }
    # A line holding another candidate whole (a breadcrumb or byline glued to a headline),
    # or held whole in another (the headline such a line repeats).
    others = [lines[i].text for i in page.candidates if i != index]
    features |= {
        "holds_other": float(
            any(
                len(other) < len(text) and fold_line(other) in folded
                for other in others
                if is_substantial(other)
            )
        ),
        "held_in_other": float(
            any(len(other) > len(text) and folded in fold_line(other) for other in others)
        ),
        "same_as_other": float(any(same_text(other, text) for other in others)),
    }
    features |= _furniture_shapes(lines, index, page)
    return features


def _furniture_shapes(lines: Sequence[Line], index: int, page: HeadlinePage) -> dict[str, float]:
    """The shapes of the lines unseen pages put where a headline stands (see
    ``headline_shapes``): a menu row, a numbered link, a phone number, a caption with its
    photo's credit, a teaser cut short of a line shown whole; the line's words in the
    opening of the story it heads."""
    text = lines[index].text
    stem = truncated_stem(text)
    folded_stem = fold_line(stem) if stem else None
    return {
        "menu_row": float(menu_items(text) >= _MIN_MENU_ITEMS),
        "uniform_tokens": uniform_tokens(text),
        "numbered": float(is_numbered(text)),
        "log_digit_run": math.log1p(digit_run(text)),
        "caption_shaped": float(caption_shaped(text)),
        "cut_of_other": float(
            folded_stem is not None
            and any(
                i != index and fold_line(lines[i].text).startswith(folded_stem)
                for i in range(len(lines))
            )
        ),
        "lead_overlap": page.overlaps.get(index, 0.0),
    }


@dataclass(frozen=True, slots=True)
class HeadlineModel(Logistic):
    """The headline model: a :class:`Logistic` over :func:`headline_features`, with the
    thresholds that decide the headline.

    Attributes:
        threshold: The best candidate replaces the rule's pick when its probability is at
            least this ...
        margin: ... and beats the rule's pick's by at least this.
        floor: When no candidate (the rule's pick included) reaches this, the page shows
            no headline.
        adopt: Where the rules found no headline, the best candidate is taken when its
            probability is at least this.
        keeper: The second model: whether the chosen line is the page's headline at all
            (a :class:`Logistic` over :func:`keep_features`), or None to keep every choice.
        keep: The chosen line is kept as the headline when the keeper's probability is at
            least this; below it the page shows no headline.
        odds: The best candidate also replaces the rule's pick when its log-odds beat the
            pick's by at least this ...
        least: ... and its probability is at least this (a pick the model finds far less
            likely than a line it only half believes: a menu row against the headline).
    """

    threshold: float
    margin: float
    floor: float
    adopt: float
    keeper: Logistic | None = None
    keep: float = 0.0
    odds: float = NEVER
    least: float = 1.0

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            **self.columns_json(),
            "threshold": self.threshold,
            "margin": self.margin,
            "floor": self.floor,
            "adopt": self.adopt,
            "odds": self.odds,
            "least": self.least,
        }
        if self.keeper is not None:
            data["keeper"] = {**self.keeper.columns_json(), "keep": self.keep}
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> HeadlineModel:
        """A model from its JSON form; a ValueError names what is missing or mismatched."""
        columns = logistic_columns(data, "headline model")
        try:
            cuts = [float(data[key]) for key in ("threshold", "margin", "floor", "adopt")]  # type: ignore[arg-type]
            # the odds rule's cuts: off in a model written before it
            cuts += [float(data.get(key, off)) for key, off in (("odds", NEVER), ("least", 1.0))]  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"headline model: malformed weights ({error})") from error
        keeper, keep = None, 0.0
        if (kept := data.get("keeper")) is not None:
            if not isinstance(kept, dict):
                raise ValueError("headline model: malformed keeper (not an object)")
            keeper = logistic_columns(kept, "headline keeper")
            try:
                keep = float(kept["keep"])
            except (KeyError, TypeError, ValueError) as error:
                raise ValueError(f"headline keeper: malformed cut ({error})") from error
        return cls(
            columns.names,
            columns.means,
            columns.scales,
            columns.weights,
            columns.bias,
            threshold=cuts[0],
            margin=cuts[1],
            floor=cuts[2],
            adopt=cuts[3],
            keeper=keeper,
            keep=keep,
            odds=cuts[4],
            least=cuts[5],
        )


_MODEL_FILE = "headline_model.json"


@functools.cache
def load_headline_model() -> HeadlineModel:
    """The shipped model (``archive/ingest/data/headline_model.json``), read once."""
    data = resources.files("archive.ingest").joinpath("data", _MODEL_FILE).read_text("utf-8")
    return HeadlineModel.from_json(json.loads(data))


_MAX_BYLINE_TAIL_WORDS = 6


def byline_shaped(text: str) -> bool:
    """A credit's shape: a byline or credit line, a bare name, or a name then a comma and a
    few words ("NAME, The Outlet"): the model never takes it for the headline (the rules
    still may)."""
    head, comma, tail = text.partition(",")
    return (
        is_byline(text)
        or is_credit_line(text)
        or is_name_shaped(text)
        or bool(comma and is_name_shaped(head) and len(tail.split()) <= _MAX_BYLINE_TAIL_WORDS)
    )


def never_headline(text: str) -> bool:
    """A line that is never a page's headline, whoever picks it: a dateline on a line of its
    own ("PLACE, MONTH DAY", "Our correspondent, PLACE"), a photo's caption, a skip link, a
    row's item cut at its separator bar ("NAME |"), a control's counter ("COMMENTS (7)"),
    an icon font's names glued together ("ChevronIcon FacebookIcon …"), an advertisement's
    label, a menu of five short items or more, a paragraph of three sentences, a date of the
    Khmer calendar alone on its line (``headline_shapes``), a newsroom's dateline naming its
    reporter ("(서울=연합뉴스) NAME 기자 =", "新华社PLACE DATE电(记者 NAME)": a byline
    ``gluedlines`` split off the lead), a line holding a web address (a feed's channel line,
    a site's head: "Section - Outlet http://…"), a Korean article's byline row ("NAME 기자 입력
    DATE", "NAME기자 구독": ``korean_bylines.is_korean_row``).
    Over every development set's candidates these shapes are never gold's headline; on
    pages that show none the rules took them for one."""
    return (
        yearless_dateline(text)
        or correspondent_line(text)
        or caption_shaped(text)
        or is_skip_link(text)
        or bar_ended(text)
        or counter_label(text)
        or glued_icon_names(text)
        or is_ad_label(text)
        or long_menu_row(text)
        or paragraph_shaped(text)
        or khmer_calendar_date(text)
        or is_newsroom_dateline(text)
        or holds_web_address(text)
        or is_korean_row(text)
    )


def unless_never(lines: Sequence[Line], index: int | None) -> int | None:
    """Line ``index``, or None when it is a line that is never a headline
    (:func:`never_headline`): a rules' pick so shaped leaves the page with no headline
    unless the model finds one."""
    if index is not None and never_headline(lines[index].text):
        return None
    return index


def is_candidate(lines: Sequence[Line], index: int, rule: int | None) -> bool:
    """Whether the model weighs line ``index``: never a line that is never a headline, nor
    a byline-shaped line other than the rules' pick."""
    text = lines[index].text
    return not never_headline(text) and (index == rule or not byline_shaped(text))


def candidate_features(lines: Sequence[Line], page: HeadlinePage) -> dict[int, dict[str, float]]:
    """Every candidate's features (see :func:`is_candidate`)."""
    return {
        index: headline_features(lines, index, page)
        for index in page.candidates
        if is_candidate(lines, index, page.rule)
    }


def candidate_probabilities(
    lines: Sequence[Line], page: HeadlinePage, model: HeadlineModel
) -> dict[int, float]:
    """Every candidate's probability of being the headline (see :func:`candidate_features`)."""
    return {
        index: model.probability(features)
        for index, features in candidate_features(lines, page).items()
    }


def decide(
    probabilities: dict[int, float],
    rule: int | None,
    *,
    threshold: float,
    margin: float,
    floor: float,
    adopt: float,
    odds: float = NEVER,
    least: float = 1.0,
) -> int | None:
    """The headline from the candidates' probabilities (see :class:`HeadlineModel`); the
    likeliest candidate, the nearer the lead on a tie."""
    if not probabilities:
        return rule
    best = max(probabilities, key=lambda index: (probabilities[index], index))
    top = probabilities[best]
    if rule is None:
        return best if top >= adopt else None
    if top < floor:
        return None
    if best == rule:
        return rule
    against = probabilities.get(rule, 0.0)
    if top >= threshold and top - against >= margin:
        return best
    if top >= least and _logit(top) - _logit(against) >= odds:
        return best  # the rules' pick is far less likely than a line the model likes
    return rule


_MAX_LOGIT = 12.0


def _logit(probability: float) -> float:
    if probability <= 0.0:
        return -_MAX_LOGIT
    if probability >= 1.0:
        return _MAX_LOGIT
    return max(-_MAX_LOGIT, min(_MAX_LOGIT, math.log(probability / (1.0 - probability))))


def symbol_ratio(text: str) -> float:
    """The share of a line's characters that are neither letters, digits nor spaces (a
    widget's marks, a forum's watermark, a row of links)."""
    return sum(not (char.isalnum() or char.isspace()) for char in text) / max(1, len(text))


def keep_features(
    lines: Sequence[Line],
    chosen: int,
    rule: int | None,
    probabilities: dict[int, float],
    *,
    furniture: float,
) -> dict[str, float]:
    """What the keeper weighs of a page whose chooser picked line ``chosen``: how sure and
    how clearly ahead the pick is, whether it is the rules' pick, and its shape: the line
    model's ``furniture`` probability of it and its share of symbols. Few features: the pages
    that show no headline are few, and a richer keeper learned the sets, not the pattern.

    The names and their order are the keeper's: the shipped weights are checked against them.
    """
    top = probabilities.get(chosen, 0.0)
    others = [value for index, value in probabilities.items() if index != chosen]
    return {
        "chosen_logit": _logit(top),
        "margin": top - max(others, default=0.0),
        "is_rule": float(chosen == rule),
        "furniture": furniture,
        "symbol_ratio": symbol_ratio(lines[chosen].text),
    }


def choose_headline(
    lines: Sequence[Line],
    rule: int | None,
    story_first: int,
    *,
    model: HeadlineModel | None = None,
    line_model: LineModel | None = None,
) -> int | None:
    """The headline's line: the rule's pick (``rule``), another candidate the model finds
    clearly likelier, or None when the page shows none (no candidate likely enough, the
    keeper doubts the pick, or the rules' pick is a dateline or a caption no candidate
    replaces: :func:`unless_never`). Above the story's lead, or just under it when that paragraph is
    no lead (:func:`headline_candidates`); a page with no paragraph keeps the rule's pick
    (unless it is never a headline)."""
    lead = find_lead(lines, story_first)
    if lead is None:
        return unless_never(lines, rule)
    model = model or load_headline_model()
    page = headline_page(lines, lead, rule)
    probabilities = candidate_probabilities(lines, page, model)
    chosen = decide(
        probabilities,
        rule,
        threshold=model.threshold,
        margin=model.margin,
        floor=model.floor,
        adopt=model.adopt,
        odds=model.odds,
        least=model.least,
    )
    # the rules' pick, when it is a dateline or a caption, weighs as a line the model gives
    # nothing: a candidate likely enough replaces it, else the page shows none
    chosen = unless_never(lines, chosen)
    if chosen is None or model.keeper is None or chosen not in probabilities:
        return chosen
    furniture = line_furniture(lines, [chosen], line_model=line_model)[chosen]
    row = keep_features(lines, chosen, rule, probabilities, furniture=furniture)
    return chosen if model.keeper.probability(row) >= model.keep else None
