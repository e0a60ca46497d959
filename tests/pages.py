"""Paging through `exercises` and the filter oracle computed from the seed files, shared by the API tests."""

from typing import Any

from api_client import Api

PAGE = """
query Page($filter: ExerciseFilter, $first: Int!, $after: String, $sort: ExerciseSort! = NAME) {
  exercises(filter: $filter, first: $first, after: $after, sort: $sort) {
    edges { cursor node { slug name difficulty targets { slug } secondaryMuscles { slug } equipment { slug } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def all_pages(
    api: Api, filter: dict[str, Any] | None, first: int = 37, sort: str = "NAME"
) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await api.data(PAGE, {"filter": filter, "first": first, "after": after, "sort": sort}))["exercises"]
        nodes += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes
        after = page["pageInfo"]["endCursor"]


FILTERS_BY_SOURCE: list[dict[str, Any]] = [
    # Each names a different first source the matching exercises are read from (cypher/_matching_exercises.cypher).
    {"targets": ["glutes", "quadriceps"], "difficulties": ["BEGINNER", "INTERMEDIATE"]},
    {"muscles": ["hamstrings"], "categories": ["STRENGTH"]},
    {"equipment": ["dumbbell", "kettlebell"], "availableEquipment": ["dumbbell", "kettlebell", "bench"]},
    {"bodyParts": ["legs", "back"], "forces": ["PULL"]},
    {"text": "press"},
]


def matches(e: Any, f: dict[str, Any]) -> bool:
    worked = {*e.targets, *e.secondary}
    return (
        (not f.get("targets") or bool(set(f["targets"]) & set(e.targets)))
        and (not f.get("muscles") or bool(set(f["muscles"]) & worked))
        and (not f.get("equipment") or bool(set(f["equipment"]) & set(e.equipment)))
        and (
            not f.get("availableEquipment") or (bool(e.equipment) and set(e.equipment) <= set(f["availableEquipment"]))
        )
        and (not f.get("bodyParts") or e.body_part in f["bodyParts"])
        and (not f.get("difficulties") or e.difficulty.upper() in f["difficulties"])
        and (not f.get("categories") or e.category.upper() in f["categories"])
        and (not f.get("forces") or (e.force is not None and e.force.upper() in f["forces"]))
        and (not f.get("text") or f["text"] in " ".join([e.name, *e.aliases]).lower())
    )


async def answer_and_statements(api: Api, query: str, variables: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    with api.store.recording() as names:
        return await api.data(query, variables), list(names)


WINDOW = """
query Window(
  $filter: ExerciseFilter, $first: Int, $after: String, $last: Int, $before: String, $sort: ExerciseSort! = NAME
) {
  exercises(filter: $filter, first: $first, after: $after, last: $last, before: $before, sort: $sort) {
    edges { cursor node { slug name difficulty } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


async def window(api: Api, filter: dict[str, Any] | None, sort: str = "NAME", **page: Any) -> dict[str, Any]:
    """One page of `exercises`, asked with any of first, after, last and before."""
    answer: dict[str, Any] = (await api.data(WINDOW, {"filter": filter, "sort": sort, **page}))["exercises"]
    return answer


async def pages_forward(api: Api, filter: dict[str, Any] | None, size: int, sort: str = "NAME") -> list[dict[str, Any]]:
    """Every page from the start, `first: size` each, in the order read."""
    pages = [await window(api, filter, sort, first=size)]
    while pages[-1]["pageInfo"]["hasNextPage"]:
        pages.append(await window(api, filter, sort, first=size, after=pages[-1]["pageInfo"]["endCursor"]))
    return pages


async def pages_backward(
    api: Api, filter: dict[str, Any] | None, size: int, sort: str = "NAME"
) -> list[dict[str, Any]]:
    """Every page from the end, `last: size` each, in the order read."""
    pages = [await window(api, filter, sort, last=size)]
    while pages[-1]["pageInfo"]["hasPreviousPage"]:
        pages.append(await window(api, filter, sort, last=size, before=pages[-1]["pageInfo"]["startCursor"]))
    return pages
