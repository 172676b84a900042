"""The closed word classes the credit acceptor reads, in every language we serve.

Three small classes, each covering English, Burmese (Unicode and Zawgyi spellings where they
differ), Khmer, Lao, Tibetan, Uyghur (Arabic, Latin and Cyrillic scripts), Korean,
Vietnamese and Chinese (simplified and traditional):

- *role labels* (reporter, correspondent, writer, translator, editor, photographer,
  narrator, contributor): a credit line's label, before or after the names;
- *titles* (Dr., Prof., 博士, 박사, បណ្ឌិត, ດຣ., ဒေါက်တာ, Tiến sĩ …): taken off a name's head
  (or, for the Chinese and Korean ones written after the name, its tail);
- *generic credits* ("our reporter": 本刊记者, 本台记者, staff, Muxbirimiz …) and *page
  labels* (时间, 来源, Date …): never a person, whatever reads them as a name;
- *outlet words* (agency, news, 通讯社, 일보, ئاگېنتلىقى …): a "name" holding one names an
  outlet.

These are lists of the languages' words for a closed set of things, not any site's
wording; docs/credits.md ("The acceptor") says how they are used.
"""

from __future__ import annotations

import re
import unicodedata

from archive.ingest.credits import Role

__all__ = [
    "HANGUL_SURNAMES",
    "HAN_SURNAMES",
    "ROLE_LABELS",
    "has_meta_word",
    "has_outlet_word",
    "is_generic_credit",
    "is_place_abbreviation",
    "label_role",
    "strip_titles",
]

# The classes are word lists, kept a few to a line (fmt: off) so they read as lists.
# fmt: off
# Role → its labels. Matched case-folded, as whole words where the script spaces words.
ROLE_LABELS: dict[Role, tuple[str, ...]] = {
    "reporter": (
        "reporter", "reporters", "correspondent", "reported by", "reporting by", "by", "theo",
        "ដោយ", "ໂດຍ",
        "记者", "記者", "特派员", "特派員", "报道", "報導", "기자", "특파원", "취재",
        "文字记者", "文字記者",
        "phóng viên", "pv", "thông tín viên", "cộng tác viên",
        "သတင်းထောက်", "သတင်းေထာက္", "သတင္းေထာက္",  # Unicode, mixed, Zawgyi
        "អ្នកយកព័ត៌មាន", "ນັກຂ່າວ", "ລາຍງານໂດຍ", "སྙན་སྒྲོན་པ", "གསར་འགོད་པ",
        "مۇخبىر", "مۇخبىرىمىز", "muxbir", "muxbirimiz", "мухбир", "мухбиримиз",
    ),
    "writer": (
        "writer", "author", "author name", "written by", "作者", "文", "撰文", "撰稿", "글", "필자",
        "tác giả", "ရေးသားသူ", "ဆောင်းပါးရှင်", "ေရးသားသူ", "ေဆာင္းပါးရွင္",
        "អត្ថបទ", "អ្នកនិពន្ធ", "ຂຽນໂດຍ", "ຜູ້ຂຽນ", "རྩོམ་པ་པོ",
        "ئاپتور", "يازغۇچى", "aptor", "аптор",
    ),
    "translator": (
        "translator", "translated by", "翻译", "翻譯", "编译", "編譯", "번역",
        "dịch", "người dịch", "biên dịch", "chuyển ngữ", "lược dịch",
        "ဘာသာပြန်", "ဘာသာျပန္", "បកប្រែ", "ប្រែសម្រួលដោយ", "ແປ", "ແປໂດຍ",
        "ཡིག་སྒྱུར", "སྒྱུར་མཁན", "تەرجىمە قىلغۇچى", "تەرجىمان", "terjime qilghuchi",
        "terjiman", "тәрҗимә қилғучи", "тәрҗиман",
        # "NAME's translation", written after the name
        "تەرجىمىسى", "terjimisi", "тәрҗимиси",
        # "the Uyghur version's preparer": the translator of a story from another language
        "ئۇيغۇرچە تەييارلىغۇچى", "uyghurche teyyarlighuchi", "уйғурчә тәйярлиғучи",
    ),
    "editor": (
        "editor", "edited by", "editing by", "编辑", "編輯", "责任编辑", "責任編輯", "责编",
        "責編", "新媒体编辑", "新媒體編輯", "网络编辑", "網絡編輯", "網路編輯",
        # the second and third reviews of a Chinese newsroom's sign-off (一审 二审 三审)
        "一审", "二审", "三审", "初审", "复审", "终审", "一審", "二審", "三審", "初審",
        "複審", "終審",
        "편집", "biên tập", "biên tập viên", "တည်းဖြတ်", "တည္းျဖတ္", "កែសម្រួល",
        "និពន្ធនាយក", "ບັນນາທິການ", "རྩོམ་སྒྲིག་འགན་འཁུར་པ", "རྩོམ་སྒྲིག་པ", "مۇھەررىر", "تەھرىر", "muherrir",
        "мухәррир",
    ),
    "photographer": (
        "photo", "photos", "photo by", "photos by", "photographer", "摄影", "攝影", "图", "圖",
        "사진", "ảnh", "ဓာတ်ပုံ", "ဓာတ္ပုံ", "រូបថត", "ຮູບ", "ພາບ", "པར", "سۈرەت",
        "süret", "сүрәт",
    ),
    "narrator": (
        "narrator", "narrated by", "播音", "主播", "낭독", "đọc", "người đọc",
        "အသံ", "អ្នកអាន", "ຜູ້ອ່ານ", "ཀློག་མཁན", "ئوقۇغۇچى", "oqughuchi", "оқуғучи",
    ),
    "contributor": (
        "contributor", "contributed", "contributed by", "contributed reporting", "供稿",
        "通讯员", "通訊員", "参与采写", "參與採寫", "đóng góp",
        # Xinhua's local reporting staff ("报道员:A、B" under its reporters)
        "报道员", "報道員",
    ),
}

