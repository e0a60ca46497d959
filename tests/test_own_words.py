"""The bundled knowledge base is written in its own words: no text in seed/ repeats public exercise text.

Every bundled sentence (descriptions, steps, tips, mistakes, curated guidance and FAQ answers) is compared with
free-exercise-db's instructions and the public barbell hip thrust card in ../shared. Two rules, on text
normalised to lower-case words without punctuation:

- no run of RUN or more consecutive words appears in both (any exercise against any public text), found through
  an index of the public text's RUN-word shingles;
- no sentence is SIMILAR or more alike (rapidfuzz's normalised Indel ratio, as difflib's) to a sentence of the
  same exercise's public text: the records whose name key or movement key (the importers' own, from
  graph_service.importers.names) equals that of the exercise's name, slug or an alias.

STOCK lists the few phrases any exercise text may share. Without ../shared these tests skip.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import SHARED
from rapidfuzz import fuzz

from graph_service.config import PROJECT_ROOT
from graph_service.importers.names import movement_key, name_key
from graph_service.seeding.loader import SAFE_LOADER

DATASET = SHARED / "datasets" / "free-exercise-db.json"
HIP_THRUST_CARD = SHARED / "seeds" / "barbell-hip-thrust.md"
RUN = 8
SIMILAR = 0.8
# Phrases that are nobody's words; a shared run or a similar sentence made of one of these is allowed.
STOCK = frozenset(
    {
        "repeat on the other side",
        "repeat for the desired number of repetitions",
        "repeat for the recommended amount of repetitions",
        "this will be your starting position",
    }
)

pytestmark = pytest.mark.skipif(
    not (DATASET.is_file() and HIP_THRUST_CARD.is_file()), reason=f"{DATASET} or {HIP_THRUST_CARD} is not present"
)


@dataclass(frozen=True)
class Text:
    """One text (a field's value, or a sentence of it) with where it comes from: an exercise (or a public record)
    and a field."""

    owner: str
    field: str
    text: str

    @property
    def words(self) -> tuple[str, ...]:
        return normalised(self.text)


def normalised(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", re.sub(r"['\u2019]", "", text.lower())))


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;:])\s+|\n+", " ".join(text.split(" "))) if normalised(s)]


@dataclass(frozen=True)
class Bundled:
    names: dict[str, list[str]]  # slug -> the exercise's name, slug and aliases
    texts: list[Text]


def read_bundled(seed: Path) -> Bundled:
    """The exercise files read as plain YAML (the loader's validation is tested elsewhere): names and texts."""
    names: dict[str, list[str]] = {}
    texts: list[Text] = []
    for path in sorted((seed / "exercises").glob("*.yaml")):
        for x in yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)["exercises"]:
            names[x["slug"]] = [x["name"], x["slug"].replace("-", " "), *x.get("aliases", [])]
            texts.append(Text(x["slug"], "description", x["description"]))
            for field in ("instructions", "tips", "mistakes"):
                texts += [Text(x["slug"], f"{field}[{i}]", v) for i, v in enumerate(x.get(field, []), start=1)]
    texts += guidance_texts(seed / "guidance.yaml")
    return Bundled(names, texts)


def guidance_texts(path: Path) -> Iterator[Text]:
    """The curated guidance and FAQ, read as plain YAML: every string under an exercise's entry."""
    if not path.is_file():
        return
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}

    def walk(slug: str, field: str, value: object) -> Iterator[Text]:
        if isinstance(value, str):
            yield Text(slug, field, value)
        elif isinstance(value, dict):
            for k, v in value.items():
                yield from walk(slug, f"{field}.{k}", v)
        elif isinstance(value, list):
            for i, v in enumerate(value, start=1):
                yield from walk(slug, f"{field}[{i}]", v)

    for entry in data.get("guidance") or []:
        slug = str(entry.get("slug"))
        for key, value in entry.items():
            if key != "slug":
                yield from walk(slug, f"guidance.{key}", value)


@dataclass(frozen=True)
class Public:
    texts: list[Text]
    by_key: dict[str, list[Text]]  # name key and movement key -> the texts of the records of that name


@pytest.fixture(scope="module")
def public() -> Public:
    return read_public()


def keys(name: str) -> set[str]:
    """The keys the importers match a name by: its name key, and its movement key (the name key without
    equipment words and words such as `standing`), marked apart so the two never meet."""
    return {f"name:{name_key(name)}"} | ({f"movement:{m}"} if (m := movement_key(name)) else set())


