"""Exercises' curated guidance and questions (graph_service.guidance), read by slug in one round trip."""

from typing import TypedDict, cast

from graph_service.queries import Q
from graph_service.store import Store


class GuidanceRow(TypedDict):
    """cypher/exercise_guidance.cypher's row: the properties graph_service.guidance.PROPERTIES names."""

    slug: str
    guidance_goals: list[str] | None
    guidance_sets_min: list[int] | None
    guidance_sets_max: list[int] | None
    guidance_reps_min: list[int] | None
    guidance_reps_max: list[int] | None
    guidance_starting_load: str | None
    guidance_starting_load_body_weight: float | None
    faq_questions: list[str] | None
    faq_answers: list[str] | None


async def exercise_guidance(store: Store, *, slugs: list[str]) -> list[GuidanceRow]:
    """A row for each exercise of `slugs` that exists, with or without guidance."""
    return cast(list[GuidanceRow], await store.read(Q.EXERCISE_GUIDANCE, {"slugs": slugs}))
