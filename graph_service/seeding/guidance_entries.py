"""The seed format of curated guidance and questions (seed/guidance.yaml), one entry per bundled exercise.

A separate file rather than keys on the exercises, so curating advice never touches the exercise files.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from graph_service.guidance import GOAL_ORDER, CuratedAnswer, Goal, Guidance, Prescription, guidance_props
from graph_service.seeding.models import ExerciseEntry, Slug, Text

GUIDANCE_FILE = "guidance.yaml"
Count = Annotated[int, Field(ge=1, le=100)]


class Range(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: tuple[Annotated[int, Field(ge=1, le=10)], Annotated[int, Field(ge=1, le=10)]]
    reps: tuple[Count, Count]

    @model_validator(mode="after")
    def _ordered(self) -> "Range":
        for name, (low, high) in (("sets", self.sets), ("reps", self.reps)):
            if low > high:
                raise ValueError(f"{name}: the first number is the least, the second the most ({low} > {high})")
        return self


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: Annotated[str, Field(min_length=5, max_length=200)]
    answer: Text


class GuidanceEntry(BaseModel):
    """`sets_reps` by goal and `starting_load` go together; `faq` may stand alone."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: Slug
    sets_reps: dict[Goal, Range] = {}
    starting_load: Text | None = None
    # The starting load as a fraction of body weight, where one is usual (a loaded bar); a plain description only
    # when the load is an empty bar, a band or the body itself.
    starting_load_body_weight: Annotated[float, Field(gt=0, le=3)] | None = None
    faq: list[Question] = Field(default=[], max_length=8)

    @model_validator(mode="after")
    def _complete(self) -> "GuidanceEntry":
        if bool(self.sets_reps) != bool(self.starting_load):
            raise ValueError("sets_reps and starting_load are given together")
        if self.starting_load_body_weight is not None and not self.starting_load:
            raise ValueError("starting_load_body_weight needs a starting_load to explain it")
        if not self.sets_reps and not self.faq:
            raise ValueError("an entry gives sets_reps and a starting_load, a faq, or both")
        questions = Counter(" ".join(q.question.lower().rstrip("?").split()) for q in self.faq)
        if twice := sorted(q for q, n in questions.items() if n > 1):
            raise ValueError(f"a question is asked twice: {twice[0]!r}")
        return self

    def guidance(self) -> Guidance | None:
        if not self.starting_load:
            return None
        prescriptions = tuple(
            Prescription(goal, self.sets_reps[goal].sets, self.sets_reps[goal].reps)
            for goal in GOAL_ORDER
            if goal in self.sets_reps
        )
        return Guidance(prescriptions, " ".join(self.starting_load.split()), self.starting_load_body_weight)

    def curated_faq(self) -> list[CuratedAnswer]:
        return [CuratedAnswer(" ".join(q.question.split()), " ".join(q.answer.split())) for q in self.faq]


def guidance_problems(entries: list[GuidanceEntry], exercises: Mapping[str, object]) -> list[str]:
    problems = [
        f"{GUIDANCE_FILE}: exercise {slug!r} has {n} entries"
        for slug, n in Counter(e.slug for e in entries).items()
        if n > 1
    ]
    problems += [f"{GUIDANCE_FILE}: unknown exercise {e.slug!r}" for e in entries if e.slug not in exercises]
    return problems


def guidance_rows(exercises: Sequence[ExerciseEntry], entries: Sequence[GuidanceEntry]) -> list[dict[str, Any]]:
    """One row per bundled exercise for cypher/set_exercise_guidance.cypher; those without an entry get nulls."""
    by_slug = {g.slug: g for g in entries}
    rows = []
    for x in exercises:
        entry = by_slug.get(x.slug)
        props = guidance_props(entry.guidance(), entry.curated_faq()) if entry else guidance_props(None, [])
        rows.append({"slug": x.slug, **props})
    return rows
