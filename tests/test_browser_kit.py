"""The Neo4j Browser kit in cypher/browser/: analyst queries run as Browser runs them, and the style file.

Browser evaluates each `:param name => expr` as `RETURN expr` on the server, then sends the statement with the
resulting parameters; `run_browser_query` does the same through the store's driver-level runner. Queries written
in plain openCypher also run on the embedded engine (which is sent the statement without its comment lines, as
the Cypher library does); the graph-view query is for Neo4j only.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from graph_service.config import PROJECT_ROOT
from graph_service.model import SCORE_WEIGHTS
from graph_service.queries import Q
from graph_service.reads.alternatives import AlternativesQuestion
from graph_service.seeding import SeedBundle, load_seed, write_seed
from graph_service.store import Row, Store

BROWSER = PROJECT_ROOT / "cypher" / "browser"
PARAM = re.compile(r":param\s+(\w+)\s*=>\s*(.+?)\s*;?\s*")
QUERIES = (
    "alternatives",
    "muscles_worked",
    "fewest_exercises_for_equipment",
    "exercises_by_body_part_and_difficulty",
    "exercises_without_equipment",
    "muscles_without_exercises",
    "exercises_without_media",
    "exercise_neighbourhood",
    "plan_coverage",
    "kit_muscles",
    "muscle_groups",
)
NEO4J_ONLY = {"exercise_neighbourhood"}  # returns nodes and relationships for the graph view
neo4j_only = pytest.mark.parametrize("engine", ["neo4j"], indirect=True)


@dataclass(frozen=True)
class BrowserQuery:
    params: dict[str, str]  # name -> the Cypher expression after =>
    statement: str


def read_browser_query(path: Path) -> BrowserQuery:
    """Split a file as Browser's multi-statement editor does: `:param` commands, then one Cypher statement."""
    params: dict[str, str] = {}
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(":"):
            match = PARAM.fullmatch(line)
            assert match and not body, f"{path.name}: `{line}` must be a `:param` line before the statement"
            params[match[1]] = match[2]
        else:
            body.append(line)
    statement = "\n".join(body).strip()
    # Browser splits what is pasted at semicolons, so the one statement has one, at its end (comments too).
    assert statement.endswith(";") and statement.count(";") == 1, f"{path.name}: one statement, ending with ;"
    return BrowserQuery(params, statement.removesuffix(";"))


async def run_browser_query(store: Store, name: str, **overrides: Any) -> list[Row]:
    query = read_browser_query(BROWSER / f"{name}.cypher")
    params: dict[str, Any] = {}
    for param, expression in query.params.items():
        (row,) = await store.run_text(f"RETURN {expression} AS value", {}, write=False)
        params[param] = row["value"]
    statement = query.statement
    if store.engine != "neo4j":
        statement = "\n".join(ln for ln in statement.splitlines() if not ln.lstrip().startswith("//"))
    return await store.run_text(statement, params | overrides, write=False)


@pytest.fixture
async def mini_store(store: Store, mini_seed: Path) -> Store:
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    return store


def test_every_query_file_is_pasteable_as_is() -> None:
    names = sorted(p.stem for p in BROWSER.glob("*.cypher"))
    assert names == sorted(QUERIES), "each analyst query needs a test below"
    for name in names:
        query = read_browser_query(BROWSER / f"{name}.cypher")
        used = set(re.findall(r"\$(\w+)", query.statement))
        assert used == set(query.params), f"{name}: every $parameter gets a :param line, and only those"
        assert query.statement.lstrip().startswith("//"), f"{name}: starts with a comment saying what it answers"


@pytest.mark.parametrize("name", sorted(set(QUERIES) - NEO4J_ONLY))
def test_open_cypher_queries_follow_the_rules_both_engines_need(name: str) -> None:
    """The rules tests/test_queries.py applies to the Cypher library: FalkorDB needs both."""
    text = read_browser_query(BROWSER / f"{name}.cypher").statement
    bound = re.findall(r"\[\(\w+\)[^|]*?\((\w+):\w+\)", text)
    assert len(bound) == len(set(bound)), bound
    for clause in re.split(r"\b(?:WITH|RETURN|MATCH|UNWIND|ORDER BY)\b", text):
        where = clause.split("WHERE", 1)[1] if "WHERE" in clause else ""
        assert not re.search(r"\[\(\w+\)-", where), where


