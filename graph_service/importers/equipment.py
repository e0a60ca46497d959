"""Equipment by what a record means, not only by the term its source files it under.

Three kinds of correction, each applied to a record's equipment terms before they are mapped onto the taxonomy:

- **Ambiguous terms** name different things in different records: ExerciseDB's "rope" is a battle rope, a climbing
  rope, a jump rope or a cable's rope attachment; its "sled machine" is a sled-type leg press or hack squat
  machine; its "assisted" is an assisted machine or a partner (no equipment). The exercise's name decides
  (`AMBIGUOUS`); with no deciding word the term maps to nothing and is reported.
- **A generic term the name makes precise**: "machine" for a Smith machine, "barbell" for an EZ bar or trap bar.
- **Stations the name states** and sources leave out: an exercise done on a bench, a box, a dip station, a pull-up
  bar or suspension straps lists it beside its main equipment.
"""

from graph_service.importers.names import words
from graph_service.model import BODY_WEIGHT

# term -> (words of the name that decide, the equipment they mean), first match wins.
AMBIGUOUS: dict[str, tuple[tuple[frozenset[str], str], ...]] = {
    "rope": (
        (frozenset({"battle", "battling", "wave", "slam"}), "battle-rope"),
        (frozenset({"climb", "climbing"}), "climbing-rope"),
        (frozenset({"jump", "jumping", "skip", "skipping"}), "jump-rope"),
        (frozenset({"cable", "pushdown", "facepull", "face", "crunch", "pulldown", "curl", "extension"}), "cable"),
    ),
    "sled machine": (
        (frozenset({"leg", "hack", "calf"}), "machine"),
        (frozenset({"push", "pull", "drag", "sprint"}), "sled"),
    ),
    "assisted": (
        (frozenset({"machine", "lever", "leverage"}), "assisted-machine"),
        (frozenset({"partner"}), BODY_WEIGHT),
    ),
}
# A generic term, a word of the name, and the equipment both together mean.
PRECISE = {
    ("machine", "smith"): "smith-machine",
    ("barbell", "ezbar"): "ez-bar",
    ("barbell", "trap"): "trap-bar",
    ("barbell", "hex"): "trap-bar",
}
# Words of a name that state a station, and the station.
STATIONS = {
    "bench": "bench",
    "box": "plyo-box",
    "dip": "dip-station",
    "pullup": "pull-up-bar",
    "chinup": "pull-up-bar",
    "suspended": "suspension-trainer",
    "suspension": "suspension-trainer",
    "trx": "suspension-trainer",
}


def equipment_terms(name: str, terms: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The record's equipment as terms to map, and as slugs already decided: (terms, slugs)."""
    said = set(words(name))
    left: list[str] = []
    decided: list[str] = []
    for term in terms:
        key = " ".join(term.lower().split())
        if key in AMBIGUOUS:
            meaning = next((slug for cue, slug in AMBIGUOUS[key] if cue & said), None)
            if meaning is not None:
                decided.append(meaning)
            else:
                left.append(term)  # reported as unmapped: the name does not say which
            continue
        precise = next((slug for (generic, cue), slug in PRECISE.items() if key == generic and cue in said), None)
        if precise:
            decided.append(precise)
        else:
            left.append(term)
    for word, station in STATIONS.items():
        if word in said and station not in decided:
            decided.append(station)
    return tuple(left), tuple(decided)
