"""Muscle groups, the level above the muscle, on both engines: the seed's groups in the graph and the API, filters
and facets that take a group for all of its muscles, search by a group's alias, imports that file a broad source
term under its group, and a plan's coverage per group."""

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from api_client import Api, api_for
from graph_dump import exercise

from graph_service.config import Settings
from graph_service.errors import SeedValidationError
from graph_service.importers import import_records
from graph_service.importers.common import SourceExercise
from graph_service.integrity import check_graph
from graph_service.seeding import SeedBundle, load_seed, write_seed
from graph_service.store import Store

DELTOIDS = {"front-deltoids", "side-deltoids", "rear-deltoids"}


def group_of(knowledge_base: SeedBundle) -> dict[str, str]:
    return {m: g.slug for g in knowledge_base.muscle_groups for m in g.muscles}


def test_every_muscle_is_in_exactly_one_group(knowledge_base: SeedBundle) -> None:
    members = Counter(m for g in knowledge_base.muscle_groups for m in g.muscles)
    assert set(members) == {m.slug for m in knowledge_base.muscles}
    assert set(members.values()) == {1}
    assert all(len(g.muscles) > 1 for g in knowledge_base.muscle_groups)
    # Broad terms name groups, never a muscle.
    terms = {t for m in knowledge_base.muscles for t in (m.slug, m.name.lower(), *m.aliases)}
    assert not {"shoulders", "delts", "deltoids", "back", "chest", "thighs", "core", "abdominals"} & terms


def test_the_seed_refuses_a_muscle_in_two_groups_or_none(mini_seed: Path) -> None:
    path = mini_seed / "muscles.yaml"
    data = yaml.safe_load(path.read_text())
    groups = {g["slug"]: g for g in data["muscle_groups"]}
    groups["deltoids"]["muscles"].append("lats")  # lats is in back too
    groups["arms"]["muscles"].remove("forearms")  # now in no group
    groups["hips"]["aliases"].append("quads")  # a muscle's term
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(SeedValidationError) as caught:
        load_seed(mini_seed)
    text = "\n".join(caught.value.problems)
    assert "muscle 'lats': in more than one muscle group: back, deltoids" in text
    assert "muscle 'forearms': in no muscle group" in text
    assert "muscle group 'hips': term 'quads' also names the muscle 'quadriceps'" in text


