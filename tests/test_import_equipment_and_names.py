"""Display names for imported exercises, and equipment mapped by what a record means: one test per mapping class."""

import pytest

from graph_service.importers.equipment import equipment_terms
from graph_service.importers.names import display_name


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("Pull Up (neutral Grip)", "Pull-up (Neutral Grip)"),  # parenthesised qualifier, hyphenation
        ("Ez Barbell Curl", "EZ-Bar Curl"),  # acronym
        ("Jm Bench Press", "JM Bench Press"),
        ("lever t bar row", "Lever T-Bar Row"),
        ("45\u0432\u00b0 incline row", "45\u00b0 Incline Row"),  # mis-decoded text repaired
        ("dumbbell bench press (male)", "Dumbbell Bench Press"),  # source tags dropped
        ("push-up v. 2", "Push-up"),
        ("Sit Up", "Sit-up"),
        ("farmer's walk", "Farmer's Walk"),
        ("Barbell Hip Thrust", "Barbell Hip Thrust"),
    ],
)
def test_display_names(source: str, shown: str) -> None:
    assert display_name(source) == shown


@pytest.mark.parametrize(
    ("name", "meaning"),
    [
        ("battling ropes", "battle-rope"),
        ("rope climb", "climbing-rope"),
        ("rope jumping", "jump-rope"),
        ("cable rope pushdown", "cable"),
    ],
)
def test_an_ambiguous_rope_is_decided_by_the_name(name: str, meaning: str) -> None:
    assert equipment_terms(name, ("rope",)) == ((), (meaning,))


def test_an_ambiguous_term_the_name_does_not_decide_is_left_to_report() -> None:
    assert equipment_terms("hamstring stretch", ("rope",)) == (("rope",), ())
    assert equipment_terms("standing calf stretch", ("assisted",)) == (("assisted",), ())


@pytest.mark.parametrize(
    ("name", "term", "meaning"),
    [
        ("sled 45 degree leg press", "sled machine", "machine"),  # a sled-type machine, not a pushing sled
        ("sled hack squat", "sled machine", "machine"),
        ("sled push", "sled machine", "sled"),
        ("assisted pull-up machine", "assisted", "assisted-machine"),
    ],
)
def test_machines_and_sleds_by_meaning(name: str, term: str, meaning: str) -> None:
    terms, decided = equipment_terms(name, (term,))
    assert terms == () and decided[0] == meaning


def test_a_partner_is_no_equipment() -> None:
    assert equipment_terms("assisted partner sit-up", ("assisted",)) == ((), ("body-weight",))


@pytest.mark.parametrize(
    ("name", "term", "meaning"),
    [
        ("Smith Machine Squat", "machine", "smith-machine"),
        ("EZ Bar Curl", "barbell", "ez-bar"),
        ("Trap Bar Deadlift", "barbell", "trap-bar"),
    ],
)
def test_a_generic_term_the_name_makes_precise(name: str, term: str, meaning: str) -> None:
    assert equipment_terms(name, (term,)) == ((), (meaning,))


@pytest.mark.parametrize(
    ("name", "station"),
    [
        ("Bench Dips", "bench"),
        ("Box Jump", "plyo-box"),
        ("Parallel Bar Dip", "dip-station"),
        ("Wide-Grip Pull-ups", "pull-up-bar"),
        ("Chin-Up", "pull-up-bar"),
        ("Suspended Row", "suspension-trainer"),
    ],
)
def test_a_station_the_name_states_is_listed(name: str, station: str) -> None:
    terms, decided = equipment_terms(name, ("body only",))
    assert terms == ("body only",) and station in decided


def test_names_without_a_station_add_none() -> None:
    assert equipment_terms("Barbell Squat", ("barbell",)) == (("barbell",), ())
