"""Curated guidance on an exercise (`Exercise.guidance`) and the mark that tells curated FAQ answers from generated
ones (`FaqEntry.source`): what a curator wrote in seed/guidance.yaml, read through a per-request loader."""

import strawberry

from graph_service.cards.faq import FaqSource
from graph_service.guidance import Goal
from graph_service.guidance import Guidance as GuidanceFacts

strawberry.enum(
    Goal,
    name="TrainingGoal",
    description="What a block of training is for: maximal strength, muscle size (hypertrophy), or endurance.",
)
strawberry.enum(
    FaqSource,
    description="Who answered a question: a curator in their own words, or the service from the graph's facts.",
)


@strawberry.type(description="Whole numbers from `min` to `max`, both included.")
class IntRange:
    min: int
    max: int


@strawberry.type(description="Typical sets and reps for one training goal.")
class Prescription:
    goal: Goal
    sets: IntRange
    reps: IntRange = strawberry.field(description="Repetitions per set.")
    text: str = strawberry.field(description="The same in words, e.g. `3-5 sets of 3-6 reps`.")


@strawberry.type(description="How the exercise is usually programmed, as a curator wrote it for a bundled exercise.")
class Guidance:
    prescriptions: list[Prescription] = strawberry.field(
        description="Sets and reps by goal (strength, hypertrophy, endurance), for the goals it suits."
    )
    starting_load: str = strawberry.field(description="Where someone new to it begins, in plain words.")
    starting_load_body_weight: float | None = strawberry.field(
        description="The starting load as a fraction of body weight (0.5: half of it), where a loaded bar makes one "
        "usual; null where the load is described only in words (an empty bar, the body itself)."
    )

    @classmethod
    def of(cls, g: GuidanceFacts) -> "Guidance":
        return cls(
            prescriptions=[
                Prescription(
                    goal=p.goal,
                    sets=IntRange(min=p.sets[0], max=p.sets[1]),
                    reps=IntRange(min=p.reps[0], max=p.reps[1]),
                    text=p.describe(),
                )
                for p in g.prescriptions
            ],
            starting_load=g.starting_load,
            starting_load_body_weight=g.starting_load_body_weight,
        )
