"""Object identification on both engines: global ids from a node's label and slug, `node` and `nodes` finding them
again through the request's loaders, and answers a normalised cache (Apollo's, urql's graphcache) can key."""

import base64
from collections import Counter
from typing import Any

from api_client import Api
from graphql import GraphQLInterfaceType
from pages import answer_and_statements

from graph_service.api.schema import schema
from graph_service.seeding import SeedBundle

# Each type standing for a graph node: the root field listing every one of them and the statement reading them.
LISTED = {
    "Exercise": ("exercise", "exercises_by_slugs"),
    "Muscle": ("muscles", "muscles"),
    "Equipment": ("equipment", "equipment"),
    "BodyPart": ("bodyParts", "body_parts"),
    "MovementPattern": ("movementPatterns", "movement_patterns"),
    "Kit": ("kits", "kits"),
    "MuscleGroup": ("muscleGroups", "muscle_groups"),
}
NODE_INTERFACE = schema._schema.get_type("Node")
assert isinstance(NODE_INTERFACE, GraphQLInterfaceType)
NODE_TYPES = tuple(t.name for t in schema._schema.get_possible_types(NODE_INTERFACE))
SLUG_OF_ANY = " ".join(f"... on {t} {{ slug }}" for t in NODE_TYPES)
LISTS = [f"{LISTED[t][0]} {{ id slug }}" for t in NODE_TYPES if t != "Exercise"]
EVERY_KIND = "\n".join(["{", 'exercise(slug: "barbell-hip-thrust") { id slug }', *LISTS, "}"])
NODE = f"query($id: ID!) {{ node(id: $id) {{ __typename id {SLUG_OF_ANY} }} }}"
NODES = f"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ __typename id {SLUG_OF_ANY} }} }}"
# An exercise page as a frontend asks for it, with `__typename` in every selection as Apollo Client adds it.
EXERCISE_PAGE = """query($slug: String!) {
  exercise(slug: $slug) {
    __typename id slug name
    targets { __typename id slug name bodyPart { __typename id slug name } }
    secondaryMuscles { __typename id slug name }
    equipment { __typename id slug name }
    PATTERNS
    bodyPart { __typename id slug name muscles { __typename id slug } }
    variationOf { __typename id slug name }
    variations { __typename id slug name }
    alternatives(first: 5) {
      __typename score sameFamily reason
      exercise { __typename id slug name equipment { __typename id slug } }
      sharedTargets { __typename id slug name }
    }
    related(first: 3) { __typename kind slug name total exercises { __typename id slug name } }
    faq { __typename question answer }
  }
}""".replace("PATTERNS", "patterns { __typename id slug name }" if "MovementPattern" in NODE_TYPES else "")


def relay_id(label: str, slug: str) -> str:
    return base64.b64encode(f"{label}:{slug}".encode()).decode()


