"""All 873 exercises of the public free-exercise-db dataset, imported over the bundled knowledge base on both
engines. The dataset is read from ../shared and never copied into the repository; without it these tests skip."""

from pathlib import Path
from typing import cast

import pytest
from api_client import api_for
from conftest import SHARED
from graph_dump import dump, exercise

from graph_service.config import Settings
from graph_service.guidance import PROPERTIES as GUIDANCE_PROPERTIES
from graph_service.importers import import_records, read_free_exercise_db
from graph_service.importers.common import SourceExercise, name_key, read_unmapped_terms
from graph_service.importers.merge import ImportSummary
from graph_service.seeding import SeedBundle, write_seed
from graph_service.store import Row, Store

DATASET = SHARED / "datasets" / "free-exercise-db.json"
pytestmark = pytest.mark.skipif(not DATASET.is_file(), reason=f"{DATASET} is not present")


@pytest.fixture(scope="module")
def records() -> list[SourceExercise]:
    return read_free_exercise_db(DATASET)


async def run(
    store: Store, settings: Settings, records: list[SourceExercise], *, dry_run: bool = False
) -> ImportSummary:
    return await import_records(
        store,
        records,
        source="free-exercise-db",
        seed_dir=settings.seed_dir,
        batch_size=settings.write_batch_size,
        dry_run=dry_run,
    )


def by_slug(nodes: list[Row]) -> dict[str, dict[str, object]]:
    return {n["slug"]: n["props"] for n in nodes if n["label"] == "Exercise"}


def test_the_dataset_reads_whole(records: list[SourceExercise]) -> None:
    assert len(records) == 873
    squat = next(x for x in records if x.source_id == "Barbell_Squat")
    assert (squat.name, squat.targets, squat.equipment, squat.difficulty) == (
        "Barbell Squat",
        ("quadriceps",),
        ("barbell",),
        "beginner",
    )
    assert squat.body_parts == ()  # the format has none; the importer derives it