async def api_alternatives(store: Store, slug: str, first: int) -> list[tuple[str, float]]:
    rows = await store.read(Q.ALTERNATIVES, AlternativesQuestion(slug, first, None, None).params())
    return [(r["slug"], r["score"]) for r in rows]


async def test_alternatives_rank_as_the_api_does(mini_store: Store) -> None:
    rows = await run_browser_query(mini_store, "alternatives")  # slug => 'barbell-hip-thrust'
    assert [(r["slug"], round(r["score"], 4)) for r in rows] == [
        ("glute-bridge", 0.9167),  # 0.6 * 1/1 (glutes) + 0.25 * 2/3 (glutes, hamstrings) + 0.15 (same family)
        ("cable-pull-through", 0.725),  # 0.6 * 1/1 + 0.25 * 2/4
        ("goblet-squat", 0.125),  # glutes only as its secondary: 0.25 * 2/4
    ]
    assert [(r["slug"], r["score"]) for r in rows] == await api_alternatives(mini_store, "barbell-hip-thrust", 10)
    bridge = rows[0]
    assert bridge["same_family"] and bridge["shared_targets"] == ["Glutes"] and bridge["equipment"] == ["Body Weight"]
    assert sorted(bridge["shared_muscles"]) == ["Glutes", "Hamstrings"]
    assert [r["slug"] for r in await run_browser_query(mini_store, "alternatives", first=1)] == ["glute-bridge"]
    assert await run_browser_query(mini_store, "alternatives", slug="no-such-exercise") == []


async def test_muscles_worked_by_a_list_of_exercises(mini_store: Store) -> None:
    rows = await run_browser_query(mini_store, "muscles_worked")  # hip thrust, goblet squat, push-up
    worked = {r["slug"]: (r["target_of"], r["secondary_in"]) for r in rows}
    assert worked == {
        "glutes": (1, 1),
        "quadriceps": (1, 1),
        "pectorals": (1, 0),
        "hamstrings": (0, 1),
        "abs": (0, 1),
        "triceps": (0, 1),
        "front-deltoids": (0, 1),
    }
    assert [r["slug"] for r in rows[:3]] == ["glutes", "quadriceps", "pectorals"]
    glutes = rows[0]
    assert glutes["as_target"] == ["Barbell Hip Thrust"] and glutes["as_secondary"] == ["Goblet Squat"]
    assert glutes["body_part"] == "Legs"


async def test_muscles_with_fewest_exercises_for_equipment(mini_store: Store, mini_seed: Path) -> None:
    every_muscle = len(load_seed(mini_seed).muscles)
    rows = await run_browser_query(mini_store, "fewest_exercises_for_equipment", limit=every_muscle)
    assert len(rows) == every_muscle and {r["equipment"] for r in rows} == {"Dumbbell"}
    # the goblet squat is the only dumbbell exercise: it targets quadriceps and works glutes and abs
    assert [(r["slug"], r["target_of"], r["works"]) for r in rows[-3:]] == [
        ("abs", 0, 1),
        ("glutes", 0, 1),
        ("quadriceps", 1, 1),
    ]
    assert rows[-1]["examples"] == ["Goblet Squat"]
    assert all(r["target_of"] == r["works"] == 0 for r in rows[:-3])
    assert len(await run_browser_query(mini_store, "fewest_exercises_for_equipment")) == 10  # :param limit => 10
    assert await run_browser_query(mini_store, "fewest_exercises_for_equipment", equipment="no-such-thing") == []


async def test_exercises_per_body_part_and_difficulty(mini_store: Store) -> None:
    rows = await run_browser_query(mini_store, "exercises_by_body_part_and_difficulty")
    table = {r["body_part"]: (r["beginner"], r["intermediate"], r["advanced"], r["total"]) for r in rows}
    assert table["Legs"] == (4, 1, 0, 5) and table["Chest"] == (1, 0, 0, 1)
    assert len(rows) == 8 and sum(r["total"] for r in rows) == 6
    assert rows[0]["body_part"] == "Legs"