async def test_groups_and_their_muscles_in_the_api(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      muscleGroups { slug name aliases muscles { slug group { slug } } }
      muscle(slug: "side-deltoids") { group { slug name muscles { slug } } }
      muscleGroup(slug: "deltoids") { name aliases exercises(first: 0) { totalCount } }
    }""")
    expected = {g.slug: (g.name, sorted(g.aliases), sorted(g.muscles)) for g in knowledge_base.muscle_groups}
    found = {
        g["slug"]: (g["name"], sorted(g["aliases"]), sorted(m["slug"] for m in g["muscles"]))
        for g in data["muscleGroups"]
    }
    assert found == expected
    assert all(m["group"]["slug"] == g["slug"] for g in data["muscleGroups"] for m in g["muscles"])
    side = data["muscle"]["group"]
    assert (side["slug"], side["name"]) == ("deltoids", "Deltoids")
    assert {m["slug"] for m in side["muscles"]} == DELTOIDS
    assert {"shoulders", "delts"} <= set(data["muscleGroup"]["aliases"])
    targeting = [x for x in knowledge_base.exercises if DELTOIDS & set(x.targets)]
    assert data["muscleGroup"]["exercises"]["totalCount"] == len(targeting)


async def test_a_group_filter_is_the_union_of_its_members(api: Api, knowledge_base: SeedBundle) -> None:
    query = """query($f: ExerciseFilter, $a: String) { exercises(filter: $f, first: 100, after: $a) {
      totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } }"""

    async def slugs(f: dict[str, Any]) -> tuple[set[str], int]:
        found: set[str] = set()
        after = None
        while True:
            conn = (await api.data(query, {"f": f, "a": after}))["exercises"]
            found |= {e["node"]["slug"] for e in conn["edges"]}
            if not conn["pageInfo"]["hasNextPage"]:
                return found, conn["totalCount"]
            after = conn["pageInfo"]["endCursor"]

    worked = {x.slug for x in knowledge_base.exercises if DELTOIDS & {*x.targets, *x.secondary}}
    targeted = {x.slug for x in knowledge_base.exercises if DELTOIDS & set(x.targets)}
    assert len(worked) > len(targeted) > 0
    assert await slugs({"muscles": ["deltoids"]}) == (worked, len(worked))
    assert await slugs({"muscles": sorted(DELTOIDS)}) == (worked, len(worked))
    assert await slugs({"targets": ["deltoids"]}) == (targeted, len(targeted))
    # A group beside one of its own muscles, and beside another filter field, means the same union.
    assert await slugs({"targets": ["deltoids", "rear-deltoids"]}) == (targeted, len(targeted))
    legs = {x.slug for x in knowledge_base.exercises if x.body_part == "legs" and "hips" in _groups(knowledge_base, x)}
    assert await slugs({"targets": ["hips"], "bodyParts": ["legs"]}) == (legs, len(legs))


def _groups(knowledge_base: SeedBundle, x: Any) -> set[str]:
    of = group_of(knowledge_base)
    return {of[m] for m in x.targets}


async def test_an_unknown_group_slug_is_refused(api: Api) -> None:
    error = await api.error('{ exercises(filter: {muscles: ["deltoidz"]}) { totalCount } }')
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "deltoidz" in error["message"]


async def test_facets_count_each_exercise_once_per_group(api: Api, knowledge_base: SeedBundle) -> None:
    query = """{ facets(filter: {bodyParts: ["shoulders", "chest"]}) {
      muscles { value count } muscleGroups { value name count } } }"""
    await api.data(query)
    before = api.store.round_trips
    data = await api.data(query)
    assert api.store.round_trips - before == 1  # still one statement once the taxonomy is known
    of = group_of(knowledge_base)
    names = {g.slug: g.name for g in knowledge_base.muscle_groups}
    chosen = [x for x in knowledge_base.exercises if x.body_part in {"shoulders", "chest"}]
    expected = Counter(g for x in chosen for g in {of[t] for t in x.targets})
    groups = data["facets"]["muscleGroups"]
    assert {g["value"]: g["count"] for g in groups} == expected
    assert all(g["name"] == names[g["value"]] for g in groups)
    assert [g["count"] for g in groups] == sorted((g["count"] for g in groups), reverse=True)
    # An exercise targeting two deltoids counts twice among muscles, once for the group.
    muscles = {m["value"]: m["count"] for m in data["facets"]["muscles"]}
    assert sum(muscles.get(m, 0) for m in DELTOIDS) >= expected["deltoids"]


async def test_search_finds_a_group_by_its_alias(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{ search(text: "delts", first: 8) { score via { slug }
      node { __typename ... on MuscleGroup { slug } ... on Exercise { slug targets { slug } } } } }""")
    hits = data["search"]
    assert hits[0]["node"] == {"__typename": "MuscleGroup", "slug": "deltoids"}
    reached = [h["node"] for h in hits if h["node"]["__typename"] == "Exercise"]
    assert reached, hits
    assert all(DELTOIDS & {t["slug"] for t in x["targets"]} for x in reached)
    # `via` names a muscle ("delts" is also a word of "rear delts"); an exercise reached through the group has none.
    assert all(h["via"] is None or h["via"]["slug"] in DELTOIDS for h in hits)
    shoulders = await api.data('{ search(text: "shoulders", first: 3) { node { ... on MuscleGroup { slug } } } }')
    assert {"slug": "deltoids"} in [h["node"] for h in shoulders["search"]]


async def test_plan_coverage_per_group(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{ planCoverage(plan: [{slug: "barbell-bench-press"}, {slug: "barbell-overhead-press"}]) {
      muscles { muscle { slug } targetSets secondarySets weightedSets }
      groups { group { slug name } targetSets secondarySets weightedSets } } }""")
    coverage = data["planCoverage"]
    of = group_of(knowledge_base)
    summed: dict[str, list[float]] = {}
    for m in coverage["muscles"]:
        sums = summed.setdefault(of[m["muscle"]["slug"]], [0.0, 0.0, 0.0])
        for i, key in enumerate(("targetSets", "secondarySets", "weightedSets")):
            sums[i] += m[key]
    groups = {g["group"]["slug"]: [g["targetSets"], g["secondarySets"], g["weightedSets"]] for g in coverage["groups"]}
    assert groups == summed
    # The bench press targets the pectorals (front deltoids assist); the overhead press targets the front deltoids
    # (side deltoids assist): 3 target sets and 6 secondary sets for the deltoids, 3 + 6/2 = 6 weighted.
    assert groups["deltoids"] == [3.0, 6.0, 6.0]
    assert groups["chest"] == [3.0, 0.0, 3.0]
    assert coverage["groups"][0]["group"] == {"slug": "deltoids", "name": "Deltoids"}  # most weighted sets first


async def test_a_session_built_for_a_group_covers_its_muscles(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{ buildSession(muscles: ["deltoids"], size: 3, seed: 1) {
      items { exercise { slug } } coverage { groups { group { slug } targetSets } } } }""")
    session = data["buildSession"]
    x = {e.slug: e for e in knowledge_base.exercises}
    picked = [x[i["exercise"]["slug"]] for i in session["items"]]
    assert len(picked) == 3
    assert all(DELTOIDS & {*e.targets, *e.secondary} for e in picked)
    assert len(DELTOIDS & {t for e in picked for t in e.targets}) >= 2  # spread over the group's muscles
    assert session["coverage"]["groups"][0]["group"]["slug"] == "deltoids"


