"""derive_text: the search/alignment form; and that importing the package loads no model."""

from __future__ import annotations

import json
import subprocess
import sys

from archive.analysis import derive_text


def test_full_width_zero_width_and_nfc() -> None:
    assert "ABC 123 café" == derive_text("ＡＢＣ\u200b １２３ cafe\u0301\ufeff")


def test_burmese_sign_order_is_normalised() -> None:
    # ု typed before ိ, and ့ typed before ံ: both come out in storage order.
    assert ["ကို", "ကုံ့", "ကျွန်ုပ်"] == [
        derive_text("က\u102f\u102d"),
        derive_text("က\u1037\u1036\u102f"),
        derive_text("ကျွန်ုပ်"),
    ]


def test_zawgyi_becomes_unicode_only_where_detected() -> None:
    zawgyi = "ေ၀လအမ်ိဳးသားညီလာခံ ကိုယ္စားလွယ္မ်ားသည္ စိုးရိမ္ခဲ့ၾကသည္။"
    assert "ဝေလအမျိုးသားညီလာခံ ကိုယ်စားလှယ်များသည် စိုးရိမ်ခဲ့ကြသည်။" == derive_text(zawgyi)
    assert "မြန်မာ" == derive_text("မြန်မာ")


def test_importing_analysis_loads_no_model() -> None:
    code = "import archive.analysis, sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert [] == sorted(
        m for m in loaded if m.split(".")[0] in ("langdetect", "myanmartools", "hanzidentifier")
    )


def test_to_json_shape() -> None:
    from archive.analysis import analyze_text

    text = "Hello there, my friend. How are you today?"
    assert {
        "language": "en",
        "script": "Latn",
        "encoding": "unicode",
        "confidence": analyze_text(text).confidence,
        "reliable": True,
        "paragraphs": [
            {
                "start": 0,
                "end": 42,
                "encoding": "unicode",
                "sentences": [
                    {"start": 0, "end": 23, "language": "en"},
                    {"start": 24, "end": 42, "language": "en"},
                ],
            }
        ],
    } == analyze_text(text).to_json()


def test_burmese_lookalike_digits_become_letters_in_words_only() -> None:
    from archive.analysis.normalize import fix_burmese_lookalikes

    assert "ဝန်ကြီး" == fix_burmese_lookalikes("၀န်ကြီး")  # minister, typed with digit zero
    assert "၎င်း" == fix_burmese_lookalikes("၄င်း")
    assert "၁၀ ဦး" == fix_burmese_lookalikes("၁၀ ဦး")  # ten people: a number stays a number
    assert "၄၅၃ ဦး" == fix_burmese_lookalikes("၄၅၃ ဦး")
    assert "ဇူလိုင် ၂၆" == fix_burmese_lookalikes("ဇူလိုင် ၂၆")
    assert "တပ်မတော် ၀" == fix_burmese_lookalikes("တပ်မတော် ၀")


def test_derived_zawgyi_has_no_false_zero() -> None:
    zawgyi = "ေ၀လအမ်ိဳးသားညီလာခံ"
    assert "\u1040" not in derive_text(zawgyi)
