"""Exercise names as sources write them: the key two names share when they name the same exercise, the source tags
a name carries, and the display name a page shows.

The key ignores word order, case, spacing and hyphens; each word loses its plural ending (-s, -es after ch, sh,
ss, x or z, -ies); a few spellings and the synonyms of equipment words are folded onto one word (lever, leverage
and machine; db and dumbbell; bb and barbell; ez, EZ bar and E-Z curl bar; body weight and bodyweight), and
words a source splits or joins at will are joined (push up, push-up and pushup). Source tags such as "(male)",
"v. 2" or "(side pov)" say how a source filmed or versioned a record, not what the exercise is: the key and the
display name drop them, and the importer keeps the original name as an alias.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

import ftfy

# Tags a source adds to a record's name: who demonstrates it, which take or version, which camera view.
SOURCE_TAG = re.compile(
    r"\s*\((?:[a-z ]*\bpov|male|female|men|women|version \d+|v\.? ?\d+)\)"
    r"|\s+\bv\.? ?\d+\b\.?"
    r"|\s+\b(?:version \d+|(?:side |front |back )?pov)\b",
    re.IGNORECASE,
)
# Words that sources write apart, hyphenated or joined; each sequence becomes the one token on the right.
PHRASES: dict[tuple[str, ...], str] = {
    ("body", "weight"): "bodyweight",
    ("e", "z", "curl", "bar"): "ezbar",
    ("e", "z", "bar"): "ezbar",
    ("ez", "curl", "bar"): "ezbar",
    ("ez", "barbell"): "ezbar",
    ("ez", "bar"): "ezbar",
    ("e", "z"): "ezbar",
    ("leverage", "machine"): "machine",
    ("lever", "machine"): "machine",
    ("smith", "machine"): "smith",
    ("t", "bar"): "tbar",
    ("dead", "lift"): "deadlift",
    ("bent", "over"): "bentover",
    ("press", "up"): "pushup",
    ("medium", "grip"): "mediumgrip",
    **{
        (verb, particle): verb + particle
        for verb, particle in (
            ("push", "up"),
            ("pull", "up"),
            ("chin", "up"),
            ("sit", "up"),
            ("step", "up"),
            ("get", "up"),
            ("curl", "up"),
            ("pull", "down"),
            ("push", "down"),
            ("kick", "back"),
            ("pull", "over"),
            ("cross", "over"),
            ("roll", "out"),
            ("pull", "through"),
            ("lock", "out"),
        )
    },
}
LONGEST_PHRASE = max(len(p) for p in PHRASES)
# Single words folded onto one spelling; the equipment synonyms first.
SYNONYMS = {
    "lever": "machine",
    "leverage": "machine",
    "db": "dumbbell",
    "bb": "barbell",
    "kb": "kettlebell",
    "ez": "ezbar",
    "flye": "fly",
    "single": "one",
    "alternate": "alternating",
    "calve": "calf",
    "pressup": "pushup",
}
# Equipment words, as the key spells them. A name without them still names the movement (see `movement_key`).
EQUIPMENT_WORDS = frozenset(
    {"machine", "dumbbell", "barbell", "ezbar", "bodyweight", "kettlebell", "cable", "band", "smith"}
)
# Words sources add or leave out for the same movement: a one-arm dumbbell row is bent over, a bench press flat
# and done with a medium grip.
IMPLIED_WORDS = frozenset({"bentover", "standing", "flat", "mediumgrip"})


@dataclass(frozen=True)
class SourceName:
    """A source's name taken apart: the name without its tags, and the tags."""

    name: str
    tags: tuple[str, ...]


def split_tags(name: str) -> SourceName:
    """The name without source tags ("(male)", "v. 2", "pov"), and the tags it carried, in order."""
    tags = tuple(m.group().strip(" .()") for m in SOURCE_TAG.finditer(name))
    return SourceName(" ".join(SOURCE_TAG.sub(" ", name).split()), tags)


def repair_text(text: str) -> str:
    """Text with mis-decoded characters repaired: `45Â°` and `45в°` both become `45°`.

    ftfy repairs UTF-8 read as Latin-1 or Windows-1252. A name read as Windows-1251 and then lower-cased
    (`в°`, from the capital letter) no longer looks like mojibake to it, so a run of Cyrillic letters inside a
    Latin name is re-read as the bytes it came from, upper-cased first if that makes them valid UTF-8.
    """
    text = ftfy.fix_text(text, normalization="NFC")
    if not re.search(r"[a-zA-Z]", text):
        return text
    return re.sub(r"[\u0400-\u04ff][^\x00-\x7f\u0400-\u04ff]*", _reread_1251, text)


