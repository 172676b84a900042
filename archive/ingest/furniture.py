"""Page furniture: the lines of a saved page that are the site's, not the story's.

Chrome at a page's edges (source links, copyright, rules, share widgets), a site's
template and interface text in our languages (screen-reader links, player and browser
notices, controls, cookie notices), captions and photo credits, navigation runs, bylines
and name lines, and lines shown twice. Each predicate reads one line (``doubled_lines`` reads the
page); where a line stands is weighed in ``textpage`` and ``headlines``.
"""

from __future__ import annotations

import re

from archive.ingest.bylines import is_credit_line
from archive.ingest.dates import date_line
from archive.ingest.lineweight import line_weight
from archive.ingest.pagelines import SENTENCE_END, Line

# "Home > News", "HomeNews…", and glued to a section in another script ("Homeຂ່າວ…").
BREADCRUMB = re.compile(r"^Home(?:$|(?=[^\W\da-z_])|\s*[›»>/|:–-])")
_CHROME = re.compile(
    r"""^(?:
        source (?: \s+link\b.* | \s*:.* )?                        # "Source link", "Source: https://…"
      | <?https?://\S+>?                                         # a bare URL
      | [-–—_*=#|\s]* advertis\w* [-–—_*=#|\s]*                  # "- Advertisment -----"
      | (?:copyright\b|©|ⓒ|\(c\)\s*\d) .*                        # "Copyright © 1998-2021, RFA …"
      | all\s+rights\s+reserved\.?
      | [\W_]+                                                   # rules: "-----", "* * *"
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Share/subscribe/follow widgets: short lines, and only at the top or bottom of a page.
_WIDGET = re.compile(
    r"""^(?:
        (?:share|tweet|print|e-?mail|comments?|like|menu|search|related|tags?|facebook
          |twitter|whatsapp|telegram|linkedin|reddit|pinterest|subscribe|follow|newsletter
          |sign\s+up|log\s*in|advertisement|top)\W*
      | share\s+(?:this|on|via|the\s+(?:article|story|post))\b.*
      | subscribe\s+(?:to|for|now|today|here)\b.*
      | follow\s+(?:us|rfa)\b.*
      | (?:related|more)\s+(?:stories|articles|news|posts|from)\b.*
      | tags?\s*:.*
      | read\s+(?:more|next)\b.*
      | (?:click\s+here|sign\s+up|back\s+to\s+top)\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_WIDGET_WORDS = 8


def is_chrome(text: str) -> bool:
    """Whether a stripped line is site chrome wherever it stands at the page's edges."""
    return (
        _CHROME.match(text) is not None
        or date_line(text) is not None
        or (_WIDGET.match(text) is not None and len(text.split()) <= _MAX_WIDGET_WORDS)
    )


# Lines of a site's page template read by screen readers and tickers, in our languages.
TEMPLATE = re.compile(
    r"""^(?:
        accessibility\s+links | skip\s+to\s+(?:main\s+)?content | breaking\s+news | latest\s+news
      | print\s+(?:story|article|this) | e-?mail\s+(?:story|article|this)
      | comment\s+on\s+this\s+story | link\s+copied(?:\s+successfully)? | keep\s+reading
      | continue\s+reading.* | full\s+story\s*:.*
      | please\s+wait | no\s+media\s+source\s+currently\s+available | embed | share\s+on\s+\w+
      | 연결\s*가능\s*링크 | 속보 | ភ្ជាប់ទៅគេហទំព័រទាក់ទង | ព័ត៌មានថ្មី | 無障礙鏈接 | 无障碍链接
      | (?:(?:본문|(?:주\s*)?메뉴|검색)\s*바로\s*가기\s*)+ | 跳[到至](?:主要)?[內内]容
      | 一[鍵键]分享 | .{0,20}?(?:相[關关](?:文章|新聞|新闻|報導|报道)|관련\s*기사)
      | 突發新聞 | 突发新闻 | tin\s+tức\s+khác.* | liên\s+kết\s+truy\s+cập | tin\s+nóng
      | read\s+(?:more|also|next)\b.* | leave\s+a\s+comment | give\s+your\s+comments?
      | your\s+browser\s+(?:doesn.t|does\s+not)\s+support\b.* | loading | published\s+in
      | e-?mail | share | print | a\s*[+-] | 分享到? | 收藏 | 打印 | 大字体 | 小字体 | 文字大小
      | 相关阅读 | 相關閱讀 | 延伸閱讀 | 原标题.* | 原標題.* | chia\s+sẻ | in\s+trang\s+này
      | ý\s+kiến\s+của\s+bạn | đường\s+dẫn\s+truy\s+cập | select\s+languages?
      | သုံးရလွယ်ကူစေသည့်\s*link\s*များ | နောက်ဆုံးရသတင်း
      | via\s+\S+(?:\s+\S+){0,3} | posted\s+on\b.*\bfiled\s+under\b.* | filed\s+under\s*:.*
      | follow\s+.{1,40}?\s+on\s+(?:facebook|twitter|x|telegram|youtube|instagram)\b.*
      | search\s+in\s+(?:title|content) | exact\s+matches\s+only
      | (?:generic|post\s+type)\s+selectors
      | read\s+.{0,30}\bcoverage\s+of\s+this\s+story\b.* | full\s+article\s+available\b.*
      | cỡ\s+chữ.* | .*【字号.*】.* | 字[号號體体]\s*[大中小].*
      | [您你]的位置\s*[:：].* | 當前位置.* | 当前位置.* | سىزنىڭ\s+ئورنىڭىز\s*[:：].*
      | 您的[浏瀏][览覽]器不支持.* | ཡིག་གཟུགས།.* | \(끝\) | image | photo | video
      | add\s+a\s+comment | pikir\s+qoshung | پىكىر\s+قوشۇڭ | ອອກຄວາມເຫັນ.* | မှတ်ချက်ပေးပို့ရန်
      | អ្នកមើល\s*\d[\d,.]* | ອ່ານເພີ່ມເຕີມ.* | ອ່ານເພິ່ມເຕີມ.*
      | 被?[閱阅][讀读]次[數数]\W*\d* | (?:views?|lượt\s+xem)\s*:?\s*\d[\d,.]*
      | \d[\d,.]*\s+(?:views|lượt\s+xem)
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# An image's file name, alone or opening its caption ("vietnam-bloggers-305.jpg Police …").
_IMAGE_FILE = re.compile(
    r"^\S+\.(?:(?:jpe?g|png|gif|webp|svg|bmp|tiff?)\b|mp3|mp4|m4a|wav|ogg)", re.IGNORECASE
)
# A caption's photo credit closing the line: "… 3/12/2015. AFP", "(AP Photo/NAME)",
# "iStockphoto/Thinkstock", "(攝影/REUTERS/NAME/達志影像)", "Credit: Depositphotos"; and an
# AP caption's "FILE - " opening. Agency credits of a photo, never the story's reporters.
_CAPTION_CREDIT = re.compile(
    r"""(?:^|[\s(/.。,，])
        (?:AP\s+Photo|REUTERS|AFP(?:\s+photo)?|EPA(?:-EFE)?|Getty\s+Images|Thinkstock
          |iStockphoto|Depositphotos|達志影像|Shutterstock)
        (?:\s*/\s*[^/()（）\n.]{2,40})*\s*[)）]?\s*$
      | ^(?:FILE\s*[-–—]\s|credit\s*:\s*\S)""",
    re.VERBOSE,
)
# A caption closing with its photo's credit: "(Photo: NAME / OUTLET)", "(資料照)",
# "(攝影/NAME)", "/ Photo: NAME/RFA", "PHOTO SUPPLIED", "© 网页截图", "NAME/RFA", ". (RFA)".
# The photo words are a closed class in every language we serve (headline_shapes reads
# them too).
PHOTO_WORDS = (
    r"photo|image|picture|pic|file|courtesy|資料照|资料照|攝|摄|圖片|图片|照片|截圖|截图"
    r"|사진|ảnh|hình|ဓာတ်ပုံ|ဓာတ္ပုံ|រូបថត|ຮູບ| པར་|سۈرەت|rasim|фото|credit"
)
PHOTO_CAPTION = re.compile(
    rf"""(?:
        [(（\[【]\s*(?:[^()（）\[\]【】]{{0,40}}?)(?:{PHOTO_WORDS})[^()（）\[\]【】]{{0,60}}[)）\]】]
      | [/|｜]\s*(?:photo|image)\s*:.{{2,60}}
      | \bphoto\s+supplied\.?
      | ©\s*[^\s©]{{1,12}}
      | (?<=\S)/\s*[A-Z][A-Za-z]{{1,7}}\s*[)）]?
      | [.。!?!?။។]\s*[(（]\s*[A-Z]{{2,6}}\s*[)）]
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_CAPTION_WEIGHT = 400
# A site's notices and controls, in our languages: a player or browser that cannot show
# the page, "best viewed in …", "back to top", share prompts (WeChat's "tap the top right"),
# a loader, cookie and privacy notices, a page or language picker, a feed reader's channel
# lines, a PHP warning. Closed classes of interface text, never a story sentence.
_UI_NOTICE = re.compile(
    r"""
        (?:your|this)\s+(?:device|browser)\s+(?:does\s+not|doesn.t|cannot|can.t)\s+
          (?:(?:appear|seem)\s+to\s+)?(?:support|play)
      | would\s+you\s+like\s+to\s+(?:go|switch|move)\s+to\b.{0,60}\b(?:website|site|version|edition)
      | (?:máy|trình\s+duyệt)\s+(?:của\s+bạn\s+)?không\s+hỗ\s+trợ
      | [您你]的[浏瀏][览覽]器不支[持援] | 브라우저(?:가|는|에서)?.{0,20}지원(?:하지|되지)\s*않
      | best\s+viewed\s+(?:in|with|using) | 最佳[浏瀏][览覽]效果 | 建[議议]使用.{0,40}[浏瀏][览覽]器
      | 請至.{0,20}官網下載 | 请至.{0,20}官网下载 | (?:upgrade|update)\s+your\s+browser
      | (?:enable|turn\s+on)\s+javascript | javascript\s+(?:is\s+)?(?:disabled|required)
      | ^(?:back\s+to\s+top|return\s+to\s+top|lên\s+đầu\s+trang|về\s+đầu\s+trang|맨\s*위로
          |回到(?:網頁|网页|頁面|页面)?(?:上方|頂端|顶端|頂部|顶部)|返回(?:頂部|顶部|頂端|顶端|首頁|首页))\W*$
      | ^(?:return|back|go)\s+to\s+
          (?:[*\[“"«].{1,60}|(?:the\s+)?(?:top|home(?:\s*page)?|index|main\s+page))\W*$
      | 点击右上角 | 點擊右上角 | 分享到朋友圈 | ^朋友圈$ | 使用[浏瀏][览覽]器分享
      | 微信扫一扫 | 微信掃一掃
      | 扫描二维码 | 掃描二維碼 | ^(?:loader|loading)(?:\s+image)?\W*$
      | \bcookies?\b.{0,80}\b(?:policy|consent|settings|accept|use) | we\s+use\s+cookies
      | privacy\s+(?:policy|notice) | ကွတ်ကီး | ကိုယ်ရေးအချက်အလက်လုံခြုံမှု | 隐私政策 | 隱私權政策
      | (?:隱私|隐私)(?:權|权)?(?:聲明|声明|規範|规范) | 代表[您你]同意
      | 개인정보\s*처리방침 | chính\s+sách\s+(?:bảo\s+mật|quyền\s+riêng\s+tư)
      | ^(?:select|choose)\s+(?:a\s+)?(?:page|language)\W*$ | ^seite\s+auswählen$
      | ^sprache\s+(?:auswählen|wählen)$ | ^chọn\s+(?:trang|ngôn\s+ngữ)\W*$
      | ^channel\s*:\s*\S | ^quantcast$ | ^viewing\s+all\s+\d+\s+articles$
      | ^browse\s+latest\s+view\s+live$ | ^latest\s+highlights?$ | ^(?:top|trending)\s+stories$
      | ^most\s+(?:read|popular|viewed)$
      | ^(?:warning|notice|deprecated|fatal\s+error|parse\s+error)\s*:.*\bon\s+line\s+\d+
      | ^logo\s+of\s+\S
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Icon names of a sprite run together ("arrow-downarrow-leftchevron-up…"): one long word.
_SPRITE = re.compile(r"[A-Za-z0-9@-]{60,}")
# A page clock of names alone: "Sat, Apr", "Monday", "Tue 20 Apr".
_CLOCK_NAMES = re.compile(
    r"""^(?:(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|nes|rs|ur|urday|sday|nesday|rsday)?\.?
        |(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w{0,6}\.?|\d{1,4})
        (?:[\s,/-]+(?:(?:mon|tue|wed|thu|fri|sat|sun)\w{0,6}\.?
        |(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w{0,6}\.?|\d{1,4})){0,3}$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_NOTICE_WEIGHT = 250  # a notice is short: a line longer is a page on one line
# A control's label alone on its line, perhaps after a bullet ("• Print", "- 기사 전체 보기"):
# share, print, comment, subscribe and read-on controls, rating widgets, "you may also like"
# and "most read" boxes, in our languages.
_CONTROL = re.compile(
    r"""^[•·*>»\-–—\s]*(?:
        share(?:\s+(?:this|story|article|post))? | print | comment | email | direct\s+link
      | show\s+all\s+news | update\s+hourly | notification\s+icon | img | message
      | user\s+rating\s*:.* | poorbest | (?:\S+\s+)?logo\s+sidebar
      | (?:\d+\s+)?comments?\s*: | \S+(?:\s+\S+)?\s+said\.{3}
      | you\s+(?:may|might)\s+also\s+like | recommended(?:\s+for\s+you)?
      | 소셜\s*공유 | 기사\s*전체\s*보기 | 공유하기 | 인쇄 | 댓글
      | 請繼續往下閱讀.* | 请继续往下阅读.* | 讀者迴響 | 读者回响 | 你可能會喜歡 | 你可能会喜欢
      | 人氣點閱榜 | 人气点阅榜 | 網友回應 | 网友回应 | 其他人都在看
      | 連結 | 链接 | 留言 | 訂閱 | 订阅
      | chia\s+sẻ(?:\s+bài\s+viết)? | bản\s+in | bình\s+luận | đọc\s+thêm
      | ចែករំលែក | ແບ່ງປັນ | မျှဝေရန် | ཁྱབ་སྤེལ།
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A photo's credit alone on its line under the caption: "RFA/Yang Chandara",
# "Jo Lee/BenarNews", "រូប៖ ហ្វេសប៊ុក CCHR".
_PHOTO_CREDIT_LINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|(?:រូប|ຮູບ)\s*[៖:]\s*\S.{0,60})$"
)


def is_ui_notice(text: str) -> bool:
    """A site's interface text (notices, controls, a sprite's icon names, a clock of names)."""
    if line_weight(text) > _MAX_NOTICE_WEIGHT:
        return False
    if _UI_NOTICE.search(text) or (_SPRITE.search(text) and "://" not in text):
        return True
    return _CLOCK_NAMES.match(text) is not None and any(ch.isalpha() for ch in text)


# Markup left in a saved text ("</p> <p>") and file slugs ("Uyghur-awazi-gezit-01").
_MARKUP = re.compile(r"^(?:\s*</?[a-zA-Z][^<>]*>\s*)+$")
_SLUG = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+){2,}$")
# A photo credit line: "Photo: RFA", "(Photo courtesy of …)", "Courtesy of baomoi.com".
_PHOTO_CREDIT = re.compile(
    r"""^[(\[]?\s*(?:photo|image|file\s+photo|picture|courtesy|ảnh|圖|图|사진|ဓာတ်ပုံ|រូបថត|ຮູບ)
        (?:\s+(?:courtesy|credit)(?:\s+of)?|\s+by|\s*[:：]|\s+of\b|\s*/)""",
    re.IGNORECASE | re.VERBOSE,
)
# A media player's read-out: "0:00 / 0:00", "0:00 0:04:17 0:00"; text-size toggles "XS" "SM".
_PLAYER = re.compile(r"^(?:\d{1,2}:\d{2}(?::\d{2})?[\s/]*)+$")
_SIZE_TOGGLE = re.compile(r"^(?:[A-Z]{1,3}\s*){1,5}$")
# Zawgyi/Unicode font toggles and markers: "(Zawgyi)⤵⤵⤵", "Unicode | Zawgyi".
_FONT_TOGGLE = re.compile(r"^\W*(?:zawgyi|unicode)\W*(?:(?:zawgyi|unicode)\W*)?$", re.IGNORECASE)
_MAX_FURNITURE_WORDS = 12


def is_furniture(text: str) -> bool:
    """Whether a stripped line is page furniture wherever it stands (never a story sentence).

    Structural forms first: file names, player read-outs, toggles, photo credits, template
    lines; a line that ends a sentence is never furniture by these rules.
    """
    if _IMAGE_FILE.match(text) or _PLAYER.match(text) or _FONT_TOGGLE.match(text):
        return True
    if is_ui_notice(text) or _CONTROL.match(text) or _PHOTO_CREDIT_LINE.match(text):
        return True
    if _MARKUP.match(text) or _SLUG.match(text) or _CAPTION_CREDIT.search(text):
        return True
    if PHOTO_CAPTION.search(text) and line_weight(text) <= _MAX_CAPTION_WEIGHT:
        return True
    if TEMPLATE.match(text) and len(text.split()) <= _MAX_FURNITURE_WORDS:
        return True
    if _SIZE_TOGGLE.match(text) and len(text) <= 3:
        return True
    return _PHOTO_CREDIT.match(text) is not None and len(text.split()) <= _MAX_FURNITURE_WORDS


def doubled_lines(lines: list[Line]) -> set[int]:
    """Lines shown exactly twice in a row (an image's alt text and its caption)."""
    doubled: set[int] = set()
    for index in range(1, len(lines)):
        same = lines[index].text == lines[index - 1].text
        before = index >= 2 and lines[index - 2].text == lines[index].text
        after = index + 1 < len(lines) and lines[index + 1].text == lines[index].text
        if same and not before and not after:
            doubled |= {index - 1, index}
    return doubled


def is_byline(text: str) -> bool:
    """A short "By NAME" line (the credit parser reads it; it is never the headline)."""
    return _BYLINE.match(text) is not None and len(text.split()) <= _MAX_FURNITURE_WORDS


_BYLINE = re.compile(r"^(?:by|от|por|par|von|bởi)\s+\S", re.IGNORECASE)


_MAX_NAME_WORDS = 5


def is_name_line(text: str, following: list[str]) -> bool:
    """A short line of a name or two under a headline, with a paragraph a few lines on."""
    return (
        line_weight(text) <= _MAX_BYLINE_CHARS
        and len(text.split()) <= _MAX_NAME_WORDS
        and not any(ch.isdecimal() for ch in text)
        and not text.rstrip(")）").endswith(SENTENCE_END)
        and not text.startswith(("(", "[", "“", '"', "«", "「"))
        and not is_credit_line(text)
        and any(line_weight(line) > 2 * line_weight(text) for line in following)
    )


_NAV_SEPARATOR = re.compile(r"\s+[|/›»]\s+|\s*[|>›»]\s*|\s*/\s*(?=\S)")
_MAX_NAV_PART_WEIGHT = 24
# Tag and archive pages of blogs: "Posts Tagged ‘X’", "Entries in Asia (22)", "Archive for …",
# "Category Archives: X", a listing's page number ("Home Blog Page 11").
_LISTING = re.compile(
    r"^(?:posts?\s+tagged|entries\s+(?:in|tagged)|archives?\s+for|category\s*:|tag\s*:"
    r"|(?:category|tag|author|monthly|daily|yearly)\s+archives?\s*:"
    r"|.{0,40}\s(?:page|trang)\s+\d{1,4}$)",
    re.IGNORECASE,
)


def is_navigation(text: str) -> bool:
    """A breadcrumb, section path or language switcher ("Asia / Cambodia", "簡體 | 繁體",
    "News | Page 7 | Site", "Section |"), or a blog's tag-page heading: never a headline."""
    if _LISTING.match(text):
        return True
    if text.rstrip().endswith(("|", "/", ">", "›", "»")):
        return True
    parts = [part for part in _NAV_SEPARATOR.split(text) if part.strip()]
    return len(parts) >= 2 and all(line_weight(part) <= _MAX_NAV_PART_WEIGHT for part in parts)


def is_site_name(text: str) -> bool:
    """Whether a short line only names an outlet or service ("Radio Free Asia", "RFA")."""
    from archive.identity.services import SERVICES, resolve_service

    if len(text) > 60 or text.endswith("."):
        return False
    key = " ".join(text.split()).casefold()
    organisations = {s.organization.casefold() for s in SERVICES}
    return key in organisations or resolve_service(text) is not None


_MAX_BYLINE_CHARS = 48


def is_top_navigation(text: str) -> bool:
    """A breadcrumb or navigation line: the site's header, above any story date."""
    return BREADCRUMB.match(text) is not None or is_navigation(text)
