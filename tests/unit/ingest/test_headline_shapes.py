"""Shapes of the lines that stand where a headline stands but are not one."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("Home · World news · 【Classic view】 【Comments: 12】", 4),
        ("경제.문화.스포츠.세계", 4),
        ("Home | About | Contact", 3),
        ("首页 / 新闻 / 国际", 3),
    ],
)
def test_a_row_of_short_items_between_separators_is_a_menu_row(line: str, items: int) -> None:
    assert items == menu_items(line)


@pytest.mark.parametrize(
    "line",
    [
        "Farmers count the cost as floods sweep the valley for a third week",
        "Rice price rises 3.5 per cent, traders say",
        "Ministers meet / talks resume after a long pause in the northern capital region",
    ],
)
def test_a_headline_is_no_menu_row(line: str) -> None:
    assert menu_items(line) < 3


def test_tokens_alike_in_length_read_as_link_labels_and_a_long_sentence_does_not() -> None:
    assert uniform_tokens("트위터 페이스북 카카오톡") > 0.7
    assert uniform_tokens("Mail Print Share") > 0.7
    assert uniform_tokens("Farmers count the cost as floods sweep the valley for a week") == 0.0
    assert uniform_tokens("Two words") == 0.0


def test_a_numbered_link_starts_with_its_number() -> None:
    assert is_numbered("1. 跳到主要内容")
    assert is_numbered("2) Skip to navigation")
    assert not is_numbered("2024 budget passes")
    assert not is_numbered("Floods sweep the valley")


def test_a_phone_number_is_a_long_run_of_digits_spaces_and_dashes_aside() -> None:
    assert 10 == digit_run("ទំនាក់ទំនង : 012 345 6789")
    assert 10 == digit_run("Call 012-345-6789")
    assert 4 == digit_run("Floods of 2020 recalled")
    assert 0 == digit_run("No digits here")


@pytest.mark.parametrize(
    "line",
    [
        "Villagers wade through the flooded road in the north. Photo: Jane Roe",
        "Fighters train at a camp in the hills on March 3. (John Doe | The Outlet)",
        "수해 현장을 찾은 주민들 (사진=홍길동 기자)",
        "A boat on the river. (AP Photo/Jane Roe)",
        "The minister says the shelters can hold a million people at once. — Outlet pic",
        "Two of the suspects brought to the court yesterday for questioning. Jane Roe",
        "A monastery in the township after the airstrikes on Tuesday. / Supplied",
        "Protesters run as police advance on them in the city on Monday. (Agency)",
        "▲ 개표소에서 투표지를 세는 모습",
    ],
)
def test_a_line_closing_with_its_photos_credit_is_caption_shaped(line: str) -> None:
    assert caption_shaped(line)


@pytest.mark.parametrize(
    "line",
    [
        "Floods sweep the valley for a third week",
        "Court jails two editors for sedition | World",
        "Minister: the photo was not ours",
        "Meet Dr. Jane Roe",  # a name after a stop, but no caption's sentence before it
        "Storm floods the coast — and a village rebuilds",
    ],
)
def test_a_headline_is_not_caption_shaped(line: str) -> None:
    assert not caption_shaped(line)


def test_a_line_cut_with_an_ellipsis_gives_its_stem() -> None:
    assert "Farmers in the valley say the floods have" == truncated_stem(
        "Farmers in the valley say the floods have…"
    )
    assert "The river rose again" == truncated_stem("The river rose again ...")
    assert truncated_stem("More…") is None  # too short to be a cut sentence
    assert truncated_stem("Floods sweep the valley") is None


def test_a_headlines_words_recur_in_its_lead_and_a_mottos_do_not() -> None:
    lead = "Floods swept the valley on Monday, and farmers said the rice harvest was lost."
    assert word_overlap("Floods sweep valley, farmers lose rice harvest", lead) > 0.5
    assert word_overlap("Your trusted voice since 1990", lead) == 0.0
    # unspaced scripts are compared by letter pairs
    assert word_overlap("洪水淹没山谷农民失收", "周一洪水淹没山谷，农民说稻米失收。") > 0.7
    assert word_overlap("欢迎光临本站首页", "周一洪水淹没山谷，农民说稻米失收。") == 0.0
    # numbers inside an unspaced word are set apart from its letters
    assert word_overlap("3月以来洪水淹没山谷农田", "3月以来，洪水淹没山谷里的农田。") > 0.7


@pytest.mark.parametrize(
    "line",
    [
        "မော်လမြိုင်၊ နိုဝင်ဘာ ၁၅",  # PLACE, MONTH DAY (Burmese digits)
        "စက္တင္ဘာ ၁၃ ၊ စစ္ေတြ",  # MONTH DAY, PLACE, written in Zawgyi
        "PHNOM PENH, Sept. 3",
        "Vientiane, 14 March",
        "北京 1月11日",
        "서울 3월 5일",
    ],
)
def test_a_place_and_a_day_of_a_month_without_a_year_is_a_yearless_dateline(line: str) -> None:
    assert yearless_dateline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Farmers march on provincial hall over lost land",
        "Top 10 stories of the week",
        "Big 5 banks fall on rate fears",
        "Vientiane, 14 March 2019",  # a full date: the date readers read it
        "May Day rally draws thousands to the square in the capital city",  # too long
    ],
)
def test_a_headline_or_a_dated_line_is_no_yearless_dateline(line: str) -> None:
    assert not yearless_dateline(line)


@pytest.mark.parametrize(
    "line", ["Öz muxbirimiz Istanbuldin", "Our correspondent, Yangon", "Мухбиримиз Алмута"]
)
def test_our_correspondent_and_a_place_is_a_correspondent_line(line: str) -> None:
    assert correspondent_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Stand by me",  # "by" is too short a label to tell from a word
        "Time to act",
        "Correspondents barred from the trial of two editors in the capital",  # a headline
    ],
)
def test_a_headline_is_no_correspondent_line(line: str) -> None:
    assert not correspondent_line(line)


@pytest.mark.parametrize(
    "line", ["Skip to main content", "Vào nội dung chính", "컨텐츠 바로가기", "跳至主要內容"]
)
def test_a_skip_link_in_any_of_our_languages_is_one(line: str) -> None:
    assert is_skip_link(line)


@pytest.mark.parametrize(
    "line", ["Skip this year's festival, locals say", "Nội dung chính của hội nghị", "본문"]
)
def test_a_headline_is_no_skip_link(line: str) -> None:
    assert not is_skip_link(line)


@pytest.mark.parametrize("line", ["TRẦN VĂN BÌNH |", "World ｜", "Posted in Asia |"])
def test_a_line_a_separator_bar_ends_is_bar_ended(line: str) -> None:
    assert bar_ended(line)


@pytest.mark.parametrize("line", ["Floods | Farmers count their losses", "Floods sweep the valley"])
def test_a_headline_is_not_bar_ended(line: str) -> None:
    assert not bar_ended(line)


@pytest.mark.parametrize("line", ["COMMENTS (12)", "Likes [40]", "评论（3）", "Bình luận (5)"])
def test_a_controls_label_with_its_count_is_a_counter(line: str) -> None:
    assert counter_label(line)


@pytest.mark.parametrize(
    "line", ["洪水淹没山谷农民失收（2）", "Floods sweep the valley (2)", "Floods (and farmers)"]
)
def test_a_headline_numbered_as_a_part_is_no_counter(line: str) -> None:
    assert not counter_label(line)


def test_icon_names_glued_at_capitals_are_an_icon_run_and_a_headline_is_not() -> None:
    assert glued_icon_names("MenuIcon SearchIcon ShareFacebook ShareTwitter Close")
    assert glued_icon_names("SportsLatest NewsWeatherTravelOpinion")
    assert not glued_icon_names("McDonald's opens its first shop in Vientiane")
    assert not glued_icon_names("YouTube and iPhone sales rise in LinkedIn survey of MacBook")


@pytest.mark.parametrize(
    "line", ["Advertisement", "- ADVERTISING -", "AD 광고", "广告", "ADផ្សព្វផ្សាយ"]
)
def test_an_advertisements_label_in_our_languages_is_one(line: str) -> None:
    assert is_ad_label(line)


@pytest.mark.parametrize("line", ["Ad hoc panel meets on floods", "Adidas opens a factory"])
def test_a_headline_opening_with_ad_is_no_advertisements_label(line: str) -> None:
    assert not is_ad_label(line)


@pytest.mark.parametrize(
    "line",
    [
        "Home · News · Politics · World · Sport · Culture",
        "首頁 |  新聞頻道 |  電視指南 |  體育頻道 |  財經頻道",
        "མདུན་ངོས། མགོ་ཁྲིད། གསར་འགྱུར། སྲིད་དོན། ཕ་ཡུལ། རིག་གནས།",
    ],
)
def test_a_row_of_five_short_items_or_more_is_a_long_menu_row(line: str) -> None:
    assert long_menu_row(line)


@pytest.mark.parametrize(
    "line",
    [
        "Home | About | Contact",  # three items: a headline may list as many
        "Rice, rubber and cassava: Cambodia's farm exports rise",
        # a Tibetan title whose clauses each close with a shad, the first a long one
        "དབུས་གཙང་ལོ་རྒྱུས་ཆེན་མོ་ལས། ཀོང་པོའི་ཡུལ་སྡེ་དང་། རི། ལ། མཚོ། གཙང་པོ་དང་།",
        "ཏང་གི་ཚོགས་ཆེན་ཉི་ཤུ་པའི་སྙན་ཞུ། (མུ་འགོད། 4)",
    ],
)
def test_a_headline_is_no_long_menu_row(line: str) -> None:
    assert not long_menu_row(line)


def test_a_line_of_three_sentences_is_paragraph_shaped() -> None:
    assert paragraph_shaped(
        "Rescuers reached the flooded villages on Sunday. More than 160 families had left"
        " their homes by then. Officials said all of them were safe in the shelters."
    )
    assert paragraph_shaped(
        "8月18日7时,送餐车来到受灾群众集中安置点,群众有序领取早餐。8月16日早晨,一场强降雨使得"
        "社区内涝严重,163户居民紧急转移。目前,受灾群众已得到妥善安置。"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Aung San Suu Kyi Warns Release is Not Evidence of Political Freedom",
        "U.S. bill targets Chinese repression of Uyghurs",  # "U.S." within a short line
        "Hun Sen says no. Opposition disagrees.",  # two sentences, a headline's length
        # one long sentence: a decimal point ends no sentence
        "Officials said 2.5 million people and 1.2 million head of cattle were moved to higher"
        " ground in the provinces along the river over the weekend, the ministry said on Monday.",
    ],
)
def test_a_headline_is_not_paragraph_shaped(line: str) -> None:
    assert not paragraph_shaped(line)


@pytest.mark.parametrize(
    "line",
    [
        "ថ្ងៃសុក្រ ១២ រោច ខែអស្សុជ ឆ្នាំថោះ បញ្ចស័ក ពុទ្ធសករាជ ២៥៦៧ ត្រូវនឹងថ្ងៃទី១០ ខែវិច្ឆិកា ឆ្នាំ២០២៣",
        "ថ្ងៃសុក្រ ១៤កើត ខែចេត្រ ឆ្នាំរការ នព្វស័ក ព.ស២៥៦១ត្រូវនឹងថ្ងៃទី៣០ ខែមីនា ឆ្នាំ២០១៨",
        "ព្រហស្បតិ៍ ៤រោច ខែពិសាខ",
    ],
)
def test_a_khmer_calendar_date_alone_on_its_line_is_one(line: str) -> None:
    assert khmer_calendar_date(line)


@pytest.mark.parametrize(
    "line",
    [
        # a lead that opens with the date goes on to say what happened
        "ថ្ងៃសុក្រ ៤រោច ខែពិសាខ ឆ្នាំឆ្លូវ ត្រីស័ក ពុទ្ធសករាជ ២៥៦៥ ត្រូវនឹងថ្ងៃទី៣០ ខែមេសា"
        " ឆ្នាំ២០២១នេះ ជាថ្ងៃដែលព្រះរាជាណាចក្រកម្ពុជាប្រារព្ធនូវព្រះរាជពិធីបុណ្យច្រត់ព្រះនង្គ័ល។",
        "ភ្នំពេញ៖នៅព្រហស្បតិ៍ ៤រោច ខែពិសាខ ឆ្នាំម្សាញ់ សប្តស័ក ពុទ្ធសករាជ ២៥៦៩",
        "ថ្ងៃទី១០ ខែវិច្ឆិកា ឆ្នាំ២០២៣",  # a solar date: the date readers read it
    ],
)
def test_a_sentence_with_a_khmer_calendar_date_is_not_one(line: str) -> None:
    assert not khmer_calendar_date(line)
