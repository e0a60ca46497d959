"""The graph model's vocabulary, named as in Cypher, GraphQL, the seed files and the docs."""

from enum import StrEnum

LABELS = ("Exercise", "Muscle", "Equipment", "BodyPart")
RELATIONSHIPS = ("TARGETS", "WORKS_SECONDARY", "USES", "TRAINS", "PART_OF", "VARIATION_OF")


class Difficulty(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Category(StrEnum):
    STRENGTH = "strength"
    STRETCHING = "stretching"
    PLYOMETRICS = "plyometrics"
    CARDIO = "cardio"
    POWERLIFTING = "powerlifting"
    OLYMPIC_WEIGHTLIFTING = "olympic weightlifting"
    STRONGMAN = "strongman"
    MOBILITY = "mobility"


class Force(StrEnum):
    PUSH = "push"
    PULL = "pull"
    STATIC = "static"


class Mechanic(StrEnum):
    COMPOUND = "compound"
    ISOLATION = "isolation"


DIFFICULTY_RANK = {d: i for i, d in enumerate(Difficulty)}

# Alternatives stay within one kind of work: training (0), flexibility (1) or conditioning (2).
# cypher/_alternative_ranking.cypher spells the same mapping.
FLEXIBILITY = frozenset({Category.STRETCHING, Category.MOBILITY})


def work_kind(category: str | None) -> int:
    if category in FLEXIBILITY:
        return 1
    return 2 if category == Category.CARDIO else 0


def profile_key(category: str | None, targets: list[str], muscles: list[str]) -> str:
    """The kind of work, the target muscles and the other muscles worked, each list sorted.

    Exercises with equal keys are interchangeable for the muscle part of the alternatives score; the key is
    indexed so that alternatives can be looked up by key. cypher/alternatives_near.cypher builds the same text.
    """
    secondary = sorted(set(muscles).difference(targets))
    return f"{work_kind(category)}|{_spaced(sorted(targets))}|{_spaced(secondary)}"


def _spaced(slugs: list[str]) -> str:
    """Each slug preceded by a space."""
    return " " + " ".join(slugs) if slugs else ""
