"""An exercise page in one statement: the exercise with its relations, and when asked its alternatives and its
related groups (cypher/exercise_page.cypher, or cypher/exercise_page_near.cypher with the near lookup)."""

from dataclasses import dataclass
from typing import Any, cast

from graph_service.queries import Q
from graph_service.reads.alternatives import AlternativeRow, AlternativesQuestion, looks_near
from graph_service.reads.exercises import ExerciseWithLinksRow
from graph_service.reads.related import RelatedGroupRow, group_from_map, ordered, walk_limit
from graph_service.statistics import GraphStatistics
from graph_service.store import Store


@dataclass(frozen=True)
class ExercisePage:
    exercise: ExerciseWithLinksRow
    # The alternatives asked for, and whether they are the exact answer (scored from every candidate) or near
    # lookups that graph_service.reads.alternatives.ranked_alternatives must still prove.
    alternatives: list[AlternativeRow] | None
    alternatives_exact: bool
    related: list[RelatedGroupRow] | None


async def exercise_page(
    store: Store,
    statistics: GraphStatistics,
    *,
    slug: str,
    alternatives: AlternativesQuestion | None,
    related_first: int | None,
) -> ExercisePage | None:
    """None when there is no exercise `slug`."""
    near = alternatives is not None and await looks_near(statistics)
    params: dict[str, Any] = {
        **AlternativesQuestion(slug, 0, None, None).params(),
        **(alternatives.params() if alternatives else {}),
        "slug": slug,
        "related_first": related_first or 0,
        "walk_limit": await walk_limit(store, statistics) if related_first else 0,
    }
    rows = await store.read(Q.EXERCISE_PAGE_NEAR if near else Q.EXERCISE_PAGE, params)
    if not rows:
        return None
    row = rows[0]
    found_alternatives, found_related = row.pop("alternatives"), row.pop("related")
    return ExercisePage(
        exercise=cast(ExerciseWithLinksRow, row),
        alternatives=(
            [
                cast(AlternativeRow, {**{k: v for k, v in a.items() if k != "exercise"}, **a["exercise"]})
                for a in found_alternatives
            ]
            if alternatives is not None
            else None
        ),
        alternatives_exact=not near,
        related=ordered([group_from_map(g) for g in found_related]) if related_first is not None else None,
    )
