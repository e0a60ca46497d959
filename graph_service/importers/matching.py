"""Which exercise a source record is: the rules an import merges by, and when it must not merge.

A record is the exercise it names when, in this order:

1. **source id**: an earlier import already recorded this `source:id` on the exercise;
2. **name**, **slug** or **alias**: the record's name key (graph_service.importers.names) equals the key of the
   exercise's slug, name or one of its aliases;
3. **movement and equipment**: no name key matches, but the name without equipment words (`movement_key`) equals
   an exercise's, which uses the same equipment (`Lever Leg Extension` is `Leg Extension` on a machine).

Under rules 2 and 3 a merge must also agree on equipment (the implements both name share one; benches, bars,
boxes and stations are left out of the comparison, since sources often omit them) and share at least one target
muscle. A source's broad muscle term ("shoulders", "delts", "back", "middle back") names a region, not one muscle,
so a target mapped from one agrees with any target in that region. Rule 3 also needs every equipment word of the
record's name to be among the exercise's equipment, and no other posture (standing, seated, lying...) in the
exercise's name than the record's.

A record whose name matches but which disagrees, or whose name matches more than one exercise equally well, is
neither merged nor created: it is **held** for review with the candidates and why, so an import never adds a
second exercise under a name the graph already has, and never writes one exercise's facts onto another. A
curator settles it in the seed (an alias, or an exercise of its own) and imports again. A record that matches
only by movement, and more than one exercise at that, is created and listed for review.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph_service.importers.names import movement_key, name_key, words
from graph_service.model import BODY_WEIGHT
from graph_service.store import Row

# What an exercise is done on or against rather than with: sources often leave these out.
STATIONS = frozenset(
    {"bench", "incline-bench", "decline-bench", "pull-up-bar", "dip-station", "plyo-box", "gym-mat", "landmine"}
)
# Source muscle terms that name a region rather than a muscle, besides those that name a body part ("shoulders").
BROAD_MUSCLE_TERMS = frozenset({"delts", "deltoids", "upper back", "middle back", "mid back", "core", "abdominals"})
# The equipment each equipment word of a name (as graph_service.importers.names spells it) stands for.
NAME_EQUIPMENT = {
    "machine": "machine",
    "dumbbell": "dumbbell",
    "barbell": "barbell",
    "ezbar": "ez-bar",
    "bodyweight": BODY_WEIGHT,
    "kettlebell": "kettlebell",
    "cable": "cable",
    "band": "resistance-band",
    "smith": "smith-machine",
}
POSTURES = frozenset({"standing", "seated", "lying", "kneeling", "prone", "supine", "incline", "decline", "hanging"})
RANK_RULES = ("name", "slug", "alias")
MOVEMENT_RULE = "movement and equipment"
SOURCE_RULE = "source id"


@dataclass(frozen=True)
class Match:
    """What a record is: `slug` to merge into (None: create, or hold when `held`), the rule that matched, and,
    when something matched but the record is not merged, why a curator should look and at which exercises."""

    slug: str | None
    rule: str = ""
    review: str | None = None
    candidates: tuple[str, ...] = ()
    held: bool = False  # its name is taken, but it is not that exercise: neither merged nor created


# Machines a source may call just "machine".
MACHINES = frozenset(
    {
        "machine",
        "smith-machine",
        "assisted-machine",
        "treadmill",
        "elliptical",
        "stepmill",
        "stationary-bike",
        "rowing-machine",
        "ski-erg",
        "upper-body-ergometer",
    }
)


def implements(equipment: Sequence[str]) -> frozenset[str]:
    """The equipment a merge compares: no stations; body weight when nothing else is left; a generic machine
    stands for every kind of machine."""
    left = frozenset(equipment) - STATIONS
    if "machine" in left:
        left |= MACHINES
    return left or frozenset({BODY_WEIGHT})


def disagreement(record: Row, existing: dict[str, Any], regions: dict[str, str]) -> str | None:
    """Why the record and an exercise cannot be one (equipment, then target muscles), or None when they agree.

    `record` holds the record's `targets` and `equipment` slugs and `regions`, the body parts of the targets it
    names only broadly; `regions` here maps each muscle to its body part. A record whose equipment (stations
    aside) or targets map to nothing has no evidence against the exercise on that count, nor has an exercise that
    targets muscle groups only (an earlier import's "shoulders"). A record's broad term counts as each muscle of
    its group (graph_service.importers.merge passes them in `targets` and `secondary`).
    """
    mine, theirs = record["equipment"], existing.get("equipment_slugs") or []
    if set(mine) - STATIONS and not implements(mine) & implements(theirs):
        return f"equipment differs ({', '.join(sorted(mine))} vs {', '.join(sorted(theirs)) or 'none'})"
    targets, their_targets = set(record["targets"]), set(existing.get("target_slugs") or [])
    if not targets or not their_targets or targets & their_targets:
        return None
    if set(record.get("regions") or ()) & {regions.get(m) for m in their_targets}:
        return None
    # Sources rank the muscles of one movement differently: each side's target is worked by the other.
    if targets & set(existing.get("muscle_slugs") or []) and their_targets & {*targets, *record["secondary"]}:
        return None
    return f"no shared target muscle ({', '.join(sorted(targets))} vs {', '.join(sorted(their_targets))})"


def movement_misfit(name: str, existing: dict[str, Any]) -> str | None:
    """Why a match by movement alone does not hold: an equipment word of the record's name that the exercise does
    not use, or a posture in the exercise's name that the record's does not share."""
    mine = set(words(name))
    uses = set(existing.get("equipment_slugs") or []) or {BODY_WEIGHT}
    named = sorted(w for w in mine if w in NAME_EQUIPMENT and NAME_EQUIPMENT[w] not in uses)
    if named:
        return f"the name says {', '.join(named)}"
    other = (set(words(existing.get("name") or "")) & POSTURES) - mine
    if mine & POSTURES and other:
        return f"the exercise is done {', '.join(sorted(other))}"
    return None


class ExerciseIndex:
    """The exercises a record may be the same as: in the graph already, or created earlier in this run."""

    def __init__(self, rows: Sequence[Row], regions: dict[str, str] | None = None) -> None:
        self.regions = regions or {}
        self.props: dict[str, dict[str, Any]] = {}
        self._keys: dict[str, set[tuple[int, str]]] = {}
        self._moves: dict[str, set[str]] = {}
        self._refs: dict[str, str] = {}
        for row in rows:
            self.add(row["slug"], dict(row["props"]))

    def add(self, slug: str, props: dict[str, Any]) -> None:
        self.props[slug] = props
        for rank, terms in enumerate(([props.get("name") or ""], [slug], props.get("aliases") or [])):
            for term in terms:
                if key := name_key(term):
                    self._keys.setdefault(key, set()).add((rank, slug))
                if move := movement_key(term):
                    self._moves.setdefault(move, set()).add(slug)
        for ref in props.get("sources") or []:
            self._refs.setdefault(ref, slug)

    def note_ref(self, ref: str, slug: str) -> None:
        self._refs.setdefault(ref, slug)

    def find_name(self, name: str) -> str | None:
        """The exercise a name names by name, slug or alias (the best rank, first slug), without further checks."""
        hits = sorted(self._keys.get(name_key(name), ()))
        return hits[0][1] if hits else None

    def match(self, ref: str, name: str, record: Row) -> Match:
        """The exercise a mapped record (`record` holds its `targets` and `equipment` slugs) is, by the rules
        of this module."""
        if ref in self._refs:
            return Match(self._refs[ref], SOURCE_RULE)
        hits = self._keys.get(name_key(name))
        if hits:
            return self._decide(hits, record)
        moves = self._moves.get(movement_key(name)) if movement_key(name) else None
        if moves:
            agreeing = sorted(
                s
                for s in moves
                if disagreement(record, self.props[s], self.regions) is None
                and movement_misfit(name, self.props[s]) is None
            )
            if len(agreeing) == 1:
                return Match(agreeing[0], MOVEMENT_RULE)
            if agreeing:
                return Match(None, review="same movement and equipment as more than one", candidates=tuple(agreeing))
        return Match(None)

    def _decide(self, hits: set[tuple[int, str]], record: Row) -> Match:
        why = {slug: disagreement(record, self.props[slug], self.regions) for _, slug in hits}
        agreeing = sorted((rank, slug) for rank, slug in hits if why[slug] is None)
        if not agreeing:
            slugs = tuple(sorted(why))
            reasons = "; ".join(f"{s}: {why[s]}" for s in slugs)
            return Match(None, review=f"same name, but {reasons}", candidates=slugs, held=True)
        best = sorted({slug for rank, slug in agreeing if rank == agreeing[0][0]})
        if len(best) == 1:
            return Match(best[0], RANK_RULES[agreeing[0][0]])
        return Match(None, review="same name as more than one exercise", candidates=tuple(best), held=True)
