"""Unknown slugs in any argument come with the closest known slugs, by slug, name and aliases, on both engines."""

from typing import Any

import pytest
from api_client import Api

from graph_service.reads.suggestions import closest


async def suggestions(api: Api, query: str, variables: dict[str, Any] | None = None) -> dict[str, list[str]]:
    with api.store.recording() as statements:
        err = await api.error(query, variables)
    assert err["extensions"]["code"] == "BAD_USER_INPUT", err
    # The known slugs were read when the statistics were; a fresh read of them is the only statement.
    assert set(statements) <= {"taxonomy_slugs"}, statements
    found: dict[str, list[str]] = err["extensions"]["suggestions"]
    return found


async def test_a_misspelt_muscle_gets_the_muscle(api: Api) -> None:
    found = await suggestions(api, '{ exercises(filter: {targets: ["glutez"]}) { totalCount } }')
    assert found["glutez"][0] == "glutes"


async def test_equipment_named_by_its_name_gets_its_slug(api: Api) -> None:
    query = '{ exercises(filter: {equipment: ["cable-machine"], muscles: ["glutes"]}) { totalCount } }'
    assert (await suggestions(api, query)) == {"cable-machine": ["cable"]}


@pytest.mark.parametrize(
    ("query", "slug", "expected"),
    [
        ('{ facets(filter: {bodyParts: ["sholders"]}) { muscles { value } } }', "sholders", "shoulders"),
        ('{ alternatives(slug: "push-up", availableEquipment: ["dumbells"]) { score } }', "dumbells", "dumbbell"),
        ('{ exercises(filter: {availableEquipment: ["cable-machine"]}) { totalCount } }', "cable-machine", "cable"),
        ('{ exercises(filter: {muscles: ["hamstring"]}) { totalCount } }', "hamstring", "hamstrings"),
    ],
)
async def test_every_slug_argument_gets_suggestions(api: Api, query: str, slug: str, expected: str) -> None:
    found = await suggestions(api, query)
    assert found[slug][0] == expected, found


async def test_a_slug_like_nothing_gets_no_suggestion(api: Api) -> None:
    found = await suggestions(api, '{ exercises(filter: {targets: ["glutes", "wings-of-fire"]}) { totalCount } }')
    assert found == {"wings-of-fire": []}


def test_closest_reads_names_and_aliases() -> None:
    terms = {"cable": ("cable", "Cable Machine", "pulley"), "barbell": ("barbell", "Barbell", "olympic bar")}
    assert closest("cable-machine", terms) == ["cable"]
    assert closest("pulleys", terms) == ["cable"]
    assert closest("olympic-bar", terms) == ["barbell"]
    assert closest("zzz", terms) == []
