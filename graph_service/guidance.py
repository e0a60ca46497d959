"""What a curator knows about an exercise that its facts cannot say: how many sets and reps suit a training goal,
where to start with the load, and questions answered in the curator's words (seed/guidance.yaml).

The graph keeps them as properties of the Exercise node, lists kept in step (`guidance_goals[i]` goes with
`guidance_sets_min[i]` ...), so an analyst reads them in Neo4j Browser without a decoder. `guidance_props` writes
them, `read_guidance` and `read_curated_faq` read them back from a row of the same names.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Goal(StrEnum):
    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    ENDURANCE = "endurance"


GOAL_ORDER = tuple(Goal)


@dataclass(frozen=True)
class Prescription:
    """Sets and reps for one goal, each an inclusive range."""

    goal: Goal
    sets: tuple[int, int]
    reps: tuple[int, int]

    def describe(self) -> str:
        """`3-5 sets of 3-6 reps`."""
        return f"{_span(self.sets)} sets of {_span(self.reps)} reps"


@dataclass(frozen=True)
class Guidance:
    prescriptions: tuple[Prescription, ...]  # in GOAL_ORDER
    starting_load: str
    starting_load_body_weight: float | None = None  # a fraction of body weight, when the load is a bar or plates


@dataclass(frozen=True)
class CuratedAnswer:
    question: str
    answer: str


# The Exercise properties that hold them; `read_guidance` and `read_curated_faq` take a row with these keys.
PROPERTIES = (
    "guidance_goals",
    "guidance_sets_min",
    "guidance_sets_max",
    "guidance_reps_min",
    "guidance_reps_max",
    "guidance_starting_load",
    "guidance_starting_load_body_weight",
    "faq_questions",
    "faq_answers",
)


def guidance_props(guidance: Guidance | None, faq: Sequence[CuratedAnswer]) -> dict[str, Any]:
    """Every property of PROPERTIES, null where there is nothing to say, so writing them clears what is gone."""
    props: dict[str, Any] = dict.fromkeys(PROPERTIES)
    if guidance:
        p = guidance.prescriptions
        props |= {
            "guidance_goals": [x.goal.value for x in p],
            "guidance_sets_min": [x.sets[0] for x in p],
            "guidance_sets_max": [x.sets[1] for x in p],
            "guidance_reps_min": [x.reps[0] for x in p],
            "guidance_reps_max": [x.reps[1] for x in p],
            "guidance_starting_load": guidance.starting_load,
            "guidance_starting_load_body_weight": guidance.starting_load_body_weight,
        }
    if faq:
        props |= {"faq_questions": [f.question for f in faq], "faq_answers": [f.answer for f in faq]}
    return props


def read_guidance(row: Mapping[str, Any]) -> Guidance | None:
    """The guidance a row of PROPERTIES holds; None without a starting load or with lists out of step (an edit by
    hand), rather than a half answer."""
    goals = row.get("guidance_goals") or []
    columns = [row.get(k) or [] for k in PROPERTIES[1:5]]
    load = row.get("guidance_starting_load")
    if not load or any(len(c) != len(goals) for c in columns) or not all(g in set(Goal) for g in goals):
        return None
    prescriptions = tuple(
        Prescription(Goal(g), (int(s0), int(s1)), (int(r0), int(r1)))
        for g, s0, s1, r0, r1 in zip(goals, *columns, strict=True)
    )
    ratio = row.get("guidance_starting_load_body_weight")
    return Guidance(
        tuple(sorted(prescriptions, key=lambda x: GOAL_ORDER.index(x.goal))),
        str(load),
        float(ratio) if ratio is not None else None,
    )


def read_curated_faq(row: Mapping[str, Any]) -> tuple[CuratedAnswer, ...]:
    questions, answers = row.get("faq_questions") or [], row.get("faq_answers") or []
    return tuple(CuratedAnswer(q, a) for q, a in zip(questions, answers, strict=False) if q and a)


def _span(bounds: tuple[int, int]) -> str:
    low, high = bounds
    return str(low) if low == high else f"{low}-{high}"
