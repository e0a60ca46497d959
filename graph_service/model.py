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
