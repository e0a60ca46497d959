"""The seed format of movement patterns and kits (seed/movement_patterns.yaml, seed/kits.yaml)."""

from pydantic import Field

from graph_service.planning.vocabulary import Direction, PatternGroup, Region
from graph_service.seeding.models import Entry, Slug


class MovementPatternEntry(Entry):
    group: PatternGroup
    region: Region
    direction: Direction | None = None


class KitEntry(Entry):
    equipment: list[Slug] = Field(min_length=1, max_length=60)
