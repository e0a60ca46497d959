"""How movement patterns are described: their group, the region they load and, for the upper body, whether they
push or pull. The seed file seed/movement_patterns.yaml gives each pattern these."""

from enum import StrEnum


class PatternGroup(StrEnum):
    COMPOUND = "compound"
    CORE = "core"
    ISOLATION = "isolation"
    CONDITIONING = "conditioning"
    MOBILITY = "mobility"


class Region(StrEnum):
    UPPER = "upper"
    LOWER = "lower"
    CORE = "core"
    FULL = "full"


class Direction(StrEnum):
    PUSH = "push"
    PULL = "pull"


# The patterns a plan is expected to cover: the ones `untrainedPatterns` lists when a plan leaves them out.
MAIN_GROUPS = frozenset({PatternGroup.COMPOUND, PatternGroup.CORE})
