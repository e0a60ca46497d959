"""The name key importers match exercises by: its properties (hypothesis) and the pairs public datasets show."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph_service.importers.names import EQUIPMENT_WORDS, movement_key, name_key, repair_text, split_tags

# Words as exercise names use them: letters only, ending in a consonant a plural -s is simply added to.
plain_word = st.from_regex(r"[a-z]{2,8}[bdfgklmnprt]", fullmatch=True)
name_words = st.lists(plain_word, min_size=1, max_size=6)


@given(name_words, st.randoms(use_true_random=False))
def test_word_order_does_not_matter(words: list[str], random: object) -> None:
    shuffled = list(words)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert name_key(" ".join(shuffled)) == name_key(" ".join(words))


@given(name_words, st.data())
def test_case_hyphens_and_spacing_do_not_matter(words: list[str], data: st.DataObject) -> None:
    cased = [data.draw(st.sampled_from([w, w.upper(), w.title()])) for w in words]
    glue = data.draw(st.sampled_from([" ", "-", "  ", " - "]))
    assert name_key(glue.join(cased)) == name_key(" ".join(words))


@given(name_words, st.data())
def test_plural_endings_do_not_matter(words: list[str], data: st.DataObject) -> None:
    plural = [data.draw(st.sampled_from([w, w + "s"])) for w in words]
    assert name_key(" ".join(plural)) == name_key(" ".join(words))


@given(st.sampled_from(["bench", "crunch", "press", "box", "lunge", "raise", "fly"]), name_words)
def test_es_and_ies_plurals(word: str, rest: list[str]) -> None:
    plurals = {"bench": "benches", "crunch": "crunches", "press": "presses", "box": "boxes", "fly": "flies"}
    plural = plurals.get(word, word + "s")
    assert name_key(" ".join([*rest, plural])) == name_key(" ".join([*rest, word]))


SYNONYMS = [
    ("lever", "machine"),
    ("leverage", "machine"),
    ("leverage machine", "machine"),
    ("db", "dumbbell"),
    ("bb", "barbell"),
    ("ez", "EZ bar"),
    ("e-z curl bar", "EZ bar"),
    ("ez barbell", "EZ bar"),
    ("body weight", "bodyweight"),
]


@given(name_words, st.sampled_from(SYNONYMS), st.integers(min_value=0, max_value=6))
def test_equipment_synonyms_fold(words: list[str], pair: tuple[str, str], at: int) -> None:
    short, long = pair
    at = min(at, len(words))
    assert name_key(" ".join([*words[:at], short, *words[at:]])) == name_key(" ".join([*words[:at], long, *words[at:]]))


@given(name_words, st.sampled_from(["(male)", "(female)", "v. 2", "V. 3", "v2", "(side pov)", "pov"]))
def test_source_tags_are_dropped_and_returned(words: list[str], tag: str) -> None:
    name = " ".join(words)
    tagged = f"{name} {tag}"
    assert name_key(tagged) == name_key(name)
    assert split_tags(tagged).name == name
    assert split_tags(tagged).tags == (tag.strip("()"),)


@given(name_words)
def test_the_key_is_stable(words: list[str]) -> None:
    key = name_key(" ".join(words))
    assert name_key(key) == key
    assert set(movement_key(key).split()) <= set(key.split())
    assert not set(movement_key(key).split()) & EQUIPMENT_WORDS


@pytest.mark.parametrize(
    ("source", "bundled"),
    [
        ("barbell incline bench press", "Incline Barbell Bench Press"),
        ("cable seated row", "Seated Cable Row"),
        ("Bent Over Barbell Row", "Barbell Bent-Over Row"),
        ("Front Barbell Squat", "Barbell Front Squat"),
        ("Crunches", "Crunch"),
        ("Presses", "press"),
        ("Pushups", "Push-up"),
        ("press-up", "Push-up"),
        ("Dumbbell Flyes", "Dumbbell Fly"),
        ("Ez Barbell Curl", "EZ-Bar Curl"),
        ("Seated Cable Rows", "Seated Cable Row"),
        ("Single-Arm Dumbbell Row", "One-Arm Dumbbell Row"),
        ("dumbbell bench press (male)", "Dumbbell Bench Press"),
        ("push-up v. 2", "Push-up"),
    ],
)
def test_pairs_public_datasets_show_share_a_key(source: str, bundled: str) -> None:
    assert name_key(source) == name_key(bundled)


@pytest.mark.parametrize(
    ("source", "bundled"),
    [
        ("lever leg extension", "Leg Extension"),
        ("dumbbell one arm bent-over row", "One-Arm Dumbbell Row"),
        ("Barbell Bench Press - Medium Grip", "Bench Press"),
        ("Standing Military Press", "Military Press"),
    ],
)
def test_pairs_that_differ_by_equipment_or_implied_words_share_the_movement(source: str, bundled: str) -> None:
    assert name_key(source) != name_key(bundled)
    assert movement_key(source) == movement_key(bundled)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Walking Lunge", "Dumbbell Walking Lunge"),
        ("Press", "Push-up"),
        ("Leg Curl", "Leg Extension"),
        ("Seated Calf Raise", "Standing Calf Raise"),
    ],
)
def test_different_exercises_keep_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


def test_mis_decoded_text_is_repaired() -> None:
    assert repair_text("Incline Bench 45в° Row") == "Incline Bench 45° Row"
    assert repair_text("Incline Bench 45\u0412° Row") == "Incline Bench 45° Row"
    assert repair_text("Caf\u00c3\u00a9 Squat") == "Café Squat"
    assert repair_text("Plain Name") == "Plain Name"