def objects(value: Any) -> list[dict[str, Any]]:
    """Every object in an answer, depth first."""
    found: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def normalise(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What a normalised cache does: each object with an id stored once under it, its fields merged; a field that
    two occurrences answer differently is a conflict the cache could not resolve."""
    cache: dict[str, dict[str, Any]] = {}
    for obj in objects(answer):
        if "id" not in obj:
            continue
        entry = cache.setdefault(obj["id"], {})
        for field, value in obj.items():
            if not isinstance(value, dict | list):
                assert entry.setdefault(field, value) == value, (obj["id"], field)
    return cache


async def test_every_node_has_the_global_id_of_its_label_and_slug(api: Api, knowledge_base: SeedBundle) -> None:
    assert set(NODE_TYPES) >= {"Exercise", "Muscle", "Equipment", "BodyPart"} and set(NODE_TYPES) <= set(LISTED)
    answer = await api.data(EVERY_KIND)
    labels = {LISTED[t][0]: t for t in NODE_TYPES}
    ids: list[str] = []
    for field, label in labels.items():
        found = answer[field] if isinstance(answer[field], list) else [answer[field]]
        assert found, field
        for node in found:
            assert node["id"] == relay_id(label, node["slug"]), node
            ids.append(node["id"])
    assert len(ids) == len(set(ids))
    assert len(answer["muscles"]) == len(knowledge_base.muscles)
    # Each id finds its object again, through `node` and through `nodes`.
    for field, label in labels.items():
        node = answer[field] if isinstance(answer[field], dict) else answer[field][0]
        again = (await api.data(NODE, {"id": node["id"]}))["node"]
        assert again == {"__typename": label, "id": node["id"], "slug": node["slug"]}


async def test_nodes_reads_each_label_in_one_statement(api: Api, knowledge_base: SeedBundle) -> None:
    every = await api.data(EVERY_KIND)
    others = [LISTED[t][0] for t in NODE_TYPES if t != "Exercise"]
    wanted = [relay_id("Exercise", e.slug) for e in knowledge_base.exercises[:30]]
    while len(wanted) < 50:  # the other labels in turn, 20 ids in all
        field = others[len(wanted) % len(others)]
        wanted.append(next(n["id"] for n in every[field] if n["id"] not in wanted))
    answer, statements = await answer_and_statements(api, NODES, {"ids": wanted})
    assert [n["id"] for n in answer["nodes"]] == wanted
    assert [n["slug"] for n in answer["nodes"][:30]] == [e.slug for e in knowledge_base.exercises[:30]]
    # One statement per label, however many ids: exercises, three taxonomies and kits.
    assert Counter(statements) == Counter(LISTED[t][1] for t in NODE_TYPES), statements
    _, fewer = await answer_and_statements(api, NODES, {"ids": [*wanted[:2], relay_id("Muscle", "glutes")]})
    assert sorted(fewer) == ["exercises_by_slugs", "muscles"], fewer


async def test_unknown_ids_are_null_and_malformed_ones_named(api: Api) -> None:
    for unknown in (relay_id("Exercise", "no-such-exercise"), relay_id("Planet", "mars"), relay_id("Query", "x")):
        body = await api.post(NODE, {"id": unknown})
        assert body == {"data": {"node": None}}, unknown
    for malformed in ("%%%", "", base64.b64encode(b"no colon").decode(), relay_id("Exercise", "x" * 500), "YQ"):
        body = await api.post(NODE, {"id": malformed})
        assert body["data"] == {"node": None}, malformed
        [error] = body["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["path"] == ["node"], error
        assert "not an id this API issued" in error["message"]
    ids = [relay_id("Muscle", "glutes"), "%%%", relay_id("Muscle", "no-such-muscle")]
    body = await api.post(NODES, {"ids": ids})
    assert body["data"]["nodes"] == [
        {"__typename": "Muscle", "id": ids[0], "slug": "glutes"},
        None,
        None,
    ]
    [error] = body["errors"]
    assert error["path"] == ["nodes", 1] and error["extensions"]["code"] == "BAD_USER_INPUT", error
    assert "ids[1]" in error["message"]
    too_many = await api.error(NODES, {"ids": [ids[0]] * 51})
    assert too_many["extensions"]["code"] == "BAD_USER_INPUT" and "at most 50" in too_many["message"]


async def test_an_exercise_page_normalises_with_no_configuration(api: Api) -> None:
    """Every object that stands for a graph node carries `id` and `__typename`, so a normalised cache keys it with
    no `keyFields`; the others (an alternative, a related group, a question) have no identity of their own and stay
    inside their parent, as a normalised cache keeps them."""
    answer = await api.data(EXERCISE_PAGE, {"slug": "barbell-hip-thrust"})
    found = objects(answer["exercise"])
    assert all("__typename" in obj for obj in found)
    kinds = Counter(obj["__typename"] for obj in found)
    assert {"Exercise", "Muscle", "Equipment", "BodyPart"} <= set(kinds), kinds
    assert "MovementPattern" in kinds or "MovementPattern" not in NODE_TYPES, kinds
    for obj in found:
        if obj["__typename"] in NODE_TYPES:
            assert obj["id"] == relay_id(obj["__typename"], obj["slug"]), obj
        else:
            assert obj["__typename"] in {"Alternative", "RelatedGroup", "FaqEntry"}, obj
    cache = normalise(answer)
    assert len(cache) == len({obj["id"] for obj in found if "id" in obj}) > 10
    # The same node met twice (a muscle as a target and as a shared target) is one cache entry, answered alike.
    assert any(n > 1 for n in Counter(obj["id"] for obj in found if "id" in obj).values())
