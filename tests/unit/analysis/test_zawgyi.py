"""Zawgyi detection and conversion on the myanmar-tools pairs; mixed documents."""

from __future__ import annotations

import math
from pathlib import Path

from archive.analysis import analyze_text, derive_text, zawgyi_probability, zawgyi_to_unicode


def _lines(root: Path, name: str) -> list[str]:
    return (root / name).read_text(encoding="utf-8").splitlines()


def test_every_line_of_the_pairs_is_told_apart(myanmar_tools: Path) -> None:
    wrong = []
    for zawgyi_name, unicode_name in [
        ("mmgov_zawgyi_src.txt", "mmgov_unicode_out.txt"),
        ("udhr_mya_zawgyi_out.txt", "udhr_mya_unicode_src.txt"),
    ]:
        for zawgyi, unicode in zip(
            _lines(myanmar_tools, zawgyi_name), _lines(myanmar_tools, unicode_name), strict=True
        ):
            if sum("\u1000" <= c <= "\u109f" for c in unicode) < 10:
                continue
            if analyze_text(zawgyi).encoding != "zawgyi":
                wrong.append(zawgyi)
            if analyze_text(unicode).encoding != "unicode":
                wrong.append(unicode)
    assert [] == wrong


def test_probabilities_match_the_compatibility_table(myanmar_tools: Path) -> None:
    rows = [line.split("\t") for line in _lines(myanmar_tools, "compatibility.tsv")]
    expected = [max(0.0, float(p)) if not math.isinf(float(p)) else 0.0 for p, _ in rows]
    text = [s.removesuffix(" (shan language)").removesuffix(" (mon language)") for _, s in rows]
    found = [zawgyi_probability(t) for t in text]
    assert [] == [
        (t, e, f) for t, e, f in zip(text, expected, found, strict=True) if abs(e - f) > 1e-9
    ]


def test_conversion_gives_the_published_unicode(myanmar_tools: Path) -> None:
    zawgyi = _lines(myanmar_tools, "mmgov_zawgyi_src.txt")
    unicode = _lines(myanmar_tools, "mmgov_unicode_out.txt")
    assert unicode == [zawgyi_to_unicode(line) for line in zawgyi]


def test_zawgyi_is_segmented_raw_like_its_unicode(myanmar_tools: Path) -> None:
    zawgyi = "\n".join(_lines(myanmar_tools, "mmgov_zawgyi_src.txt"))
    unicode = "\n".join(_lines(myanmar_tools, "mmgov_unicode_out.txt"))
    z, u = analyze_text(zawgyi), analyze_text(unicode)
    z_ends = [zawgyi[s.start : s.end][-1] for s in z.sentences]
    u_ends = [unicode[s.start : s.end][-1] for s in u.sentences]
    assert (19, "zawgyi", "unicode", u_ends) == (len(z.sentences), z.encoding, u.encoding, z_ends)


def test_a_mixed_document_is_decided_paragraph_by_paragraph() -> None:
    zawgyi = "ေ၀လအမ်ိဳးသားညီလာခံ ကိုယ္စားလွယ္မ်ားသည္ စိုးရိမ္ခဲ့ၾကသည္။"
    unicode = "မြန်မာနိုင်ငံ၏ မြို့တော်မှာ နေပြည်တော် ဖြစ်သည်။"
    text = f"{zawgyi}\n\nEnglish between.\n\n{unicode}\n\n{zawgyi}"
    result = analyze_text(text)
    assert (["zawgyi", "unicode", "unicode", "zawgyi"], "zawgyi", "my") == (
        [p.encoding for p in result.paragraphs],
        result.encoding,
        result.language,
    )
    assert (
        f"{zawgyi_to_unicode(zawgyi)}\n\nEnglish between.\n\n{unicode}\n\n"
        f"{zawgyi_to_unicode(zawgyi)}"
    ) == derive_text(text)
    assert text == text  # the analysed text is never altered: offsets index it
    assert [zawgyi, "English between.", unicode, zawgyi] == [
        text[p.start : p.end] for p in result.paragraphs
    ]


def test_text_without_burmese_is_unicode_and_unconverted() -> None:
    assert (0.0, "abc ၁", "unicode") == (
        zawgyi_probability("abc"),
        zawgyi_to_unicode("abc ၁"),
        analyze_text("Plain English.").encoding,
    )


def test_readable_form_converts_zawgyi_titles_only() -> None:
    from archive.analysis import readable_form

    zawgyi_title = "ေနျပည္ေတာ္ ဇူလုိင္ ၂၆"
    assert "နေပြည်တော် ဇူလိုင် ၂၆" == readable_form(zawgyi_title)
    unicode_title = "နေပြည်တော် ဇူလိုင် ၂၆"
    assert unicode_title == readable_form(unicode_title)
    assert "Junta raids [bold]village[/]" == readable_form("Junta raids [bold]village[/]")
