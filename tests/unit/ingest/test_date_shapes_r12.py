"""Round 12's date convention: a story that opens with a preposition and the day of what it
tells ("On 5 August 2020 at 13:00, a storm …", Lao "ໃນວັນທີ …", Khmer "នៅថ្ងៃទី …") gives the
event's day, not the day the story ran; Khmer and Lao "this DATE" ("…២០២១នេះ") is the report's
own day, and a place's dateline is read as before."""

from __future__ import annotations

import datetime

from archive.ingest.dates import event_opening
from archive.ingest.textpage import parse_text_page

_LAO_STORM = (
    "ໃນວັນທີ 05 ສິງຫາ 2020 ເວລາ: 13:00 ໂມງ ພາຍຸໄດ້ພັດຜ່ານເຂົ້າບ້ານ ເຮັດໃຫ້ເສົາໄຟຟ້າລົ້ມ\n"
    "ເກີດມີດີນເຈື່ອນ ເຮັດໃຫ້ລະບົບຕາຂ່າຍໄຟຟ້າ ແລະ ອຸປະກອນໄຟຟ້າເປ່ເພ ເຮັດໃຫ້ປະຊາຊົນຫຼາຍບ້ານ "
    "ບໍ່ມີໄຟຟ້າໃຊ້ ເປັນເວລາຫຼາຍຊົ່ວໂມງ ກ່ອນທີ່ພະນັກງານຈະແກ້ໄຂສຳເລັດ.\n"
    "ປັດຈຸບັນ ທາງສູນບໍລິການໄຟຟ້າເມືອງ ໄດ້ສົ່ງພະນັກງານລົງແກ້ໄຂ ແລະ ສ້ອມແປງ ເພື່ອໃຫ້ປະຊາຊົນ "
    "ມີໄຟຟ້າໃຊ້ຄືເກົ່າ ໂດຍໄວ.\n"
)
_LAO_RANGE = (
    "ໃນລະຫວ່າງວັນທີ 17-19 ຕຸລາ 2023, ຄະນະຜູ້ແທນຕຳຫຼວດອາຊຽນ ໄດ້ເຂົ້າຢ້ຽມຊົມ ນະຄອນຫຼວງວຽງຈັນ "
    "ແລະ ແລກປ່ຽນບົດຮຽນ ກັບ ເຈົ້າໜ້າທີ່ທ້ອງຖິ່ນ ໃນຫຼາຍຂົງເຂດ ຢ່າງກວ້າງຂວາງ.\n"
    "ການຢ້ຽມຊົມຄັ້ງນີ້ ແມ່ນເພື່ອເສີມຂະຫຍາຍການພົວພັນຮ່ວມມື ລະຫວ່າງບັນດາປະເທດສະມາຊິກ "
    "ໃຫ້ນັບມື້ນັບແໜ້ນແຟ້ນ ແລະ ເລິກເຊິ່ງ ກວ່າເກົ່າ.\n"
)


def test_a_lao_story_opening_on_the_day_of_its_event_shows_no_date() -> None:
    assert parse_text_page(_LAO_STORM, language="lo").date is None
    assert parse_text_page(_LAO_RANGE, language="lo").date is None


def test_the_prepositions_of_each_language_open_an_event() -> None:
    assert event_opening("On August 5, 2020 at 13:00 a storm swept through the village")
    assert event_opening("ໃນວັນທີ 05 ສິງຫາ 2020 ເວລາ 13:00 ໂມງ ພາຍຸໄດ້ພັດຜ່ານ", language="lo")
    assert event_opening("នៅថ្ងៃទី ៥ ខែសីហា ឆ្នាំ២០២០ វេលាម៉ោង ១៣:០០ ខ្យល់ព្យុះបានបោកបក់", language="km")
    assert event_opening("Vào ngày 5/8/2020, cơn bão đã quét qua làng", language="vi")


def test_a_bare_day_word_a_dateline_or_this_day_is_no_event_opening() -> None:
    # "ວັນທີ"/"ថ្ងៃទី" alone label a date as often as they open a sentence
    assert not event_opening("ວັນທີ 05 ສິງຫາ 2020 ເວລາ 13:00 ໂມງ ພາຍຸໄດ້ພັດຜ່ານ", language="lo")
    assert not event_opening("BANGKOK, May 3, 2021 — Thai police said on Monday")
    # "… ២០២១នេះ" (this DATE): the day the report ran
    assert not event_opening("នៅថ្ងៃពុធ ទី២១ ខែមេសា ឆ្នាំ២០២១នេះ ឯកឧត្តម អភិបាល បានបញ្ជាក់", language="km")
    # a preposition and no date after it
    assert not event_opening("On the other hand, the ministry said in 2020 that it would wait")


def test_a_place_dateline_still_dates_the_story() -> None:
    page = parse_text_page(
        "Storm fells power poles\n"
        "VIENTIANE, Aug. 5, 2020 — A storm swept through three villages on Wednesday, "
        "felling power poles and cutting the power to hundreds of homes for hours.\n"
        "Workers restored the lines by the evening, the provincial power company said.\n",
        language="en",
    )
    assert page.date == datetime.date(2020, 8, 5)