async def test_data_quality_exercises_without_equipment(mini_store: Store) -> None:
    assert await run_browser_query(mini_store, "exercises_without_equipment") == []
    await mini_store.run_text("MATCH (:Exercise {slug: 'push-up'})-[u:USES]->() DELETE u", {}, write=True)
    rows = await run_browser_query(mini_store, "exercises_without_equipment")
    assert rows == [{"slug": "push-up", "name": "Push-up", "body_part": "Chest"}]


async def test_data_quality_muscles_without_exercises(mini_store: Store, mini_seed: Path) -> None:
    bundle = load_seed(mini_seed)
    worked = {m for x in bundle.exercises for m in (*x.targets, *x.secondary)}
    rows = await run_browser_query(mini_store, "muscles_without_exercises")
    assert {r["slug"] for r in rows} == {m.slug for m in bundle.muscles} - worked
    assert "biceps" in {r["slug"] for r in rows} and all(r["body_part"] for r in rows)


async def test_data_quality_exercises_without_media(mini_store: Store, mini_seed: Path) -> None:
    rows = await run_browser_query(mini_store, "exercises_without_media")
    assert sorted(r["slug"] for r in rows) == sorted(x.slug for x in load_seed(mini_seed).exercises)
    assert all(r["body_part"] for r in rows) and rows == sorted(rows, key=lambda r: (r["body_part"], r["slug"]))
    # a picture added as an analyst would add one in Browser takes the exercise off the list
    await mini_store.run_text(
        "MATCH (e:Exercise {slug: 'push-up'}) "
        "MERGE (m:Media {url: 'https://img.example/push-up.jpg'}) SET m.kind = 'image' MERGE (e)-[:SHOWN_IN]->(m)",
        {},
        write=True,
    )
    after = await run_browser_query(mini_store, "exercises_without_media")
    assert {r["slug"] for r in rows} - {r["slug"] for r in after} == {"push-up"}


@neo4j_only
async def test_neighbourhood_of_one_exercise(mini_store: Store) -> None:
    rows = await run_browser_query(mini_store, "exercise_neighbourhood")  # slug => 'barbell-hip-thrust'
    assert {r["e"]["slug"] for r in rows} == {"barbell-hip-thrust"}
    edges = {(r["r"][1], r["n"]["slug"]) for r in rows}
    assert edges == {
        ("TARGETS", "glutes"),
        ("WORKS_SECONDARY", "hamstrings"),
        ("WORKS_SECONDARY", "quadriceps"),
        ("USES", "barbell"),
        ("TRAINS", "legs"),
        ("VARIATION_OF", "glute-bridge"),
        ("FOLLOWS", "hinge"),
    }
    muscles_in = {r["n"]["slug"]: r["b"]["slug"] for r in rows if r["b"] is not None}
    assert muscles_in == {"glutes": "legs", "hamstrings": "legs", "quadriceps": "legs"}


async def test_every_query_runs_with_its_own_params_on_the_knowledge_base(
    kb_store: Store, knowledge_base: SeedBundle
) -> None:
    """Pasted into Browser against the stack's graph, each query answers; the quality checks find nothing."""
    results = {
        name: await run_browser_query(kb_store, name)
        for name in QUERIES
        if kb_store.engine == "neo4j" or name not in NEO4J_ONLY
    }
    assert results.pop("exercises_without_equipment") == []
    assert results.pop("muscles_without_exercises") == []
    # the bundled exercises have no pictures of their own yet: every one of them is listed
    assert len(results.pop("exercises_without_media")) == len(knowledge_base.exercises)
    assert all(results.values()), [name for name, rows in results.items() if not rows]
    per_part = results["exercises_by_body_part_and_difficulty"]
    assert sum(r["total"] for r in per_part) == len(knowledge_base.exercises)
    alternatives = [(r["slug"], r["score"]) for r in results["alternatives"]]
    assert alternatives == await api_alternatives(kb_store, "barbell-hip-thrust", 10)
    assert "glute-bridge" in dict(alternatives) and "barbell-hip-thrust" not in dict(alternatives)


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    rules: dict[str, dict[str, str]] = {}
    for selector, body in re.findall(r"^([\w.]+)\s*\{(.*?)^\}", text, flags=re.S | re.M):
        pairs = (p.split(":", 1) for p in body.split(";") if p.strip())
        rules[selector] = {k.strip(): v.strip() for k, v in pairs}
    return rules


