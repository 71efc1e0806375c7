"""The words the date reader knows, in every interface language.

The vocabulary is shared by all languages: the language an applicant answers in need not be
the interface language, so "vers mars 2019" is read in an English interface too. Only two
things depend on the interface language (see `domain.date_input`): the day/month order of
numeric dates and what the Ge'ez month names mean in Tigrinya.

Every key goes through `text.fold_for_dates`, the same function applied to the applicant's
text, so spelling variants that differ only in accents, hamza/madda, Arabic vs Persian letter
forms, Turkish dotless i, Cyrillic ё/й or full-width digits need no entry of their own. Words of
several tokens ("كانون الثاني", "aşağı yukarı") are phrases: `join_phrases` turns a month or
season phrase into one token before the text is split. A test checks that no normalised key
means two different things.
"""

from __future__ import annotations

import re

from asylum_prep.domain import ethiopian, jalali
from asylum_prep.text import fold_for_dates


def _key(word: str) -> str:
    return fold_for_dates(word).replace(" ", "_")


def _table(rows: tuple[str, ...], start: int = 1) -> dict[str, int]:
    """Month tables: row n (from `start`) lists the names of month n, separated by '|'."""
    out: dict[str, int] = {}
    for number, names in enumerate(rows, start=start):
        for name in names.split("|"):
            key = _key(name.strip())
            if out.setdefault(key, number) != number:
                raise ValueError(f"month name {name!r} means two months")
    return out


# Words meaning "about" (the date becomes approximate). Early/mid/late and "beginning/end of"
# count as "about" too: the stored precision stays the month or year.
APPROX: tuple[str, ...] = tuple(fold_for_dates(w) for w in (
    # English
    "approximately|approx.|approx|around|about|circa|roughly|ca.|c.|early|mid-|mid|late|"
    "beginning of|end of|sometime in|~|"
    # Spanish
    "alrededor de|aproximadamente|cerca de|hacia|principios de|mediados de|finales de|"
    "a principios de|a mediados de|a finales de|más o menos|"
    # French
    "vers|environ|autour de|aux alentours de|à peu près|début|mi-|fin|courant|"
    # Haitian Creole
    "anviwon|apeprè|vè|kòmansman|mitan|fen|"
    # Portuguese
    "por volta de|por volta da|por volta do|em torno de|mais ou menos|início de|no início de|"
    "meados de|fim de|final de|no final de|"
    # Turkish (after the date: "2019 civarı")
    "civarı|civarında|civarlarında|yaklaşık|aşağı yukarı|sıralarında|sıraları|dolaylarında|"
    "dolayları|başı|başında|başları|başlarında|ortası|ortasında|ortaları|ortalarında|sonu|"
    "sonunda|sonları|sonlarında|"
    # Russian
    "около|примерно|приблизительно|где-то|в начале|в середине|в конце|"
    # Ukrainian
    "близько|приблизно|орієнтовно|десь|на початку|в середині|у середині|наприкінці|"
    "в кінці|у кінці|"
    # Chinese (no spaces around them)
    "大约|大概|约|左右|前后|上下|年初|年中|年底|年末|上旬|中旬|下旬|"
    # Arabic
    "حوالي|تقريبًا|تقريبا|نحو|قرابة|في حدود|أوائل|أواسط|منتصف|أواخر|بداية|نهاية|"
    # Persian and Dari
    "حدوداً|حدودا|در حدود|حدود|تقریباً|تقریبا|نزدیک به|اوایل|اواسط|اواخر|"
    # Pashto
    "شاوخوا|نږدې|نږدی|نژدې|"
    # Urdu
    "لگ بھگ|کے لگ بھگ|تقریباً|قریباً|اندازاً|کے آس پاس|آس پاس|"
    # Amharic
    "በግምት|ገደማ|አካባቢ|ወደ|ያህል|"
    # Tigrinya
    "ብግምት|ኣስታት|ኣብ ከባቢ|ብከባቢ|ከባቢ"
).split("|"))

