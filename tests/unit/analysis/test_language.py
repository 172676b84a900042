"""Script and language detection on real text (NTREX-128) and on the hard cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.analysis import analyze_text, detect_language, detect_script
from archive.analysis.language import article_language
from archive.analysis.ntrex import read_documents

EXPECTED = {
    "src.eng": ("en", "Latn"),
    "ref.mya": ("my", "Mymr"),
    "ref.khm": ("km", "Khmr"),
    "ref.lao": ("lo", "Laoo"),
    "ref.bod": ("bo", "Tibt"),
    "ref.uig": ("ug", "Arab"),
    "ref.kor": ("ko", "Hang"),
    "ref.vie": ("vi", "Latn"),
    "ref.zho-CN": ("zh-Hans", "Hans"),
    "ref.zho-TW": ("zh-Hant", "Hant"),
    "ref.yue": ("yue", "Hant"),
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_held_out_ntrex_document_gets_its_language_and_script(ntrex: Path, code: str) -> None:
    separator = "" if code in ("ref.zho-CN", "ref.zho-TW", "ref.yue") else " "
    found = []
    for document in read_documents(ntrex, code)[60:]:
        text, _ = document.text(separator)
        result = analyze_text(text)
        found.append((result.language, result.script, result.reliable))
    assert [(*EXPECTED[code], True)] * 63 == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ព្រឹកនេះ ខ្ញុំទៅផ្សារ។", "km"),
        ("ສະບາຍດີ ຂ້ອຍໄປຕະຫຼາດ", "lo"),
        ("བོད་ཀྱི་སྐད་ཡིག་རེད།", "bo"),
        ("오늘 아침에 시장에 갔습니다.", "ko"),
        ("ۋېلشتىكى پارلامېنت ئەزالىرى ئەنسىرىشىدۇ", "ug"),
        ("ထၢမ်တွပ်ႇ ၶူးႁိုၼ်ႇ", "shn"),
        ("ဍုၚ်မွဲမွဲ ဂလာန်ညးဒါန်လိက်", "mnw"),
        ("မြန်မာနိုင်ငံ ရန်ကုန်မြို့", "my"),
        ("佢哋喺度食緊飯，我哋聽日再嚟。", "yue"),
        ("他們說這個問題沒有關係，我們明天再來。", "zh-Hant"),
        ("他们说这个问题没有关系，我们明天再来。", "zh-Hans"),
        ("Tôi là người Việt Nam và tôi yêu quê hương.", "vi"),
        ("日本語のテキストです。東京は大きい。", "ja"),
        ("สวัสดีครับ วันนี้อากาศดี", "th"),
    ],
)
def test_the_script_or_its_own_letters_decide(text: str, expected: str) -> None:
    assert expected == detect_language(text)[0]


def test_arabic_persian_and_urdu_are_not_uyghur() -> None:
    texts = [
        "هذا نص عربي عن الأخبار اليومية في المدينة، وقد قال الوزير إن الحكومة ستعمل على ذلك.",
        "این یک متن فارسی درباره اخبار روزانه شهر است و وزیر گفت که دولت این کار را می‌کند.",
        "یہ شہر کی روزانہ خبروں کے بارے میں ایک اردو متن ہے اور وزیر نے کہا کہ حکومت یہ کرے گی۔",
    ]
    assert ["ar", "fa", "ur"] == [detect_language(t)[0] for t in texts]


def test_traditional_mandarin_with_a_cantonese_word_stays_mandarin() -> None:
    text = (
        "香港立法會今天討論了房屋政策。議員們認為政府應該增加公共房屋的供應，"
        "並且說市民常說的「唔該」代表了香港人的禮貌。這個問題已經討論了很多年，沒有結論。"
    )
    assert ("zh-Hant", "Hant") == (analyze_text(text).language, analyze_text(text).script)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", (None, 0.0)),
        ("12 345 — !!", (None, 0.0)),
        ("Hello", ("Latn", 1.0)),
        ("ကျွန်တော်", ("Mymr", 1.0)),
        ("这是中文", ("Hans", 1.0)),
        ("這是中文", ("Hant", 1.0)),
        ("한국어", ("Hang", 1.0)),
    ],
)
def test_detect_script(text: str, expected: tuple[str | None, float]) -> None:
    assert expected == detect_script(text)


@pytest.mark.parametrize("text", ["Hello", "OK", "Paris", "ok ok", "中文", "1 2 3", "e.g."])
def test_short_text_is_never_a_reliable_guess(text: str) -> None:
    result = analyze_text(text)
    assert (False, True) == (result.reliable, result.confidence < 0.75)


def test_mixed_scripts_half_and_half_are_not_reliable() -> None:
    text = "ရန်ကုန်မြို့တွင် မိုးရွာသည်။ The rain fell all day in the city of Yangon today."
    assert analyze_text(text).reliable is False


def test_a_quoted_english_sentence_in_burmese_has_its_own_language() -> None:
    text = (
        "ရန်ကုန်မြို့တွင် ယနေ့ မိုးသည်းထန်စွာ ရွာသွန်းခဲ့ပြီး လမ်းများ ရေလွှမ်းမိုးခဲ့သည်။ "
        "“We have never seen rain like this in October,” a resident told reporters. "
        "မြို့တော်စည်ပင်သာယာရေးအဖွဲ့က ရေနုတ်မြောင်းများကို ရှင်းလင်းနေသည်။"
    )
    result = analyze_text(text)
    assert ("my", ["my", "en", "my"]) == (result.language, [s.language for s in result.sentences])


def test_english_with_chinese_names_is_english_and_the_chinese_sentence_is_chinese() -> None:
    text = (
        "The president met Xi Jinping (习近平) in Beijing on Tuesday, and the two leaders said "
        "that they had agreed on trade. 他们说会谈很成功。 The talks will continue next year."
    )
    result = analyze_text(text)
    assert ("en", True, ["en", "zh-Hans", "en"]) == (
        result.language,
        result.reliable,
        [s.language for s in result.sentences],
    )


def test_language_hint_decides_only_where_detection_is_unsure() -> None:
    assert ("zh-Hant", "zh-Hans") == (
        analyze_text("中文", language_hint="zh-TW").language,
        analyze_text("这是一个很好的朋友。他们说没有问题。", language_hint="zh-TW").language,
    )


# Uyghur's Arabic letters in its Latin (ULY) and Cyrillic alphabets, to write the held-out
# Uyghur document in the two other scripts RFA's Uyghur service publishes in.
_UYGHUR_LETTERS = {
    "ا": ("a", "а"), "ە": ("e", "ә"), "ب": ("b", "б"), "پ": ("p", "п"), "ت": ("t", "т"),
    "ج": ("j", "җ"), "چ": ("ch", "ч"), "خ": ("x", "х"), "د": ("d", "д"), "ر": ("r", "р"),
    "ز": ("z", "з"), "ژ": ("zh", "ж"), "س": ("s", "с"), "ش": ("sh", "ш"), "غ": ("gh", "ғ"),
    "ف": ("f", "ф"), "ق": ("q", "қ"), "ك": ("k", "к"), "گ": ("g", "г"), "ڭ": ("ng", "ң"),
    "ل": ("l", "л"), "م": ("m", "м"), "ن": ("n", "н"), "ھ": ("h", "һ"), "و": ("o", "о"),
    "ۇ": ("u", "у"), "ۆ": ("ö", "ө"), "ۈ": ("ü", "ү"), "ۋ": ("w", "в"), "ې": ("é", "е"),
    "ى": ("i", "и"), "ي": ("y", "й"), "ئ": ("", ""), "،": (",", ","), "؟": ("?", "?"),
}  # fmt: skip


def _uyghur_in(text: str, alphabet: int) -> str:
    return "".join(_UYGHUR_LETTERS[ch][alphabet] if ch in _UYGHUR_LETTERS else ch for ch in text)


# Written for this test in the pattern of RFA Uyghur reports.
_UYGHUR_REPORTS = [
    "ئۇيغۇر ئاپتونوم رايونىدىكى دائىرىلەر يېقىندا ئۇنىڭ ئىككى قېرىندىشىنى تۇتۇپ تۇرغانلىقىنى "
    "ئېتىراپ قىلدى. مۇخبىرىمىز بۇ ھەقتە ناھىيەلىك ساقچىخانىغا تېلېفون قىلدى، ئەمما ئۇلار "
    "ھېچقانداق ئۇچۇر بېرىشنى رەت قىلدى.",
    "خىتاي ھۆكۈمىتى لاگېرلارنى كەسپىي تەربىيەلەش مەركىزى دەپ ئاتايدۇ، لېكىن ئۇ يەردىن "
    "قويۇپ بېرىلگەنلەر بۇنىڭغا قوشۇلمايدۇ. ئۇلارنىڭ ئېيتىشىچە، ھەر كۈنى سىياسىي ئۆگىنىش "
    "قىلىشقا مەجبۇرلانغان.",
    "ھەپتىلىك خەۋەرلەر: تۈركىيەدە ياشاۋاتقان ئۇيغۇرلار ئىستانبۇلدا يىغىلىپ، تۇتۇپ "
    "تۇرۇلۇۋاتقان ئائىلە ئەزالىرىنىڭ قويۇپ بېرىلىشىنى تەلەپ قىلدى.",
]


@pytest.mark.parametrize(("alphabet", "script"), [(0, "Latn"), (1, "Cyrl")])
@pytest.mark.parametrize("report", _UYGHUR_REPORTS)
def test_uyghur_in_latin_and_cyrillic_is_uyghur(report: str, alphabet: int, script: str) -> None:
    assert ("ug", "Arab") == (analyze_text(report).language, analyze_text(report).script)
    text = _uyghur_in(report, alphabet)
    result = analyze_text(text)
    assert ("ug", script) == (result.language, result.script)


@pytest.mark.parametrize(
    "text",
    [
        "Cumhurbaşkanı bugün Ankara'da yaptığı açıklamada ekonomik gelişmeleri değerlendirdi "
        "ve yeni yatırımların çok önemli olduğunu söyledi.",
        "Prezident bugun Toshkentda xalqaro konferensiyada nutq so'zladi va yangi qonunlarni "
        "imzoladi, deb xabar qildi.",
        "Қазақстан Республикасының Президенті бүгін Астанада кәсіпкерлермен кездесу өткізді "
        "және жаңа бағдарламаны ұсынды.",
        "Президент сегодня провёл встречу с представителями бизнеса и обсудил новые законы.",
    ],
)
def test_turkish_uzbek_kazakh_and_russian_are_not_uyghur(text: str) -> None:
    assert "ug" != detect_language(text)[0]


# Uyghur written with Turkish letters (ş ç ğ), as older Uyghur sites in Turkey wrote it: its
# function words (we, bilen, üçün, qilip …) and Turkish's missing q, x and w decide.
_UYGHUR_TURKISH_SPELLING = (
    "Öz muxbirimiz Ankaradin xewer qilidu. Bu yil baharda şeherdiki Uygurlar jamige yiğilip "
    "héyt namizini oqudi we bir-biri bilen qutlaşti. Yiğilişqa qatnaşqan yaşlar üçün "
    "mektep açilip, balilar Uygur tilini öginishke başlidi. Mehelle başliqi bu işni "
    "qollaydiğanliqini bildürüp, yene köp paaliyet qilip bérişni wede qildi we uning "
    "heqqide söz qildi."
)


def test_uyghur_in_turkish_letters_is_uyghur_not_turkish() -> None:
    result = analyze_text(_UYGHUR_TURKISH_SPELLING)
    assert ("ug", "Latn") == (result.language, result.script)


@pytest.mark.parametrize(
    "text",
    [
        # Turkish about Uyghurs: Turkish function words, no q or x
        "Türkiye'deki Uygurlar bugün İstanbul'da bir araya geldi ve bayram namazı için "
        "camiye gitti. Toplantıdan sonra dernek başkanı, Uygur gençleri için yeni bir okul "
        "açılacağını söyledi; ancak tarih verilmedi.",
        # an English story under a Uyghur motto
        "Biz uyghurlarni apiride qilghan, eng güzel we eng bay zimin bilen bizni tartuqlap. "
        "Hunt for Uighur riot leaders fuels divide. By a reporter in Kashgar. The police "
        "are searching the old city for the men they say led the riots, and the families "
        "of those who were taken say they have not been told where they are held.",
    ],
)
def test_turkish_and_english_about_uyghurs_are_not_uyghur(text: str) -> None:
    assert "ug" != detect_language(text)[0]


def test_korean_with_an_english_copy_under_each_paragraph_is_korean() -> None:
    pairs = [
        ("올해 북한의 식량난은 예년과는 다른 양상을 띄고 있습니다.",
         "North Korea's food shortage this year is different from previous years."),
        ("중국에서 쌀이 들어오고 있지만 쌀값은 여전히 비싸고 식량 사정은 어렵습니다.",
         "Rice is coming in from China, but rice prices are still high and food is scarce."),
        ("특히 양강도와 함경도의 식량난이 심각하다고 합니다.",
         "In particular, the food shortage in Yanggang and Hamgyong is said to be serious."),
    ]  # fmt: skip
    text = "\n".join(line for pair in pairs for line in pair)
    assert "ko" == detect_language(text)[0]
    assert "en" == detect_language("\n".join(english for _, english in pairs))[0]


def test_english_with_korean_names_stays_english() -> None:
    text = (
        "The unification minister, 김영호, met the families of abductees in Seoul on Monday "
        "and promised to raise the issue with the North at every opportunity, officials said."
    )
    assert "en" == detect_language(text)[0]


def test_cantonese_quoted_in_standard_chinese_is_zh_hant() -> None:
    # Hong Kong's press writes standard Chinese and quotes its speakers in Cantonese.
    text = (
        "立法會昨日就條例草案進行辯論，多名議員對政府的安排表示關注。"
        "一名議員在會上說：「呢個問題唔係一日兩日嘅事，政府應該早啲處理。」"
        "他表示，當局需要在本月內向委員會提交報告，並解釋延誤的原因。"
        "另一名議員則指出，市民對這項政策的支持度正在下降，政府必須重新考慮。"
    )
    assert detect_language(text)[0] == "zh-Hant"


def test_a_quotation_inside_a_quotation_is_still_quoted() -> None:
    text = (
        "記者會上，他多次感謝市民的支持，並回顧了多年來的工作。"
        "「喺呢個時代仲敢向「敏感」傳媒講嘢嘅人，佢哋嘅勇氣唔簡單。」"
        "他說，團隊會繼續以其他方式工作，並希望日後有機會重新開始。"
    )
    assert detect_language(text)[0] == "zh-Hant"


def test_cantonese_written_outside_quotes_is_yue() -> None:
    text = (
        "佢哋今日喺立法會講，呢個問題唔係一日兩日嘅事。"
        "佢話：「政府應該早啲處理。」而家啲市民都好擔心，冇人知道幾時先搞掂。"
    )
    assert detect_language(text)[0] == "yue"


def test_a_columnists_cantonese_aside_in_written_chinese_is_zh_hant() -> None:
    # A Hong Kong paper's column: written Chinese with a colloquial word or two (係, 唔, 畀)
    # outside quotation marks is still zh-Hant; Cantonese needs its words every few lines.
    text = (
        "過去一個周末香港再次出現催淚彈與槍聲，警務處處長前晚到醫院探望受傷的警員，"
        "不過他沒有見傳媒，當晚只係透過警方專頁發布消息。記者發現，警方帖文最初形容示威者"
        "的行為為暴動，一個小時後就改為暴力行為。示威浪潮持續多月，警方每個工作天下午"
        "四點都召開例行記者會，每日都座無虛席，仲有唔少外國傳媒和內地傳媒關注警方行動。"
    )
    assert detect_language(text)[0] == "zh-Hant"


def test_a_short_tibetan_story_under_an_english_summary_is_tibetan_by_its_title() -> None:
    story = (
        "བོད་ནང་ས་ཡོམ་གོད་ཆག་འོག་རྐྱེན་འདས་སུ་ཕྱིན་པ་རྣམས་ཀྱི་དུས་མཆོད་གནང་སོང་། "
        "A prayer service was held at the temple to honour the victims of the earthquake, "
        "with similar services taking place worldwide, and relief work continues in the "
        "hardest-hit areas, where temporary housing has been provided."
    )
    title = "བོད་ནང་ས་ཡོམ་གོད་ཆག་འོག་རྐྱེན་འདས་སུ་ཕྱིན་པ་རྣམས་ཀྱི་དུས་མཆོད།"
    assert (detect_language(story)[0], article_language(story, title).language) == ("en", "bo")


def test_a_chinese_podcast_story_under_english_captions_is_chinese_by_its_title() -> None:
    story = (
        "A journalist interrupted the daily police briefing and read out a statement.\n\n"
        "A journalist interrupted the daily police briefing. Source: a screenshot\n\n"
        "昨日下午，屯門多個地區有不少人吸入不明刺鼻氣體，有人更因不適送院。\n\n"
        "究竟這些記者爲何會這樣做？詳情，請收聽我們的報導。"
    )
    assert article_language(story, "多名記者中途突襲警方例行記者會").language == "zh-Hant"


@pytest.mark.parametrize(
    "title",
    [
        "Tibetans hold prayers for earthquake victims",  # an English title never turns it
        "地震",  # too short to be reliable
        None,
    ],
)
def test_the_title_breaks_no_tie_it_cannot_read_or_that_is_english(title: str | None) -> None:
    story = (
        "བོད་ནང་ས་ཡོམ་གོད་ཆག་འོག་རྐྱེན་འདས་སུ་ཕྱིན་པ་རྣམས་ཀྱི་དུས་མཆོད་གནང་སོང་། "
        "A prayer service was held at the temple to honour the victims of the earthquake, "
        "with similar services taking place worldwide, and relief work continues in the "
        "hardest-hit areas, where temporary housing has been provided."
    )
    assert article_language(story, title).language == "en"


def test_an_english_story_quoting_a_chinese_title_stays_english() -> None:
    # The title's script must hold a fifth of the story's letters: a name or two is not.
    story = (
        "The film 流浪地球 (The Wandering Earth) opened in Beijing on Friday, and critics said "
        "that it was the most ambitious science-fiction film China had made, with ticket "
        "sales that were expected to pass those of every other film this year."
    )
    assert article_language(story, "流浪地球票房創新高").language == "en"
