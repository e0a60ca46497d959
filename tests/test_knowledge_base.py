"""The bundled knowledge base: integrity on both engines, coverage, the hip-thrust card's facts, vocabularies."""

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from conftest import SHARED
from typer.testing import CliRunner

from graph_service.model import Category, Difficulty
from graph_service.seeding import SeedBundle
from graph_service.store import Store

INTEGRITY = """
MATCH (e:Exercise)
RETURN e.slug AS slug,
       size([(e)-[:TRAINS]->(b:BodyPart) | 1]) AS body_parts,
       size([(e)-[:TARGETS]->(t:Muscle) | 1]) AS targets,
       size([(e)-[:USES]->(q:Equipment) | 1]) AS equipment,
       [(e)-[:TARGETS]->(t2:Muscle) | t2.slug] AS target_slugs,
       [(e)-[:WORKS_SECONDARY]->(s:Muscle) | s.slug] AS secondary_slugs,
       size(e.instructions) AS steps
"""


async def test_integrity_in_the_graph(kb_store: Store, knowledge_base: SeedBundle) -> None:
    rows = await kb_store.run_text(INTEGRITY, {}, write=False)
    assert len(rows) == len(knowledge_base.exercises) == len({r["slug"] for r in rows})
    for r in rows:
        assert r["body_parts"] == 1 and r["targets"] >= 1 and r["equipment"] >= 1 and r["steps"] >= 3, r
        assert not set(r["target_slugs"]) & set(r["secondary_slugs"]), r
    orphans = await kb_store.run_text(
        "MATCH (m:Muscle) WITH m, size([(m)-[:PART_OF]->(b:BodyPart) | 1]) AS n WHERE n <> 1 RETURN m.slug AS slug",
        {},
        write=False,
    )
    assert orphans == []


def test_coverage(knowledge_base: SeedBundle) -> None:
    xs = knowledge_base.exercises
    assert len(xs) >= 300
    per_part = Counter(x.body_part for x in xs)
    assert set(per_part) == {b.slug for b in knowledge_base.body_parts} and min(per_part.values()) >= 15
    assert len({q for x in xs for q in x.equipment}) >= 25
    assert {x.difficulty for x in xs} == set(Difficulty) and {x.category for x in xs} == set(Category)
    assert all(x.description and len(x.instructions) >= 3 and x.targets and x.equipment for x in xs)
    assert sum(1 for x in xs if len(x.tips) >= 2 and len(x.mistakes) >= 2) >= 120
    assert len({x.variation_of for x in xs if x.variation_of}) >= 40
    assert len(knowledge_base.muscles) >= 30 and len(knowledge_base.equipment) >= 25


def test_every_common_target_has_alternatives_on_other_equipment(knowledge_base: SeedBundle) -> None:
    kits: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for x in knowledge_base.exercises:
        for t in x.targets:
            kits[t].add(tuple(sorted(x.equipment)))
    common = Counter(t for x in knowledge_base.exercises for t in x.targets).most_common(30)
    assert {m: len(kits[m]) for m, _ in common if len(kits[m]) < 4} == {}


def test_hip_thrust_carries_the_card_facts(knowledge_base: SeedBundle) -> None:
    x = next(e for e in knowledge_base.exercises if e.slug == "barbell-hip-thrust")
    assert (x.body_part, x.equipment, x.targets) == ("legs", ["barbell", "bench"], ["glutes"])
    assert sorted(x.secondary) == ["hamstrings", "quadriceps"]
    assert (x.difficulty, x.category) == (Difficulty.BEGINNER, Category.STRENGTH)
    assert (len(x.instructions), len(x.tips), len(x.mistakes)) == (5, 3, 3)


def _terms(knowledge_base: SeedBundle) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    def index(entries: list, unmapped: list) -> dict[str, set[str]]:  # type: ignore[type-arg]
        owners: dict[str, set[str]] = defaultdict(set)
        for e in entries:
            for term in (e.slug, e.name.lower(), *e.aliases):
                owners[term].add(e.slug)
        for u in unmapped:
            owners[u.term.lower()].add("(not a muscle or equipment)")
        return owners

    return (
        # a broad term names a muscle group, never one of its muscles
        index([*knowledge_base.muscles, *knowledge_base.muscle_groups], knowledge_base.unmapped_muscle_terms),
        index(knowledge_base.equipment, knowledge_base.unmapped_equipment_terms),
    )


def test_every_public_vocabulary_term_maps_to_exactly_one_entry(knowledge_base: SeedBundle) -> None:
    path = SHARED / "datasets" / "vocabularies.json"
    if not path.is_file():
        pytest.skip("../shared/datasets/vocabularies.json is not present")
    v = json.loads(path.read_text())
    muscle_terms = {
        *v["free-exercise-db"]["muscles"],
        *v["exercisedb"]["targetMuscles"],
        *v["exercisedb"]["secondaryMuscles"],
        *(m["name"] for m in v["wger"]["muscles"]),
        *(m["name_en"] for m in v["wger"]["muscles"] if m["name_en"]),
    }
    equipment_terms = {
        *v["free-exercise-db"]["equipment"],
        *v["exercisedb"]["equipments"],
        *(q["name"] for q in v["wger"]["equipment"]),
    }
    muscles, equipment = _terms(knowledge_base)
    assert {t: muscles.get(t.lower()) for t in muscle_terms if len(muscles.get(t.lower(), ())) != 1} == {}
    assert {t: equipment.get(t.lower()) for t in equipment_terms if len(equipment.get(t.lower(), ())) != 1} == {}


def test_documented_coverage_is_generated_from_the_data(knowledge_base: SeedBundle) -> None:
    from graph_service.config import PROJECT_ROOT
    from graph_service.seeding.coverage import DOC, coverage_markdown, current_block

    page = (PROJECT_ROOT / DOC).read_text(encoding="utf-8")
    assert current_block(page) == coverage_markdown(knowledge_base), "run `graph-service coverage --update-docs`"


def test_coverage_update_docs_rewrites_only_the_generated_section(
    knowledge_base: SeedBundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph_service.config
    from graph_service.cli import app
    from graph_service.seeding.coverage import BEGIN, DOC, END, coverage_markdown

    page = tmp_path / DOC
    page.parent.mkdir()
    page.write_text(f"# Before\n\n{BEGIN}\nstale\n{END}\n\nAfter.\n", encoding="utf-8")
    monkeypatch.setattr(graph_service.config, "PROJECT_ROOT", tmp_path)
    result = CliRunner().invoke(app, ["coverage", "--update-docs"])
    assert result.exit_code == 0, result.output
    assert (
        page.read_text(encoding="utf-8") == f"# Before\n\n{BEGIN}\n{coverage_markdown(knowledge_base)}{END}\n\nAfter.\n"
    )