# Words ignored around a date ("in", "of", "year", "month", "day", era names).
FILLER = frozenset(fold_for_dates(w) for w in (
    "of the in on year "  # English
    "de del en el la "  # Spanish
    "le les l d du des au aux a à "  # French, Spanish and Portuguese "a"
    "nan an mwa ane lane "  # Haitian Creole
    "da do dos das em no na "  # Portuguese
    "yılı yılında yıl ayı ayında ay "  # Turkish
    "в во у г гг год года году р рік року році "  # Russian, Ukrainian
    "في عام سنة شهر ميلادي م "  # Arabic
    "ماه سال در ی هجری شمسی خورشیدی میلادی ad sh ap "  # Persian, Dari
    "په کې کی کال د میاشت میاشتې لمریز "  # Pashto
    "میں کے کا سن ء عیسوی ماہ مہینہ "  # Urdu
    "ቀን ዓመት ወር "  # Amharic
    "ኣብ ወርሒ ዕለት"  # Tigrinya
).split())

GREGORIAN_MONTHS = _table((
    "january|jan|enero|ene|janvier|janv|janvye|janeiro|ocak|январь|января|январе|янв|"
    "січень|січня|січні|січ|يناير|جانفي|كانون الثاني|كانون ثاني|ژانویه|جنوری|جنوري|"
    "一月|ጃንዋሪ|ጃንዩወሪ|ጃኑዋሪ|ጃን",
    "february|feb|febrero|février|févr|fevriye|fevereiro|fev|şubat|şub|февраль|февраля|"
    "феврале|февр|лютий|лютого|лютому|лют|فبراير|فيفري|شباط|فوریه|فبروری|فبروري|فېبروري|"
    "فروری|二月|ፌብሩዋሪ|ፌብሩወሪ|ፌብ",
    "march|mar|marzo|mars|mas|março|mart|март|марта|марте|березень|березня|березні|бер|"
    "مارس|آذار|مارچ|三月|ማርች",
    "april|apr|abril|abr|avril|avr|nisan|nis|апрель|апреля|апреле|апр|квітень|квітня|квітні|"
    "квіт|أبريل|إبريل|أفريل|نيسان|آوریل|اپریل|四月|ኤፕሪል|ኤፕረል|ኤፕሪ",
    "may|mayo|mai|me|maio|mayıs|май|мая|мае|травень|травня|травні|трав|مايو|ماي|أيار|مه|می|"
    "مۍ|مئی|五月|ሜይ",
    "june|jun|junio|juin|jen|junho|haziran|haz|июнь|июня|июне|июн|червень|червня|червні|"
    "черв|يونيو|يونية|جوان|حزيران|ژوئن|جون|六月|ጁን",
    "july|jul|julio|juillet|juil|jiyè|jiyet|julho|temmuz|tem|июль|июля|июле|липень|липня|"
    "липні|лип|يوليو|يوليه|يوليوز|جويلية|تموز|ژوئیه|جولای|جولائی|七月|ጁላይ",
    "august|aug|agosto|ago|août|out|ağustos|ağu|август|августа|августе|авг|серпень|серпня|"
    "серпні|серп|أغسطس|غشت|أوت|آب|اوت|آگوست|اگوست|اگست|آگست|اګست|八月|ኦገስት|ኦገስ",
    "september|sep|sept|septiembre|setiembre|septembre|septanm|setembro|set|eylül|eyl|"
    "сентябрь|сентября|сентябре|сент|вересень|вересня|вересні|вер|سبتمبر|شتنبر|أيلول|سپتامبر|"
    "سپتمبر|سېپتمبر|ستمبر|九月|ሴፕቴምበር|ሴፕተምበር|ሴፕቴ",
    "october|oct|octubre|octobre|oktòb|outubro|ekim|eki|октябрь|октября|октябре|окт|жовтень|"
    "жовтня|жовтні|жовт|أكتوبر|تشرين الأول|تشرين اول|اکتبر|اکتوبر|十月|ኦክቶበር|ኦክተውበር|ኦክቶ",
    "november|nov|noviembre|novembre|novanm|novembro|kasım|kas|ноябрь|ноября|ноябре|нояб|"
    "листопад|листопада|листопаді|лист|نوفمبر|نونبر|تشرين الثاني|تشرين ثاني|نوامبر|نومبر|"
    "十一月|ኖቬምበር|ኖቨምበር|ኖቬም",
    "december|dec|diciembre|dic|décembre|déc|desanm|dezembro|dez|aralık|aralığı|ara|"
    "декабрь|декабря|декабре|дек|грудень|грудня|грудні|груд|ديسمبر|دجنبر|كانون الأول|"
    "كانون اول|دسامبر|دسمبر|十二月|ዲሴምበር|ዲሴም",
))

# The twelve Solar Hijri months: Iranian names, Afghan (Dari) zodiac names, Pashto names and
# transliterations, every spelling `domain.jalali` knows.
SOLAR_MONTHS = _table(tuple("|".join(names) for names in jalali.SPELLINGS))

