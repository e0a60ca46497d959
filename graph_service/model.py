"""The graph model's vocabulary, named as in Cypher, GraphQL, the seed files and the docs.

Each fact here has no other home: the labels and types, the enums, the taxonomy kinds, the slug rule, the kinds of
work alternatives stay within and the weights of the alternatives score. Cypher receives what it needs of them as
parameters or reads them from the node (`work_kind`, see graph_service.keys).
"""

import re
from dataclasses import asdict, dataclass
from enum import IntEnum, StrEnum

LABELS = ("Exercise", "Muscle", "Equipment", "BodyPart", "MovementPattern", "Kit", "MuscleGroup", "Media")
RELATIONSHIPS = (
    "TARGETS",
    "WORKS_SECONDARY",
    "USES",
    "TRAINS",
    "PART_OF",
    "VARIATION_OF",
    "FOLLOWS",
    "INCLUDES",
    "IN_GROUP",
    "TARGETS_GROUP",
    "WORKS_GROUP_SECONDARY",
    "SHOWN_IN",
)
# The property that identifies a node of each label: its slug, or, for a picture or video, its URL.
KEYS = {label: "url" if label == "Media" else "slug" for label in LABELS}

# What a slug looks like everywhere: seed files, imports, cards and the graph.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX = 80
SLUG = re.compile(SLUG_PATTERN)

# The equipment slug that means "no equipment".
BODY_WEIGHT = "body-weight"


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


class MediaKind(StrEnum):
    """What a `Media` node shows an exercise with."""

    IMAGE = "image"
    ANIMATED_IMAGE = "animated image"
    VIDEO = "video"


DIFFICULTY_RANK = {d: i for i, d in enumerate(Difficulty)}


class TaxonomyKind(StrEnum):
    """The kinds of taxonomy node, by the name the graph's statements give them (cypher/taxonomy_*.cypher)."""

    MUSCLE = "muscle"
    EQUIPMENT = "equipment"
    BODY_PART = "bodyPart"
    MOVEMENT_PATTERN = "movementPattern"
    MUSCLE_GROUP = "muscleGroup"

    @property
    def label(self) -> str:
        """How messages and reports name the kind."""
        return {
            "bodyPart": "body part",
            "movementPattern": "movement pattern",
            "muscleGroup": "muscle group",
        }.get(self.value, self.value)


class WorkKind(IntEnum):
    """Alternatives stay within one kind of work; each exercise keeps its kind as `work_kind`."""

    TRAINING = 0
    FLEXIBILITY = 1
    CONDITIONING = 2


FLEXIBILITY = frozenset({Category.STRETCHING, Category.MOBILITY})


def work_kind(category: str | None) -> WorkKind:
    if category in FLEXIBILITY:
        return WorkKind.FLEXIBILITY
    return WorkKind.CONDITIONING if category == Category.CARDIO else WorkKind.TRAINING


@dataclass(frozen=True)
class ScoreWeights:
    """score = targets · overlap(target muscles) + muscles · overlap(all muscles worked) + family · [same family],
    where overlap(A, B) = |A and B| / |A or B|; the weights add up to 1, so a perfect stand-in scores 1."""

    targets: float = 0.6
    muscles: float = 0.25
    family: float = 0.15

    def params(self) -> dict[str, float]:
        """The weights as the `$weights` parameter of the ranking statements."""
        return asdict(self)

    def describe(self) -> str:
        return f"{self.targets} target overlap + {self.muscles} overall muscle overlap + {self.family} family"


SCORE_WEIGHTS = ScoreWeights()