# Titles before a name: Dr., Prof., Mr. and their kin in each language.
_TITLES_BEFORE = (
    "dr", "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "tiến sĩ", "ts.", "giáo sư", "gs.", "ông", "bà", "ဒေါက်တာ", "ေဒါက္တာ", "ပါမောက္ခ",
    "បណ្ឌិត", "សាស្ត្រាចារ្យ", "លោកស្រី", "លោក", "ດຣ.", "ດຣ", "ອຈ.", "ທ່ານ", "ທ້າວ", "ນາງ",
    "དགེ་བཤེས", "doktor", "دوكتور", "доктор", "profésor", "پروفېسسور", "профессор",
)
# Titles written after a name (Chinese, Korean).
_TITLES_AFTER = ("博士", "教授", "先生", "女士", "박사", "교수", "씨")

# Credits of nobody by name ("our reporter", "staff"), and the labels of a page's meta
# lines (time, date, source, views) that a reader may take for a name after a colon.
_GENERIC = frozenset(
    {
        "staff", "staff reporter", "staff reporters", "staff writer", "staff writers",
        "our reporter", "our correspondent", "our correspondents", "correspondent",
        "reporter", "editor", "admin", "administrator", "anonymous", "unknown", "guest",
        "本刊记者", "本报记者", "本台记者", "本网记者", "本刊記者", "本報記者", "本台記者",
        "本網記者", "记者", "記者", "特约记者", "特約記者", "编辑", "編輯", "佚名", "匿名",
        "本站", "小编", "小編", "时间", "時間", "日期", "来源", "來源", "点击", "點擊",
        "阅读", "閱讀", "浏览", "瀏覽", "发布", "發布", "發佈", "作者",
        "未知", "不详", "不詳", "无", "無",
        "기자", "편집", "온라인뉴스팀", "디지털뉴스팀", "취재팀",
        "phóng viên", "pv", "nhóm phóng viên", "biên tập viên", "ban biên tập", "thời gian",
        "nguồn", "tác giả",
        "សារព័ត៌មាន", "អ្នកយកព័ត៌មាន", "ນັກຂ່າວ", "ຜູ້ສື່ຂ່າວ",
        "သတင်းထောက်", "သတင်းေထာက္", "သတင်းထောက်များ", "သတင္းေထာက္",
        "مۇخبىرىمىز", "مۇخبىر", "muxbirimiz", "мухбиримиз", "ئىختىيارىي مۇخبىرىمىز",
        "ixtiyariy muxbirimiz", "ихтиярий мухбиримиз",
        "date", "time", "source", "views",
        # a picture's or a video's word over a caption, read alone as a "name"
        "image", "images", "video", "hình ảnh", "图片", "圖片", "视频", "視頻", "동영상",
        "영상", "រូបភាព", "វីដេអូ", "ຮູບພາບ", "ວິດີໂອ", "ဗီဒီယို", "པར་རིས", "བརྙན་ཟློས",
        # a label's verb read alone ("Reporting by …; Editing by …")
        "written", "reporting", "reported", "editing", "edited", "translated", "posted",
        "updated", "published", "narrated", "photographed",
    }
)