def _record(source_id: str, name: str, targets: tuple[str, ...], secondary: tuple[str, ...] = ()) -> SourceExercise:
    return SourceExercise(
        source="test-db",
        source_id=source_id,
        name=name,
        targets=targets,
        secondary=secondary,
        equipment=("dumbbell",),
        difficulty="beginner",
        category="strength",
    )


async def test_a_broad_source_term_files_the_exercise_under_its_group(
    store: Store, settings: Settings, knowledge_base: SeedBundle
) -> None:
    await write_seed(store, knowledge_base, batch_size=500)
    records = [
        _record("1", "Dumbbell Scarecrow Raise", ("shoulders",), ("back", "rear delts")),
        _record("2", "Dumbbell Arc Fly Hold", ("chest",), ("delts",)),
    ]
    summary = await import_records(
        store, records, source="test-db", seed_dir=settings.seed_dir, batch_size=settings.write_batch_size
    )
    assert len(summary.created) == 2 and not summary.unmapped
    raise_ = await exercise(store, "dumbbell-scarecrow-raise")
    assert raise_["TARGETS_GROUP"] == ["deltoids"]
    assert "TARGETS" not in raise_  # never filed under one deltoid
    assert raise_["WORKS_GROUP_SECONDARY"] == ["back"]
    assert raise_["WORKS_SECONDARY"] == ["rear-deltoids"]
    assert raise_["TRAINS"] == ["shoulders"]  # the group's body part
    assert raise_["props"]["target_group_slugs"] == ["deltoids"]
    fly = await exercise(store, "dumbbell-arc-fly-hold")
    assert (fly["TARGETS_GROUP"], fly.get("WORKS_GROUP_SECONDARY")) == (["chest"], ["deltoids"])
    assert (await check_graph(store, batch_size=100)).clean  # a target group is a target; the keys agree
    # Another source naming the same exercise by its muscle merges into it: a group target is no evidence against.
    again = await import_records(
        store,
        [_record("9", "Dumbbell Scarecrow Raise", ("rear delts",))],
        source="other-db",
        seed_dir=settings.seed_dir,
        batch_size=settings.write_batch_size,
    )
    assert again.merged == [("test-db:9", "dumbbell-scarecrow-raise")] and not again.created

    async with api_for(store, settings) as api:
        query = """query($m: [String!], $t: [String!]) { exercises(filter: {muscles: $m, targets: $t}, first: 100) {
          totalCount edges { node { slug targetGroups { slug } secondaryGroups { slug } targets { slug } } } } }"""

        async def found(**f: list[str]) -> dict[str, Any]:
            data = await api.data(query, {"m": f.get("m"), "t": f.get("t")})
            return {e["node"]["slug"]: e["node"] for e in data["exercises"]["edges"]}

        by_group = await found(t=["deltoids"])
        assert by_group["dumbbell-scarecrow-raise"]["targetGroups"] == [{"slug": "deltoids"}]
        assert by_group["dumbbell-scarecrow-raise"]["targets"] == []
        assert "dumbbell-arc-fly-hold" not in by_group  # it names the deltoids as secondary only
        assert "dumbbell-arc-fly-hold" in await found(m=["deltoids"])
        assert "dumbbell-scarecrow-raise" not in await found(t=["front-deltoids"])
        assert "dumbbell-scarecrow-raise" not in await found(m=["front-deltoids", "side-deltoids"])
        assert "dumbbell-scarecrow-raise" in await found(m=["rear-deltoids"])  # its secondary muscle
        facets = await api.data('{ facets(filter: {targets: ["deltoids"]}) { muscleGroups { value count } } }')
        counts = {g["value"]: g["count"] for g in facets["facets"]["muscleGroups"]}
        targeting = sum(1 for x in knowledge_base.exercises if DELTOIDS & set(x.targets))
        assert counts["deltoids"] == targeting + 1