async def test_import_all_over_the_knowledge_base(
    store: Store, settings: Settings, knowledge_base: SeedBundle, records: list[SourceExercise]
) -> None:
    await write_seed(store, knowledge_base, batch_size=500)
    nodes_before, edges_before = await dump(store)

    summary = await run(store, settings, records)

    # every record lands: created, merged or held for review, none skipped
    assert summary.records == 873 and not summary.skipped
    assert len(summary.created) + len(summary.merged) + len(summary.held) == 873 and summary.unchanged == 0
    # every muscle and equipment term maps; the only leftover is the seed's deliberate "other"
    assert summary.unmapped == {}
    assert dict(summary.by_design) == {("equipment", "other"): 122}
    assert "other" in read_unmapped_terms(settings.seed_dir)["equipment"]
    assert not summary.defaulted

    nodes, edges = await dump(store)
    exercises = by_slug(nodes)
    bundled = {x.slug: x for x in knowledge_base.exercises}
    assert len(exercises) == len(bundled) + len(summary.created)
    assert not set(summary.created) & set(bundled)

    # no exercise is created under a name key the graph already had; a record whose name a bundled exercise has
    # but whose facts disagree is held, naming that exercise and the disagreement (equipment or targets)
    bundled_keys: dict[str, set[str]] = {}
    for x in bundled.values():
        for term in (x.slug, x.name, *x.aliases):
            bundled_keys.setdefault(name_key(term), set()).add(x.slug)
    for slug in summary.created:
        assert name_key(str(exercises[slug]["name"])) not in bundled_keys, slug
    # a held record names a bundled exercise, or one this import created from an earlier record of the file
    keys = dict(bundled_keys)
    for slug in summary.created:
        aliases = cast(list[str], exercises[slug].get("aliases") or [])
        for term in (slug, str(exercises[slug]["name"]), *aliases):
            keys.setdefault(name_key(term), set()).add(slug)
    for o in summary.held:
        assert o.candidates and set(o.candidates) <= keys[name_key(o.name)], o
        assert "differs" in str(o.review) or "no shared target" in str(o.review) or "more than one" in str(o.review)
    assert 0 < len(summary.held) < 30
    merged_into_bundled = {slug for _, slug in summary.merged if slug in bundled}
    assert len(merged_into_bundled) > 150
    rules = {o.rule for o in summary.outcomes if o.outcome == "merged"}
    assert rules == {"name", "slug", "alias", "movement and equipment"}

    # bundled exercises keep their curated facts and edges; they only gain sources and fill empty force/mechanic
    before = by_slug(nodes_before)
    for slug in bundled:
        now = dict(exercises[slug])
        sources = now.pop("sources", None)
        assert (sources is not None) == (slug in merged_into_bundled), slug
        for key in ("force", "mechanic"):
            if key in before[slug]:
                assert now[key] == before[slug][key]
            else:
                now.pop(key, None)
        assert now == before[slug], slug
    # ... and the pictures of the records merged into them (free-exercise-db names two for each record)
    curated = [e for e in edges if e["from_slug"] in bundled and e["type"] != "SHOWN_IN"]
    assert curated == [e for e in edges_before if e["from_slug"] in bundled]
    shown = [e["from_slug"] for e in edges if e["from_slug"] in bundled and e["type"] == "SHOWN_IN"]
    assert set(shown) == merged_into_bundled and len(shown) >= 2 * len(merged_into_bundled)

    thrust = await exercise(store, "barbell-hip-thrust")
    assert thrust["props"]["sources"] == ["free-exercise-db:Barbell_Hip_Thrust"]
    # the dataset rates it intermediate powerlifting; the curated beginner strength entry wins
    assert (thrust["props"]["difficulty"], thrust["props"]["category"]) == ("beginner", "strength")

    # mapping rules on exercises the import created
    groin = await exercise(store, "adductor-groin")  # equipment left empty in the dataset: none needed
    assert groin["USES"] == ["body-weight"] and groin["TRAINS"] == ["legs"] and groin["TARGETS"] == ["adductors"]
    assert groin["props"]["sources"] == ["free-exercise-db:Adductor_Groin"]
    renegade = await exercise(store, "alternating-renegade-row")  # level "expert"
    assert (renegade["props"]["difficulty"], renegade["props"]["difficulty_rank"]) == ("advanced", 2)
    quad_stretch = await exercise(store, "all-fours-quad-stretch")  # quadriceps listed as target and secondary
    assert quad_stretch["TARGETS"] == ["quadriceps"] and "WORKS_SECONDARY" not in quad_stretch
    stones = await exercise(store, "atlas-stones")  # equipment "other" maps to nothing
    assert "USES" not in stones and stones["TRAINS"] == ["back"]
    jogging = await exercise(store, "jogging-treadmill")  # cardio work is filed under cardio & full body
    assert jogging["TRAINS"] == ["cardio"] and jogging["TARGETS"] == ["quadriceps"]
    assert jogging["props"]["name"] == "Jogging, Treadmill"
    # a generic "machine" agrees with the treadmill the bundled run names
    assert (await exercise(store, "treadmill-run"))["props"]["sources"] == ["free-exercise-db:Running_Treadmill"]
    lunge = exercises["barbell-walking-lunge"]
    curated_only = {"description", "tips", "mistakes", "aliases", *GUIDANCE_PROPERTIES}
    assert set(lunge) >= set(exercises["barbell-hip-thrust"]) - curated_only

    # importing again finds every record already referenced and writes nothing
    again = await run(store, settings, records)
    held = len(summary.held)
    assert (len(again.created), len(again.merged), again.unchanged, len(again.skipped)) == (0, 0, 873 - held, 0)
    assert [o.ref for o in again.held] == [o.ref for o in summary.held]
    assert await dump(store) == (nodes, edges)

    # the API serves imported exercises like bundled ones, alternatives included
    async with api_for(store, settings) as api:
        data = await api.data("""{
          exercise(slug: "barbell-walking-lunge") {
            name difficulty category sources bodyPart { slug } targets { slug } equipment { slug }
            alternatives(first: 5) { score exercise { slug } }
            faq { question } card
          }
          stones: exercise(slug: "atlas-stones") { equipment { slug } card }
          thrust: exercise(slug: "barbell-hip-thrust") { alternatives(first: 50) { exercise { slug sources } } }
        }""")
    lunge_page = data["exercise"]
    assert lunge_page["name"] == "Barbell Walking Lunge" and lunge_page["sources"] == [
        "free-exercise-db:Barbell_Walking_Lunge"
    ]
    assert lunge_page["bodyPart"] == {"slug": "legs"} and lunge_page["targets"] == [{"slug": "quadriceps"}]
    assert lunge_page["equipment"] == [{"slug": "barbell"}]
    assert len(lunge_page["alternatives"]) == 5
    assert lunge_page["card"].startswith("# Barbell Walking Lunge\n") and len(lunge_page["faq"]) == 4
    assert data["stones"]["equipment"] == [] and "**Equipment:**" not in data["stones"]["card"]
    thrust_alternatives = {a["exercise"]["slug"] for a in data["thrust"]["alternatives"]}
    assert thrust_alternatives & set(summary.created), "imported exercises rank among alternatives"


async def test_dry_run_reports_the_same_and_writes_nothing(
    store: Store, settings: Settings, knowledge_base: SeedBundle, records: list[SourceExercise]
) -> None:
    await write_seed(store, knowledge_base, batch_size=500)
    before = await dump(store)
    summary = await run(store, settings, records, dry_run=True)
    assert summary.dry_run and summary.records == 873
    assert len(summary.created) + len(summary.merged) + len(summary.held) == 873
    assert await dump(store) == before


def test_no_copy_of_the_dataset_in_the_repository() -> None:
    root = Path(__file__).resolve().parent.parent
    names = {p.name for p in root.rglob("*.json") if ".venv" not in p.parts and "node_modules" not in p.parts}
    assert "free-exercise-db.json" not in names