# The thirteen Ethiopian months in Ge'ez script, every spelling `domain.ethiopian` knows. In
# Tigrinya (Eritrean usage, and the app's own Tigrinya dates) the same names are Gregorian
# months (`ethiopian.gregorian_month`).
GEEZ_MONTHS = _table(tuple("|".join(names) for names in ethiopian.SPELLINGS))


# Season -> its first month (Gregorian, Solar Hijri). Northern-hemisphere seasons.
SEASONS: dict[str, tuple[int, int]] = {}
for _pair, _names in (
    ((3, 1), "spring|primavera|printemps|prentan|ilkbahar|bahar|весна|весной|весны|весне|"
             "навесні|весною|春|春天|春季|ربيع|الربيع|بهار|پسرلی|پسرلي"),
    ((6, 4), "summer|verano|été|ete|verão|yaz|лето|летом|лета|літо|влітку|улітку|літом|"
             "літа|夏|夏天|夏季|صيف|الصيف|تابستان|اوړی|دوبی|گرمی|گرما"),
    ((9, 7), "autumn|fall|otoño|automne|otòn|outono|sonbahar|güz|осень|осенью|осени|осінь|"
             "восени|осінню|秋|秋天|秋季|خريف|الخريف|پاییز|پائیز|خزان|خزاں|منی"),
    ((12, 10), "winter|invierno|hiver|ivè|inverno|kış|зима|зимой|зимы|зиме|взимку|узимку|"
               "зимою|冬|冬天|冬季|شتاء|الشتاء|زمستان|ژمی|سردی|سرما"),
):
    for _name in _names.split("|"):
        SEASONS[_key(_name)] = _pair

# Turkish endings after a month or season ("Mart'ta" loses its apostrophe part earlier;
# "martta", "ilkbaharda", "kışın", "sonbaharı" are read here).
_TURKISH_BASES = frozenset(_key(w) for w in (
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık "
    "ilkbahar bahar yaz sonbahar güz kış").split())
_TURKISH_ENDINGS = tuple(sorted((fold_for_dates(w) for w in (
    "da de ta te ı i u ü nda nde ında inde unda ünde ın in un ün dan den tan ten"
).split()), key=len, reverse=True))
_ETHIOPIC_PREFIXES = ("በ", "ብ")  # "in": በመጋቢት 2011

PHRASES = tuple(sorted((k for k in (*GREGORIAN_MONTHS, *SEASONS) if "_" in k),
                       key=len, reverse=True))


def join_phrases(text: str) -> str:
    """Make month and season phrases one token: "كانون الثاني" -> "کانون_الثانی"."""
    for phrase in PHRASES:
        text = re.sub(r"(?<!\w)" + re.escape(phrase.replace("_", " ")) + r"(?!\w)", phrase, text)
    return text


def _base(word: str) -> str:
    """The dictionary form of a month or season word, without Turkish endings or a Ge'ez 'in'."""
    if word in GREGORIAN_MONTHS or word in SEASONS or word in GEEZ_MONTHS:
        return word
    for ending in _TURKISH_ENDINGS:
        if word.endswith(ending) and word[:-len(ending)] in _TURKISH_BASES:
            return word[:-len(ending)]
    if word[:1] in _ETHIOPIC_PREFIXES and word[1:] in (*GREGORIAN_MONTHS, *GEEZ_MONTHS):
        return word[1:]
    return word


# Abbreviations that mean another month in one language ("out." is outubro in Portuguese,
# while "out" is August in Haitian Creole).
LANGUAGE_MONTHS: dict[str, dict[str, int]] = {"pt": {"out": 10}}


def lookup(word: str, lang: str = "") -> tuple[str, object] | None:
    """("season", (greg, solar)) | ("solar", n) | ("geez", n) | ("gregorian", n) | None."""
    word = _base(word)
    if word in LANGUAGE_MONTHS.get(lang, {}):
        return "gregorian", LANGUAGE_MONTHS[lang][word]
    if word in SEASONS:
        return "season", SEASONS[word]
    if word in SOLAR_MONTHS:
        return "solar", SOLAR_MONTHS[word]
    if word in GEEZ_MONTHS:
        return "geez", GEEZ_MONTHS[word]
    if word in GREGORIAN_MONTHS:
        return "gregorian", GREGORIAN_MONTHS[word]
    return None
