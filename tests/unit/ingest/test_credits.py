"""Tests for reading credit lines into provenance credits."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.identity.names import person_key
from archive.identity.services import resolve_service
from archive.ingest.credits import (
    CreditEntry,
    ParsedCredits,
    Role,
    looks_like_credit_line,
    parse_credit_line,
)

SEED_LINE = (
    "\u00a0Reported by RFA’s Myanmar Service. Translated by Khin Maung Nyane. "
    "Written in English by Eugene Whong."
)
COPYRIGHT = (
    " Copyright © 1998-2021, RFA. Used with the permission of Radio Free Asia, "
    "2025 M St. NW, Suite 300, Washington DC 20036."
)


def triples(parsed: ParsedCredits) -> list[tuple[str, str, str]]:
    """The (role, name, kind) of each entry, in order."""
    return [(e.role, e.name, e.kind) for e in parsed.entries]


def test_seed_credit_line() -> None:
    parsed = parse_credit_line(SEED_LINE)
    assert (
        ParsedCredits(
            entries=(
                CreditEntry(
                    "reporter",
                    "RFA Myanmar Service",
                    "service",
                    "rfa-myanmar",
                    "Reported by RFA’s Myanmar Service.",
                ),
                CreditEntry(
                    "translator",
                    "Khin Maung Nyane",
                    "person",
                    None,
                    "Translated by Khin Maung Nyane.",
                ),
                CreditEntry(
                    "writer", "Eugene Whong", "person", None, "Written in English by Eugene Whong."
                ),
            ),
            service_key="rfa-myanmar",
            raw=SEED_LINE,
        )
        == parsed
    )
    assert looks_like_credit_line(SEED_LINE)


VARIANTS: list[tuple[str, list[tuple[str, str, str]], str | None]] = [
    (
        "Reported by Samean Yun for RFA's Khmer Service. Written in English by Joshua Lipes.",
        [("reporter", "Samean Yun", "person"), ("writer", "Joshua Lipes", "person")],
        "rfa-khmer",
    ),
    (
        "Reported for RFA’s Lao Service by Ounkeo Souksavanh. Edited by Paul Eckert.",
        [("reporter", "Ounkeo Souksavanh", "person"), ("editor", "Paul Eckert", "person")],
        "rfa-lao",
    ),
    (
        "Reported by RFA Khmer. Translated by Nareth Muong. Written in English by Joshua Lipes.",
        [
            ("reporter", "RFA Khmer Service", "service"),
            ("translator", "Nareth Muong", "person"),
            ("writer", "Joshua Lipes", "person"),
        ],
        "rfa-khmer",
    ),
    (
        "Reported and translated by Lobsang Choephel. Written in English by Richard Finney.",
        [
            ("reporter", "Lobsang Choephel", "person"),
            ("translator", "Lobsang Choephel", "person"),
            ("writer", "Richard Finney", "person"),
        ],
        None,
    ),
    (
        "Reported by RFA's Uyghur Service. Translated and written in English by Alim Seytoff.",
        [
            ("reporter", "RFA Uyghur Service", "service"),
            ("translator", "Alim Seytoff", "person"),
            ("writer", "Alim Seytoff", "person"),
        ],
        "rfa-uyghur",
    ),
    ("Written by Joshua Lipes", [("writer", "Joshua Lipes", "person")], None),
    (
        "Edited by Paul Eckert and Malcolm Foster.",
        [("editor", "Paul Eckert", "person"), ("editor", "Malcolm Foster", "person")],
        None,
    ),
    (
        "Written by Claire S. Lee. Additional reporting by Jieun Kim & Hyemin Son.",
        [
            ("writer", "Claire S. Lee", "person"),
            ("contributor", "Jieun Kim", "person"),
            ("contributor", "Hyemin Son", "person"),
        ],
        None,
    ),
    (
        "Written in English by Roseanne Gerin, with reporting by Shohret Hoshur.",
        [("writer", "Roseanne Gerin", "person"), ("contributor", "Shohret Hoshur", "person")],
        None,
    ),
    (
        "Contributed by Nguyễn Văn Đức, Trần Thị Hà, and Phạm Đoan Trang.",
        [
            ("contributor", "Nguyễn Văn Đức", "person"),
            ("contributor", "Trần Thị Hà", "person"),
            ("contributor", "Phạm Đoan Trang", "person"),
        ],
        None,
    ),
    (
        "Reported by Sok Ry Sum and RFA's Lao Service. Written in English by Joshua L.",
        [
            ("reporter", "Sok Ry Sum", "person"),
            ("reporter", "RFA Lao Service", "service"),
            ("writer", "Joshua L.", "person"),
        ],
        "rfa-lao",
    ),
    (
        "Reported by Joshua L. Translated by Ma’ruf O'Brien-Khan.",
        [("reporter", "Joshua L.", "person"), ("translator", "Ma’ruf O'Brien-Khan", "person")],
        None,
    ),
    (
        "Reported by Qiao Long for RFA's Mandarin Service, and by Lau Siu-fung for the "
        "Cantonese Service. Translated and edited by Luisetta Mudie." + COPYRIGHT,
        [
            ("reporter", "Qiao Long", "person"),
            ("reporter", "Lau Siu-fung", "person"),
            ("translator", "Luisetta Mudie", "person"),
            ("editor", "Luisetta Mudie", "person"),
        ],
        "rfa-mandarin",
    ),
    (
        "Reported by Radio Free Asia’s Tibetan Service. Translated by Tenzin Dickyi." + COPYRIGHT,
        [("reporter", "RFA Tibetan Service", "service"), ("translator", "Tenzin Dickyi", "person")],
        "rfa-tibetan",
    ),
    (
        "Reported by RFA Burmese and translated by Khin Khin Ei.",
        [("reporter", "RFA Myanmar Service", "service"), ("translator", "Khin Khin Ei", "person")],
        "rfa-myanmar",
    ),
    (
        "Reported by Yang Sung-won, Jeong Yon Park, and Kim Ji-eun for RFA Korean. "
        "He filed from Seoul. Written in English by Leejin J. Chung.",
        [
            ("reporter", "Yang Sung-won", "person"),
            ("reporter", "Jeong Yon Park", "person"),
            ("reporter", "Kim Ji-eun", "person"),
            ("writer", "Leejin J. Chung", "person"),
        ],
        "rfa-korean",
    ),
    (
        "Reported by RFA’s Vietnamese Service.Translated by Anna Vu.",
        [
            ("reporter", "RFA Vietnamese Service", "service"),
            ("translator", "Anna Vu", "person"),
        ],
        "rfa-vietnamese",
    ),
]


@pytest.mark.parametrize(("line", "expected", "service"), VARIANTS)
def test_credit_line_variants(
    line: str, expected: list[tuple[str, str, str]], service: str | None
) -> None:
    parsed = parse_credit_line(line)
    assert expected == triples(parsed)
    assert service == parsed.service_key
    assert line == parsed.raw
    assert looks_like_credit_line(line)


def test_reporters_carry_the_service_they_reported_for() -> None:
    parsed = parse_credit_line(
        "Reported by Xin Lin and Wen Yuqing for RFA's Mandarin Service, and by Wong Siu-san "
        "for the Cantonese Service. Translated by Luisetta Mudie."
    )
    assert [
        ("Xin Lin", "rfa-mandarin"),
        ("Wen Yuqing", "rfa-mandarin"),
        ("Wong Siu-san", "rfa-cantonese"),
        ("Luisetta Mudie", None),
    ] == [(e.name, e.service_key) for e in parsed.entries]


def test_raw_is_the_sentence_each_credit_came_from() -> None:
    parsed = parse_credit_line("Reported by Joshua L. Translated by Max A.")
    assert ["Reported by Joshua L.", "Translated by Max A."] == [e.raw for e in parsed.entries]


def test_unknown_service_gets_a_key_that_merges() -> None:
    a = parse_credit_line("Reported by RFA's Thai Service.")
    b = parse_credit_line("Reported by RFA’s Thai service. Written by Joshua Lipes.")
    assert ("rfa-thai", "rfa-thai") == (a.service_key, b.service_key)
    assert ("reporter", "service") == (a.entries[0].role, a.entries[0].kind)


@pytest.mark.parametrize(
    "text",
    [
        "Reported by the state news agency, the attack killed 12 people.",
        "Written by a local poet, the song spread across the country.",
        "Around 450 soldiers and police in Myanmar have broken with the military junta.",
        "“They have to join the CDM,” the Myingyan resident said.",
        "Source link",
        "",
        "Reported by " + "Eugene Whong, " * 80,
    ],
)
def test_story_text_is_not_a_credit_line(text: str) -> None:
    assert not looks_like_credit_line(text)


def test_unknown_sentences_are_ignored() -> None:
    parsed = parse_credit_line("Photo: AFP. Reported by Kim Jieun. Thanks for reading!")
    assert [("reporter", "Kim Jieun", "person")] == triples(parsed)


# --- generated credit lines -------------------------------------------------------------

SYLLABLES = [
    "Khin", "Maung", "Nyane", "Eugene", "Whong", "Samean", "Yun", "Ounkeo", "Souksavanh",
    "Lobsang", "Choephel", "Tenzin", "Dickyi", "Shohret", "Hoshur", "Mamatjan", "Juma",
    "Gulchehra", "Hoja", "Jieun", "Kim", "Hyemin", "Son", "Qiao", "Long", "Nguyễn", "Văn",
    "Đức", "Thị", "Hà", "Lâm", "Trần", "Phạm", "Sangye", "Kyab", "Vanrith", "Sok", "Chea",
    "Siu-fung", "Jong-un", "Sung-won", "Ka-yi", "O'Brien", "O’Neil", "Ma'ruf", "Abdurehim",
    "Zhang", "Xin", "Dolkar", "Phuntsok", "Mai", "Lê", "Hồ", "Ây", "Bảo",
]  # fmt: skip
SERVICE_WORDS = {
    "rfa-myanmar": ["Myanmar", "Burmese"],
    "rfa-khmer": ["Khmer"],
    "rfa-lao": ["Lao"],
    "rfa-tibetan": ["Tibetan"],
    "rfa-uyghur": ["Uyghur", "Uighur"],
    "rfa-korean": ["Korean"],
    "rfa-vietnamese": ["Vietnamese"],
    "rfa-mandarin": ["Mandarin"],
    "rfa-cantonese": ["Cantonese"],
}
SERVICE_FORMS = [
    "RFA's {} Service",
    "RFA’s {} Service",
    "RFA {}",
    "Radio Free Asia's {} Service",
    "Radio Free Asia’s {} service",
    "the {} Service",
]
# Role phrases and the roles they give, in order.
ROLE_PHRASES: list[tuple[str, tuple[Role, ...]]] = [
    ("Reported by", ("reporter",)),
    ("Translated by", ("translator",)),
    ("Written by", ("writer",)),
    ("Written in English by", ("writer",)),
    ("Edited by", ("editor",)),
    ("Additional reporting by", ("contributor",)),
    ("With reporting by", ("contributor",)),
    ("With additional reporting by", ("contributor",)),
    ("Contributed by", ("contributor",)),
    ("Reported and translated by", ("reporter", "translator")),
    ("Translated and written in English by", ("translator", "writer")),
    ("Translated and edited by", ("translator", "editor")),
]


@dataclass(frozen=True)
class Item:
    """A generated person or service mention and what it should parse to."""

    text: str
    name: str
    kind: str
    service_key: str | None


@st.composite
def person_names(draw: st.DrawFn) -> str:
    """A name of 1–5 parts from the syllable pools, maybe with an initial."""
    parts = draw(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=4))
    if draw(st.booleans()):
        initial = draw(st.sampled_from("ABCDJKLMSTW")) + "."
        parts.insert(draw(st.integers(1, len(parts))), initial)
    return " ".join(parts)


@st.composite
def services(draw: st.DrawFn) -> tuple[str, str]:
    """A service mention and its registry key."""
    key = draw(st.sampled_from(sorted(SERVICE_WORDS)))
    word = draw(st.sampled_from(SERVICE_WORDS[key]))
    return draw(st.sampled_from(SERVICE_FORMS)).format(word), key


@st.composite
def items(draw: st.DrawFn, allow_services: bool) -> Item:
    """A person, or (sometimes) a service among the names."""
    if allow_services and draw(st.integers(0, 4)) == 0:
        text, key = draw(services())
        info = resolve_service(key)
        assert info is not None
        return Item(text, info.name, "service", key)
    name = draw(person_names())
    return Item(name, name, "person", None)


def join(names: list[str], style: str) -> str:
    """Join names the ways credit lines do."""
    if len(names) == 1:
        return names[0]
    if style == "and":
        return " and ".join(names)
    if style == "amp":
        return " & ".join(names)
    if style == "oxford":
        return ", ".join(names[:-1]) + ", and " + names[-1]
    return ", ".join(names[:-1]) + " and " + names[-1]


@st.composite
def clauses(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, str, str | None]]]:
    """One credit sentence and the entries it should give."""
    phrase, roles = draw(st.sampled_from(ROLE_PHRASES))
    with_service = roles == ("reporter",) and draw(st.booleans())
    members = draw(st.lists(items(not with_service), min_size=1, max_size=3))
    names = join(
        [m.text for m in members], draw(st.sampled_from(["and", "amp", "oxford", "commas"]))
    )
    for_key: str | None = None
    if with_service:
        service_text, for_key = draw(services())
        if draw(st.booleans()):
            sentence = f"{phrase} {names} for {service_text}."
        else:
            sentence = f"Reported for {service_text} by {names}."
    else:
        sentence = f"{phrase} {names}."
    expected: list[tuple[str, str, str, str | None]] = [
        (role, m.name, m.kind, m.service_key if m.kind == "service" else for_key)
        for role in roles
        for m in members
    ]
    return sentence, expected


@given(
    st.lists(clauses(), min_size=1, max_size=4),
    st.sampled_from(["", " ", "\u00a0 "]),
    st.booleans(),
)
def test_generated_credit_lines_parse_exactly(
    sentences: list[tuple[str, list[tuple[str, str, str, str | None]]]],
    lead: str,
    copyright_notice: bool,
) -> None:
    line = lead + " ".join(s for s, _ in sentences) + (COPYRIGHT if copyright_notice else "")
    expected = [entry for _, entries in sentences for entry in entries]
    parsed = parse_credit_line(line)
    assert expected == [(e.role, e.name, e.kind, e.service_key) for e in parsed.entries]
    reporter_keys = [k for role, _, _, k in expected if role == "reporter" and k]
    any_keys = [k for _, _, _, k in expected if k]
    assert next(iter(reporter_keys + any_keys), None) == parsed.service_key
    assert looks_like_credit_line(line)


@given(person_names(), st.sampled_from(["’", "'"]))
def test_people_merge_across_articles(name: str, apostrophe: str) -> None:
    a = parse_credit_line(f"Translated by {name}.")
    b = parse_credit_line(f"Reported by RFA Khmer. Written by {name.replace('’', apostrophe)}")
    assert person_key(a.entries[0].name) == person_key(b.entries[-1].name)


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    parsed = parse_credit_line(text)
    assert text == parsed.raw
    looks_like_credit_line(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "Reported",
                "by",
                "for",
                "and",
                "RFA",
                ".",
                ",",
                "&",
                "A.",
                "Kim",
                "with",
                "additional",
                "reporting",
                "Service",
                "’s",
                "\n",
                "©",
            ]
        ),
        max_size=40,
    )
)
def test_credit_like_noise_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    parse_credit_line(text)
    looks_like_credit_line(text)