# A word naming an outlet (an agency, a paper, a station, a news service).
_OUTLET_WORDS = frozenset(
    {
        "agency", "news", "press", "times", "post", "tribune", "radio", "tv", "television",
        "network", "service", "services", "daily", "media", "journal", "herald", "gazette",
        "edition",
        "ئاگېنتلىقى", "ئاگېنتلىق", "agentliqi", "агентлиғи", "گېزىتى", "gézit", "гезити",
        "radiosi", "радиоси", "رادىيوسى", "تورى",
        "báo", "đài", "thông tấn", "thông tấn xã",
        "뉴스", "일보", "신문", "방송", "통신",
        "ព័ត៌មាន", "វិទ្យុ", "ຂ່າວ", "ວິທະຍຸ", "သတင်း", "ရေဒီယို", "གསར་འགྱུར",
    }
)
# A page's meta words (published, updated, date …): a "name" holding one is a meta line
# ("OUTLET ចេញផ្សាយ ថ្ងៃទី …", "Cập nhật …"), not a person.
_META_WORDS = frozenset(
    {
        "published", "updated", "posted", "cập nhật", "đăng lúc", "입력", "수정", "등록",
        "发布", "發布", "發佈", "更新", "日期", "ចេញផ្សាយ", "កាលបរិច្ឆេទ", "ថ្ងៃទី",
        "ເຜີຍແຜ່", "ວັນທີ", "ထုတ်ပြန်", "ထုတ္ျပန္", "སྤེལ་དུས", "ۋاقتى", "يوللانغان",
        "waqti", "вақти",
        # Tibetan: source, time, read count (a site's meta line "ཡོང་ཁུངས།:SITE། དུས་ཚོད།:DATE")
        "ཡོང་ཁུངས", "དུས་ཚོད", "ཀློག་གྲངས",
    }
)
# Chinese and Korean outlets end in one of these, glued (新华社, 人民日报, 中央台, 新浪网,
# 연합뉴스, 조선일보).
_GLUED_OUTLET_ENDS = (
    "社", "报", "報", "台", "网", "網", "刊", "电视", "電視", "新闻", "新聞",
    "뉴스", "일보", "신문", "방송", "통신",
    "သတင်းဌာန", "သတင္းဌာန",  # Burmese "news agency" ends an outlet's name
    "དྲ་བ", "ཚགས་པར",  # Tibetan "website", "newspaper" (མཚོ་སྔོན་པོ་དྲ་བ, …ཉིན་རེའི་ཚགས་པར)
)

# The commonest Chinese surnames (simplified and traditional) and Korean ones: a name of
# two to four syllables opening with one is a person's shape; a word of a sentence ("表示",
# "下午四点") is not.
HAN_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮"
    "邓鄧曹彭曾肖蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范"
    "金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬"
    "钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯"
    "岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂游"
    "赖賴辛鄺邝洪卓闵閔"
)
HANGUL_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지"
    "엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용"
)

# fmt: on

_SPACE = re.compile(r"\s+")


