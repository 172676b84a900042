"""Round 12's headline convention: Khmer closes a statement with the khan ("។"), so a Khmer
line that ends with an exclamation or a question and has no khan in it is a headline's cry,
not the story's first paragraph, however long it runs in code points."""

from __future__ import annotations

from archive.ingest.pagelines import is_khmer_cry, is_prose
from archive.ingest.textpage import parse_text_page

_CRY = "រដ្ឋបាលខេត្ត បានអំពាវនាវជាលើកទី៣ ឱ្យពលរដ្ឋដែលលាក់ខ្លួនក្នុងព្រៃ ត្រលប់មកភូមិវិញ ដោយអាជ្ញាធរនឹងពុំយកទោសឡើយ!"
_LEAD = (
    "រដ្ឋបាលខេត្ត បានចេញសេចក្ដីប្រកាសព័ត៌មាន ពាក់ព័ន្ធនឹងការចុះផ្សាយព័ត៌មានថ្មីៗនេះ "
    "ដោយភ្ជាប់ជាមួយរូបភាពចាស់ៗ និងកិច្ចសម្ភាសន៍ជាមួយក្រុមប្រជាពលរដ្ឋ។"
)
_MORE = "អាជ្ញាធរបានអំពាវនាវឱ្យប្រជាពលរដ្ឋទាំងអស់ត្រលប់មកភូមិវិញ ដើម្បីទទួលបានការថែទាំសុខភាព។"


def test_a_khmer_line_crying_out_with_no_khan_is_a_headline() -> None:
    assert is_khmer_cry(_CRY)
    assert not is_prose(_CRY)
    assert is_khmer_cry("តើគួរចាត់វិធានការយ៉ាងណា ឆ្លើយតបនឹងការផ្សព្វផ្សាយអវិជ្ជមានអំពីប្រទេសកម្ពុជា?")


def test_the_headline_is_read_over_its_story() -> None:
    page = parse_text_page(f"{_CRY}\n\n{_LEAD}\n\n{_MORE}\n", language="km")
    assert page.title == _CRY


def test_a_khmer_paragraph_a_dateline_or_another_script_is_no_cry() -> None:
    # a khan inside: sentences, a paragraph that ends with a cry
    assert not is_khmer_cry("របាំប្រពៃណីមានច្រើនទម្រង់។ ក្នុងនោះមានរបាំកង្អោកដ៏ល្បីល្បាញ!")
    # a place's dateline opens a lead: "ភ្នំពេញ៖ …"
    assert not is_khmer_cry("ភ្នំពេញ៖ ករណីបង្ហោះផ្សាយថា ខេត្តចំនួនបួន គឺជាព័ត៌មានក្លែងក្លាយ!")
    assert not is_khmer_cry("This is an English sentence that ends with an exclamation mark!")
    assert is_prose(_LEAD)
