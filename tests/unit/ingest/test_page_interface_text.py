"""A site's interface text above the headline (player and browser notices, share prompts,
cookie notices, pickers, clocks, icon names, PHP warnings) is never the headline (pages
written for these tests in the shapes real pages use)."""

from __future__ import annotations

import pytest

from archive.ingest.textpage import parse_text_page

LEAD = "Police in the capital detained twelve protesters on Sunday, witnesses said."
MORE = "The protesters had gathered outside the court since early morning, a witness said."


@pytest.mark.parametrize(
    "notice",
    [
        "Your device does not support playing this video",
        "Your browser doesn't support HTML5 audio",
        "Máy của bạn không hỗ trợ nghe xem",
        "您的浏览器不支持视频播放",
        "為達最佳瀏覽效果,建議使用 Chrome 或 Firefox 的瀏覽器。",
        "This site is best viewed in Chrome.",
        "Back to top",
        "回到網頁上方",
        "맨 위로",
        "点击右上角分享给微信好友",
        "loader image",
        "We use cookies to improve your experience. Read our cookie policy.",
        "Our privacy policy has changed.",
        "ကွတ်ကီးအသုံးပြုမှု မူဝါဒ",
        "Seite auswählen",
        "Select language",
        "Channel: Daily Harbour Notes",
        "Return to *Regional Studies*",
        "Sat, Apr",
        "Logo of Harbour Post newspaper",
        "Warning: Undefined variable $name in /var/www/site/page.php on line 14",
        "menu-closearrow-leftarrow-rightchevron-downchevron-upfacebookinstagramtwitterwhatsapp",
    ],
)
def test_interface_text_above_the_headline_is_furniture(notice: str) -> None:
    headline = "Protesters detained in the capital as talks stall again"
    page = f"{notice}\n\n{headline}\n\n{LEAD}\n\n{MORE}"
    parsed = parse_text_page(page, language="en")
    assert headline == parsed.title
    assert notice in parsed.dropped
    assert parsed.body.startswith(LEAD)


@pytest.mark.parametrize(
    "headline",
    [
        "Cookie makers strike over pay",  # a story about cookies, not a cookie notice
        "Return of the monsoon floods the delta",
        "Back to school in the hills",
        "Return to normal life in the valley",
        "Browser makers agree on privacy rules",
    ],
)
def test_headlines_with_interface_words_stay_headlines(headline: str) -> None:
    page = f"{headline}\n\n{LEAD}\n\n{MORE}"
    assert headline == parse_text_page(page, language="en").title


def test_a_sentence_mentioning_a_browser_stays_in_the_story() -> None:
    sentence = "The ministry said people should update their phones, not their habits."
    page = f"Phones blocked in the north\n\n{LEAD}\n\n{sentence}\n\n{MORE}"
    assert sentence in parse_text_page(page, language="en").body


# --- pages that show no headline: the title is derived, never a credit or caption --------

MORE_VI = "Cuộc họp kéo dài đến chiều tối, theo lời một người tham dự cho biết sau đó."
LEAD_VI = "Hàng trăm người dân đã tụ tập trước tòa án từ sáng sớm để theo dõi phiên xử."


@pytest.mark.parametrize(
    "top",
    [
        "Lan Anh, phóng viên đài RFA",
        "Jo Lee, staff reporter",
        "王小明，記者",
        "Trần Văn Bình\n\n12.03.2021",
        "Trần Văn Bình\n\nTạp chí Văn\n\n12.03.2021",
    ],
)
def test_a_byline_opening_a_page_is_not_its_headline(top: str) -> None:
    parsed = parse_text_page(f"{top}\n\n{LEAD_VI}\n\n{MORE_VI}", language="vi")
    assert parsed.title is None
    assert parsed.body.startswith(LEAD_VI)


def test_a_short_name_like_headline_without_a_date_under_it_stays_the_headline() -> None:
    page = f"Hanoi Floods Again\n\n{LEAD}\n\n{MORE}"
    assert "Hanoi Floods Again" == parse_text_page(page, language="en").title


def test_a_caption_with_its_photographers_credit_is_not_the_headline() -> None:
    caption = "警方在現場維持秩序。（記者王小明攝）"
    lead = "警方昨日在市中心驅離聚集的民眾，現場一度發生推擠，多人受傷送醫。"
    parsed = parse_text_page(f"{caption}\n\n{lead}\n\n{lead}再次", language="zh-Hant")
    assert parsed.title is None
    assert caption in parsed.dropped


def test_a_long_tibetan_line_of_several_clauses_is_a_paragraph_not_a_headline() -> None:
    clause = "བོད་ཀྱི་གསར་འགྱུར་ཁང་གིས་ཚོགས་འདུ་ཆེན་མོ་ཞིག་བསྐོང་ཡོད།"
    lead = " ".join([clause] * 4)
    parsed = parse_text_page(f"{lead}\n\n{lead}ཡང་།", language="bo")
    assert parsed.title is None
    assert parsed.body.startswith(lead)


def test_a_short_tibetan_headline_with_a_shad_is_still_a_headline() -> None:
    headline = "བོད་ཀྱི་གསར་འགྱུར་ཁང་གིས་གསལ་བསྒྲགས།"
    clause = "བོད་ཀྱི་གསར་འགྱུར་ཁང་གིས་ཚོགས་འདུ་ཆེན་མོ་ཞིག་བསྐོང་ཡོད།"
    lead = " ".join([clause] * 4)
    assert headline == parse_text_page(f"{headline}\n\n{lead}", language="bo").title


# --- controls and photo credits inside or under the story ---------------------------------


@pytest.mark.parametrize(
    "control",
    [
        "• Print",
        "• Share",
        "Share story",
        "- 기사 전체 보기",
        "소셜공유",
        "請繼續往下閱讀...",
        "你可能會喜歡",
        "1 comment:",
        "Anonymous said...",
        "User Rating: / 0",
        "Direct link",
        "RFA/Jo Lee",
        "Jo Lee/BenarNews",
        "រូប៖ ហ្វេសប៊ុក RFA",
    ],
)
def test_controls_and_photo_credits_in_the_story_are_furniture(control: str) -> None:
    headline = "Protesters detained in the capital as talks stall again"
    page = f"{headline}\n\n{LEAD}\n\n{control}\n\n{MORE}"
    parsed = parse_text_page(page, language="en")
    assert control in parsed.dropped
    assert f"{LEAD}\n\n{MORE}" == parsed.body


@pytest.mark.parametrize(
    "line",
    ["Print shops close in the old town.", "Comments from the minister came late on Sunday."],
)
def test_sentences_starting_with_a_control_word_stay_in_the_story(line: str) -> None:
    page = f"Protesters detained in the capital\n\n{LEAD}\n\n{line}\n\n{MORE}"
    assert line in parse_text_page(page, language="en").body
