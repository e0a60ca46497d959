"""The seed format: what one entry of each seed file must look like."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from graph_service.model import SLUG_MAX, SLUG_PATTERN, Category, Difficulty, Force, Mechanic

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: Slug
    name: Name
    aliases: list[Name] = []

    @field_validator("aliases")
    @classmethod
    def _lower_unique(cls, aliases: list[str]) -> list[str]:
        seen: dict[str, None] = {}
        for alias in aliases:
            seen.setdefault(alias.lower(), None)
        return list(seen)


class BodyPartEntry(Entry):
    pass


class MuscleEntry(Entry):
    body_part: Slug


class EquipmentEntry(Entry):
    pass


class UnmappedTerm(BaseModel):
    """A vocabulary term from public datasets that deliberately maps to nothing, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    term: Name
    reason: Text


class ExerciseEntry(Entry):
    body_part: Slug
    targets: list[Slug] = Field(min_length=1, max_length=4)
    secondary: list[Slug] = Field(default=[], max_length=8)
    equipment: list[Slug] = Field(min_length=1, max_length=4)
    # Movement patterns (seed/movement_patterns.yaml); the loader requires one. Importers leave them empty.
    patterns: list[Slug] = Field(default=[], max_length=3)
    difficulty: Difficulty
    category: Category
    force: Force | None = None
    mechanic: Mechanic | None = None
    variation_of: Slug | None = None
    description: Text
    instructions: list[Text] = Field(min_length=3, max_length=15)
    tips: list[Text] = []
    mistakes: list[Text] = []

    @model_validator(mode="after")
    def _consistent(self) -> "ExerciseEntry":
        both = sorted(set(self.targets) & set(self.secondary))
        if both:
            raise ValueError(f"muscle(s) listed as both target and secondary: {', '.join(both)}")
        if self.variation_of == self.slug:
            raise ValueError("an exercise cannot be a variation of itself")
        return self