async def test_style_captions_every_node_by_name_and_colours_each_label(kb_store: Store) -> None:
    rules = parse_grass((BROWSER / "style.grass").read_text(encoding="utf-8"))
    # GraphVersion is the graph's own bookkeeping (cypher/mark_graph_changed.cypher), never drawn.
    labels = await kb_store.run_text(
        "MATCH (n) WHERE NOT n:GraphVersion RETURN DISTINCT labels(n) AS labels", {}, write=False
    )
    types = await kb_store.run_text("MATCH ()-[r]->() RETURN DISTINCT type(r) AS type", {}, write=False)
    label_names = {label for row in labels for label in row["labels"]}
    assert label_names == {"Exercise", "Muscle", "Equipment", "BodyPart", "MovementPattern", "Kit", "MuscleGroup"}
    for label in label_names:
        assert rules[f"node.{label}"]["caption"] == '"{name}"', label
    colours = [rules[f"node.{label}"]["color"] for label in label_names]
    assert len(set(colours)) == len(colours) and all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours)
    assert {f"relationship.{row['type']}" for row in types} <= set(rules)
    (unnamed,) = await kb_store.run_text(
        "MATCH (n) WHERE n.name IS NULL AND NOT n:GraphVersion RETURN count(n) AS n", {}, write=False
    )
    assert unnamed["n"] == 0  # so every caption shows something


async def test_plan_coverage_counts_a_secondary_set_as_half(kb_store: Store, knowledge_base: SeedBundle) -> None:
    rows = {r["slug"]: r for r in await run_browser_query(kb_store, "plan_coverage")}
    squat = next(x for x in knowledge_base.exercises if x.slug == "barbell-back-squat")
    assert set(rows) == {m.slug for m in knowledge_base.muscles}
    assert (rows["hamstrings"]["target_sets"], rows["hamstrings"]["secondary_sets"]) == (0, 4)
    assert rows["hamstrings"]["weighted_sets"] == 2
    assert rows["pectorals"]["target_sets"] == 3
    assert all(rows[m]["target_sets"] == 4 for m in squat.targets)
    assert rows["lats"]["weighted_sets"] == 0 and rows["rear-deltoids"]["weighted_sets"] == 0


async def test_muscle_groups_list_their_muscles(kb_store: Store, knowledge_base: SeedBundle) -> None:
    rows = {r["slug"]: r for r in await run_browser_query(kb_store, "muscle_groups")}
    names = {m.slug: m.name for m in knowledge_base.muscles}
    assert {g: r["muscles"] for g, r in rows.items()} == {
        g.slug: sorted(names[m] for m in g.muscles) for g in knowledge_base.muscle_groups
    }
    for g in knowledge_base.muscle_groups:
        targeting = [x for x in knowledge_base.exercises if set(g.muscles) & set(x.targets)]
        assert rows[g.slug]["exercises_targeting"] == len(targeting), g.slug


async def test_kit_muscles_count_what_the_kit_allows(kb_store: Store, knowledge_base: SeedBundle) -> None:
    rows = {r["slug"]: r for r in await run_browser_query(kb_store, "kit_muscles")}
    park = set(next(k for k in knowledge_base.kits if k.slug == "park-with-a-bar").equipment)
    for muscle in knowledge_base.muscles:
        fitting = [x for x in knowledge_base.exercises if muscle.slug in x.targets and set(x.equipment) <= park]
        assert rows[muscle.slug]["exercises"] == len(fitting), muscle.slug
        assert set(rows[muscle.slug]["patterns"]) == {p for x in fitting for p in x.patterns}
    assert rows["lats"]["exercises"] > 0 and "vertical-pull" in rows["lats"]["patterns"]


async def test_the_kits_score_weights_are_the_apis(store: Store) -> None:
    expression = read_browser_query(BROWSER / "alternatives.cypher").params["weights"]
    (row,) = await store.run_text(f"RETURN {expression} AS value", {}, write=False)
    assert row["value"] == SCORE_WEIGHTS.params()
