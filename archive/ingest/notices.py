"""What a site says to its reader, in every language we serve: the line model's notice shapes.

A story tells of others; the site's own lines speak to the reader — a rights notice
("Copyright …", "未经授权禁止转载", "무단전재 및 재배포 금지", "bản quyền"), a call to act
("Subscribe", "Sign up", "加入Line好友", "구독", "đăng ký"), an address to "you" ("您", "여러분",
"bạn") — or mark the story's own seams ("(完)", "◀ 리포트 ▶", "<!--more-->"). Each class is a
closed set of words the same in every site of a language, never one site's sentence; a
story line may hold one (a story about a copyright case), so the model weighs them with the
line's place and shape, never alone.

And how much of a line the story's own words make (:func:`story_overlap`): a paragraph cut
off at the page's end goes on with the story's names and words; a subscription prompt does
not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from archive.ingest.lineweight import line_weight

__all__ = [
    "calls_to_act",
    "marker_line",
    "rights_notice",
    "speaks_to_reader",
    "story_overlap",
    "vocabulary",
    "words_of",
]

# Rights, reuse and opinion notices: copyright and its marks, "all rights reserved", reuse
# without permission, "the views … are not …", comment-board rules.
_RIGHTS = re.compile(
    r"""copyright | © | ⓒ | \ball\s+rights\s+reserved | \breproduc(?:e|ed|tion)\b
      | \brepublish | \bwithout\s+(?:prior\s+)?(?:written\s+)?permission
      | \bterms\s+of\s+(?:use|service) | \bdisclaimer\b | \bviews\s+expressed\b
      | \bcomment(?:ing)?\s+(?:policy|rules|guidelines) | \bcommunity\s+(?:guidelines|standards)
      | 版[权權] | 授[权權] | [转轉][载載] | 摘[编編] | 不代表.{0,24}(?:[观觀]点|[观觀]點|立[场場])
      | 免[责責][声聲]明 | 留言(?:板|系[统統]|[规規][则則]) | 依法追究
      | 저작권 | 무단\s*(?:전재|복제|배포) | 재배포 | 댓글\s*(?:정책|운영)
      | bản\s+quyền | sao\s+chép | ghi\s+rõ\s+nguồn
      | မူပိုင်ခွင့် | រក្សាសិទ្ធិ | ລິຂະສິດ | པར་དབང | نەشر\s*ھوقۇقى | ลิขสิทธิ์
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Calls to act on the site: subscribe, sign up or in, become a member, download the app,
# follow, join, share, click or tap, support the outlet.
_CALLS = re.compile(
    r"""\bsubscri(?:be|bed|ber|bers|ption)\b | \bsign\s*(?:up|in)\b | \blog\s*in\b
      | \bregister\b | \bmembers?(?:hip)?\b | \bnewsletters?\b | \bdownload\b | \bapp\b
      | \bfollow\s+(?:us|our)\b | \bjoin\s+(?:us|our|the)\b | \bshare\s+(?:this|if|on|with)\b
      | \bclick\b | \btap\b | \bdonat(?:e|ion) | \bsupport\s+(?:our|us|more|independent)\b
      | \bfree\s+trial\b | \bunlimited\s+access\b | \bcomments?\b | \bread\s+the\s+full\b
      | [订訂][阅閱] | [关關]注 | 加入 | 下[载載] | 点[击我] | 點[擊我] | 按我
      | 扫[码碼一] | 掃[碼一]
      | 粉[丝絲][团團] | [会會][员員] | [登註注][录錄入册冊] | 分享 | 留言 | [评評][论論]
      | 구독 | 로그인 | 회원 | 다운로드 | 공유 | 팔로우 | 클릭 | 후원 | 댓글
      | đăng\s+(?:ký|kí|nhập) | theo\s+dõi | tải\s+(?:về|ứng\s+dụng) | nhấn\s+vào | ủng\s+hộ
      | bình\s+luận | quảng\s+cáo
      | ចុះឈ្មោះ | តាមដាន | ຕິດຕາມ | ລົງທະບຽນ
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The reader addressed: "you", "your", polite and plain forms in our languages.
_READER = re.compile(
    r"""\byou(?:r|rs|'ll|’ll)?\b | 您 | 你 | 여러분 | 귀하 | \bbạn\b | quý\s+(?:vị|độc\s+giả)
      | ທ່ານຜູ້ອ່ານ | អ្នកអាន | سىز(?:نىڭ)?\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A short marker line wholly inside brackets or arrows: "(完)", "(END)", "◀ 앵커 ▶",
# "<기자>", "[기사내용]", "<!--more-->".
_MARKER = re.compile(r"^[(\[（【<〈《◀◁「『{]\s*\S.{0,20}?\s*[)\]）】>〉》▶▷」』}]$")
_MAX_MARKER_WEIGHT = 24
# Scripts written without spaces (and CJK): their words are read as character pairs.
_UNSPACED_RUN = re.compile(
    r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff]+"
)
_WORD = re.compile(r"[^\W\d_]+")
_MIN_ASCII_WORD = 4  # shorter English words are mostly grammar ("the", "and", "for")
_MIN_WORD = 2  # a Vietnamese syllable, a Cyrillic or Arabic word


def rights_notice(text: str) -> bool:
    """Whether the line holds a rights, reuse or comment-rules notice's words."""
    return _RIGHTS.search(text) is not None


def calls_to_act(text: str) -> bool:
    """Whether the line holds a call to act on the site (subscribe, follow, download…)."""
    return _CALLS.search(text) is not None


def speaks_to_reader(text: str) -> bool:
    """Whether the line addresses the reader ("you", "您", "여러분", "bạn")."""
    return _READER.search(text) is not None


def marker_line(text: str) -> bool:
    """Whether the line is a short marker wholly in brackets or arrows ("(完)", "◀ 앵커 ▶")."""
    return line_weight(text) <= _MAX_MARKER_WEIGHT and _MARKER.match(text.strip()) is not None


def words_of(text: str) -> list[str]:
    """A line's words for comparing it with the story: case-folded words (English ones of
    four letters or more), and character pairs in scripts written without spaces (and in
    Chinese and Korean, whose words are short)."""
    found: list[str] = []
    folded = text.casefold()
    for run in _UNSPACED_RUN.findall(folded):
        found.extend(run[at : at + 2] for at in range(len(run) - 1))
    for word in _WORD.findall(_UNSPACED_RUN.sub(" ", folded)):
        if len(word) >= (_MIN_ASCII_WORD if word.isascii() else _MIN_WORD):
            found.append(word)
    return found


def vocabulary(texts: Iterable[str]) -> Counter[str]:
    """How many of ``texts`` hold each word (:func:`words_of`)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(words_of(text)))
    return counts


def story_overlap(text: str, story_words: Counter[str]) -> float:
    """The share of the line's words that other lines of the story hold too (``story_words``
    is the story's :func:`vocabulary`, the line included); 0.0 for a line with no words."""
    words = set(words_of(text))
    if not words:
        return 0.0
    return sum(story_words.get(word, 0) > 1 for word in words) / len(words)
