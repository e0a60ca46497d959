"""Taxonomy lists and facet counts over the API on both engines."""

from collections import Counter

from api_client import Api

from graph_service.seeding import SeedBundle


async def test_taxonomy_lists_with_counts(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      muscles { slug targetCount exerciseCount bodyPart { slug } }
      equipment { slug exerciseCount }
      bodyParts { slug exerciseCount muscles { slug } }
      muscle(slug: "glutes") { name exercises(first: 5) { edges { node { targets { slug } } } totalCount } }
    }""")
    targets = Counter(t for e in knowledge_base.exercises for t in e.targets)
    assert {m["slug"]: m["targetCount"] for m in data["muscles"]} == {
        m.slug: targets[m.slug] for m in knowledge_base.muscles
    }
    uses = Counter(q for e in knowledge_base.exercises for q in e.equipment)
    assert {q["slug"]: q["exerciseCount"] for q in data["equipment"]} == {
        q.slug: uses[q.slug] for q in knowledge_base.equipment
    }
    parts = Counter(e.body_part for e in knowledge_base.exercises)
    assert {b["slug"]: b["exerciseCount"] for b in data["bodyParts"]} == {
        b.slug: parts[b.slug] for b in knowledge_base.body_parts
    }
    legs = next(b for b in data["bodyParts"] if b["slug"] == "legs")
    assert {"glutes", "quadriceps", "hamstrings"} <= {m["slug"] for m in legs["muscles"]}
    glutes = data["muscle"]
    assert glutes["exercises"]["totalCount"] == targets["glutes"]
    assert all({"slug": "glutes"} in e["node"]["targets"] for e in glutes["exercises"]["edges"])


async def test_facets_count_the_matching_exercises(api: Api, knowledge_base: SeedBundle) -> None:
    query = """{ facets(filter: {bodyParts: ["legs"]}) {
      bodyParts { value name count } muscles { value name count } equipment { value name count }
      difficulties { value count } categories { value count } } }"""
    await api.data(query)
    before = api.store.round_trips
    data = await api.data(query)
    assert api.store.round_trips - before == 1  # counts and names in one statement once the slugs are known
    legs = [e for e in knowledge_base.exercises if e.body_part == "legs"]
    names = {x.slug: x.name for x in [*knowledge_base.muscles, *knowledge_base.equipment, *knowledge_base.body_parts]}
    f = data["facets"]
    assert f["bodyParts"] == [{"value": "legs", "name": names["legs"], "count": len(legs)}]
    assert {m["value"]: m["count"] for m in f["muscles"]} == Counter(t for e in legs for t in e.targets)
    assert {q["value"]: q["count"] for q in f["equipment"]} == Counter(q for e in legs for q in e.equipment)
    assert all(x["name"] == names[x["value"]] for x in f["muscles"] + f["equipment"])
    assert {d["value"]: d["count"] for d in f["difficulties"]} == Counter(e.difficulty.name for e in legs)
    assert sum(c["count"] for c in f["categories"]) == len(legs)
    counts = [m["count"] for m in f["muscles"]]
    assert counts == sorted(counts, reverse=True)