def read_public() -> Public:
    texts: list[Text] = []
    by_key: dict[str, list[Text]] = {}
    for record in json.loads(DATASET.read_text(encoding="utf-8")):
        owner = f"free-exercise-db {record['name']!r}"
        mine = [Text(owner, "instructions", item) for item in record.get("instructions") or []]
        texts += mine
        for key in keys(record["name"]):
            by_key.setdefault(key, []).extend(mine)
    card = HIP_THRUST_CARD.read_text(encoding="utf-8")
    title = card.splitlines()[0].lstrip("# ").strip()
    lines = (re.sub(r"^\s*(?:#+|[-*]|\d+\.)\s*|\*\*", "", line) for line in card.splitlines())
    mine = [Text(HIP_THRUST_CARD.name, "card", line) for line in lines if normalised(line)]
    texts += mine
    for key in keys(title):
        by_key.setdefault(key, []).extend(mine)
    return Public(texts, by_key)


@pytest.fixture(scope="module")
def bundled() -> Bundled:
    return read_bundled(PROJECT_ROOT / "seed")


def both(mine: Text, public: Text, run: tuple[str, ...] = ()) -> str:
    return f"    bundled: {holding(mine, run)}\n    public:  {holding(public, run)}"


def holding(text: Text, run: tuple[str, ...]) -> str:
    """The sentence of `text` that holds the run (the whole text when the run crosses sentences)."""
    needle = " ".join(run)
    return next((s for s in sentences(text.text) if needle in " ".join(normalised(s))), " ".join(text.text.split()))


def shared_runs(mine: list[Text], public: list[Text]) -> list[str]:
    index: dict[tuple[str, ...], Text] = {}
    for p in public:
        w = p.words
        for i in range(len(w) - RUN + 1):
            index.setdefault(w[i : i + RUN], p)
    found = []
    for t in mine:
        w = t.words
        hits = [(w[i : i + RUN], index[w[i : i + RUN]]) for i in range(len(w) - RUN + 1) if w[i : i + RUN] in index]
        hits = [(run, p) for run, p in hits if not any(" ".join(run) in phrase for phrase in STOCK)]
        if hits:
            run, p = hits[0]
            found.append(f"{t.owner} {t.field}: {' '.join(run)!r} is in {p.owner}\n{both(t, p, run)}")
    return found


def same_exercise(bundled: Bundled, public: Public) -> dict[str, list[Text]]:
    """Each bundled exercise's public texts: those of the records its name, slug or an alias names."""
    same: dict[str, list[Text]] = {}
    for slug, names in bundled.names.items():
        mine = {key for name in names for key in keys(name)}
        same[slug] = list({id(p): p for key in sorted(mine) for p in public.by_key.get(key, [])}.values())
    return same


def split(texts: list[Text]) -> list[Text]:
    return [Text(t.owner, t.field, s) for t in texts for s in sentences(t.text)]


def similar_sentences(mine: list[Text], same: dict[str, list[Text]]) -> list[str]:
    theirs = {slug: [(p, " ".join(p.words)) for p in split(texts)] for slug, texts in same.items()}
    found = []
    for t in split(mine):
        a = " ".join(t.words)
        for p, b in theirs.get(t.owner, []):
            score = fuzz.ratio(a, b, score_cutoff=SIMILAR * 100) / 100
            if score and a not in STOCK:
                found.append(f"{t.owner} {t.field}: {score:.2f} alike {p.owner}\n{both(t, p)}")
                break
    return found


def test_the_texts_are_read(bundled: Bundled, public: Public) -> None:
    assert len(bundled.names) > 400
    assert len(bundled.texts) > 8 * len(bundled.names)
    assert {t.owner for t in bundled.texts} == set(bundled.names)
    assert len(public.texts) > 3000
    # Matching by the importers' name key finds the public record of well-known bundled exercises.
    assert public.by_key[f"name:{name_key('Barbell Hip Thrust')}"]
    assert public.by_key[f"name:{name_key('crunches')}"]


def test_the_checks_catch_a_copy(public: Public) -> None:
    """Both rules fire on a lightly edited public sentence; a stock phrase alone does not."""
    source = next(p for p in public.texts if len(p.words) >= 12 and len(sentences(p.text)) == 1)
    shouted = Text("copy", "tips[1]", source.text.upper().replace(",", ""))
    assert shared_runs([shouted], public.texts)
    words = list(source.words)
    words[0], words[-1] = "then", "slowly"  # two words changed: alike, though no longer the same
    reworded = Text("copy", "tips[1]", " ".join(words))
    assert similar_sentences([reworded], {"copy": [source]})
    assert not similar_sentences([reworded], {"other": [source]})
    stock = "Repeat on the other side."
    assert not similar_sentences([Text("x", "instructions[5]", stock)], {"x": [Text("p", "instructions", stock)]})


def test_no_run_of_eight_words_is_shared(bundled: Bundled, public: Public) -> None:
    found = shared_runs(bundled.texts, public.texts)
    assert not found, f"{len(found)} bundled sentence(s) share {RUN}+ words with public text:\n" + "\n".join(found)


def test_no_sentence_is_alike_the_same_exercises_public_text(bundled: Bundled, public: Public) -> None:
    found = similar_sentences(bundled.texts, same_exercise(bundled, public))
    assert not found, f"{len(found)} bundled sentence(s) are near copies:\n" + "\n".join(found)