def _fold(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def _labels_by_length() -> list[tuple[str, Role]]:
    pairs = [(_fold(label), role) for role, labels in ROLE_LABELS.items() for label in labels]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


_LABELS = _labels_by_length()


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def _spaced(text: str) -> bool:
    """Whether ``text`` is in a script that spaces its words (Latin, Cyrillic, Arabic,
    Hangul)."""
    return all(
        not (
            "\u3400" <= ch <= "\u9fff"
            or "\u0e00" <= ch <= "\u0fff"
            or "\u1000" <= ch <= "\u109f"
            or "\u1780" <= ch <= "\u17ff"
        )
        for ch in text
    )


def label_role(text: str, *, at: str = "start") -> tuple[Role, int] | None:
    """The role of the label opening (``at="start"``) or closing (``at="end"``) ``text``,
    with the label's length in the folded text; None when none does. A label in a spaced
    script must stand as a whole word ("Photos", not "Photoshop")."""
    folded = _fold(text)
    for label, role in _LABELS:
        if at == "start" and folded.startswith(label):
            rest = folded[len(label) :]
            # a whole word in a spaced script; a one-character Chinese label ("文", "图")
            # only before a separator ("文/NAME", not "文化")
            if rest and (_spaced(label) or len(label) == 1) and _is_word_char(rest[0]):
                continue
            return role, len(label)
        if at == "end" and folded.endswith(label):
            before = folded[: -len(label)]
            if before and _spaced(label) and _is_word_char(before[-1]):
                continue
            return role, len(label)
    return None


def is_generic_credit(name: str) -> bool:
    """Whether a "name" credits nobody by name: "our reporter" (本刊记者, staff, Muxbirimiz),
    a bare role label, or a page's meta label (时间, 来源)."""
    folded = _fold(name).strip(" .:：,;")
    if folded in _GENERIC or folded.endswith(" staff"):  # "UPI Staff": the outlet's people
        return True
    return any(folded == label for label, _role in _LABELS)


def has_outlet_word(name: str) -> bool:
    """Whether a "name" holds a word of an outlet's (agency, 일보, ئاگېنتلىقى, 通讯社 …)."""
    folded = _fold(name)
    words = folded.split()
    if any(word.strip(".,") in _OUTLET_WORDS for word in words):
        return True
    if any(" " in word and word in folded for word in _OUTLET_WORDS):
        return True
    return any(word.endswith(_GLUED_OUTLET_ENDS) and len(word) > 2 for word in words)


def has_meta_word(name: str) -> bool:
    """Whether a "name" holds a page meta word (published, updated, 更新, ចេញផ្សាយ, ថ្ងៃទី …):
    as a word where the script spaces words, anywhere in it where it does not."""
    folded = _fold(name)
    words = {word.strip(".,:：") for word in folded.split()}
    return any(
        (word in words or (" " in word and word in folded)) if _spaced(word) else word in folded
        for word in _META_WORDS
    )


# Vietnamese administrative places are written with an abbreviation of their class before
# the name: thành phố (TP.), thị xã (TX.), thị trấn (TT.), huyện (H.), quận (Q.), phường (P.),
# xã (X.): "TX.Cửa Lò", "H. Quỳnh Lưu" are places, not people.
_PLACE_ABBREVIATION = re.compile(r"^(?:(?P<long>tp|tx|tt)|(?P<short>[hqpx]))\.\s*\w", re.IGNORECASE)


def is_place_abbreviation(name: str) -> bool:
    """Whether a "name" is a Vietnamese place written with its class's abbreviation
    ("TX.Cửa Lò", "H. A Lưới", "TP. Huế"); a one-letter one only before a capitalised
    word not in capitals (the initial of a signature in capitals, "P.LONG", stays a name)."""
    match = _PLACE_ABBREVIATION.match(name.strip())
    if match is None:
        return False
    return bool(match["long"]) or name != name.upper()


def strip_titles(name: str) -> str:
    """``name`` without the titles before it (Dr., បណ្ឌិត, ດຣ., ဒေါက်တာ, Tiến sĩ …) or, in
    Chinese and Korean, after it (博士, 박사); the name itself when nothing would be left."""
    text = name.strip()
    changed = True
    while changed:
        changed = False
        folded = text.casefold()
        for title in _TITLES_BEFORE:
            if folded.startswith(title):
                rest = text[len(title) :]
                if _spaced(title) and rest and not rest[0].isspace() and title[-1] != ".":
                    continue
                rest = rest.lstrip(" \u200b")
                if rest:
                    text, changed = rest, True
                    break
    for title in _TITLES_AFTER:
        if text.endswith(title) and len(text) > len(title) + 1:
            text = text[: -len(title)].rstrip()
            break
    return text