def _reread_1251(match: re.Match[str]) -> str:
    run = match.group()
    for attempt in (run, run.upper()):
        try:
            return attempt.encode("windows-1251").decode("utf-8")
        except UnicodeError:
            continue
    return run


# A pure function of its argument, asked about the same few thousand names many times per import (the index, the
# matching and the report each take names apart): a bounded memo, whose answers can never go stale.
@functools.lru_cache(maxsize=1 << 16)
def words(name: str) -> tuple[str, ...]:
    """The name's tokens as the key sees them: tags dropped, phrases joined, singular, synonyms folded."""
    # No repair_text here: folding to ASCII drops a mis-decoded sign as it drops the sign itself, and it is cheap.
    text = _ascii(split_tags(name).name).lower().replace("&", " and ")
    raw = [_singular(w) for w in re.findall(r"[a-z0-9]+", text)]
    out: list[str] = []
    i = 0
    while i < len(raw):
        for size in range(min(LONGEST_PHRASE, len(raw) - i), 1, -1):
            joined = PHRASES.get(tuple(raw[i : i + size]))
            if joined:
                out.append(joined)
                i += size
                break
        else:
            out.append(SYNONYMS.get(raw[i], raw[i]))
            i += 1
    return tuple(out)


def name_key(name: str) -> str:
    """The key two exercise names must share to be the same exercise: its distinct words, sorted.

    `Barbell Incline Bench Press` and `incline barbell bench-press`, `Crunches` and `crunch`, `DB Curl` and
    `Dumbbell Curls`, `Pushups` and `push up` agree; `Press` stays `press`.
    """
    return " ".join(sorted(set(words(name))))


def movement_key(name: str) -> str:
    """The name key without equipment words and the words sources leave out (`bent over`, `standing`, `flat`):
    `Lever Leg Extension` and `Leg Extension` agree here, and a merge by it must agree on equipment."""
    return " ".join(sorted(set(words(name)) - EQUIPMENT_WORDS - IMPLIED_WORDS))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) >= 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _ascii(text: str) -> str:
    """ASCII without apostrophes, so `Farmer's Walk` becomes `farmers walk`, not `farmer s walk`."""
    text = re.sub(r"['\u2019]", "", text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


# Words a display name writes in capitals, or with its own capitals.
ACRONYMS = {"ez": "EZ", "jm": "JM", "smr": "SMR", "trx": "TRX", "rdl": "RDL", "bosu": "BOSU", "db": "DB", "kb": "KB"}
SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with", "from"})
# Words sources write apart or joined that the display name hyphenates, lower-casing the particle (`Push-up`).
HYPHENATED = re.compile(r"\b(push|pull|chin|sit|step|get|curl)[\s-]?(ups?)\b", re.IGNORECASE)
EZ_BAR = re.compile(r"\be-?z[\s-]?(?:curl[\s-])?bar(?:bell)?\b", re.IGNORECASE)
LETTER_BAR = re.compile(r"\b([tv])[\s-]?bar\b", re.IGNORECASE)


def display_name(name: str) -> str:
    """A source's name as a page title: repaired text, no source tags, words capitalised (small words and the
    particle of `Push-up` lower-case), acronyms in capitals (EZ, JM), `T-Bar` and `Pull-up` hyphenated."""
    text = " ".join(split_tags(repair_text(name)).name.split())
    text = HYPHENATED.sub(lambda m: f"{m.group(1)}-{m.group(2).lower()}", text)
    text = EZ_BAR.sub("EZ-Bar", text)
    text = LETTER_BAR.sub(lambda m: f"{m.group(1).upper()}-Bar", text)
    out = []
    for i, word in enumerate(text.split(" ")):
        parts = word.split("-")
        fixed = [_capital(p, first=(i == 0 and j == 0), particle=j > 0) for j, p in enumerate(parts)]
        out.append("-".join(fixed))
    return " ".join(out)


def _capital(part: str, *, first: bool, particle: bool) -> str:
    bare = part.strip("()[],.'").lower()
    if bare in ACRONYMS:
        return part.lower().replace(bare, ACRONYMS[bare])
    if particle and bare in ("up", "ups"):
        return part.lower()
    if not first and bare in SMALL_WORDS and not part.startswith("("):
        return part.lower()
    if part[:1] == "(":
        return "(" + part[1:2].upper() + part[2:]
    return part[:1].upper() + part[1:]
