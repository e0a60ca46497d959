"""The Cypher library: loading, failing fast, and the rules both engines need."""

import re
import shutil
from pathlib import Path

import pytest

from graph_service.api.schema import sdl
from graph_service.config import PROJECT_ROOT
from graph_service.errors import ConfigError
from graph_service.queries import ENGINES, CypherLibrary, Q

CYPHER = PROJECT_ROOT / "cypher"


@pytest.mark.parametrize("engine", ENGINES)
def test_every_named_statement_loads(engine: str) -> None:
    library = CypherLibrary.load(CYPHER, engine)
    assert set(Q) <= set(library.statements)
    assert all("{{" not in text for text in library.statements.values())
    assert library.schema_statements()


def test_a_missing_file_fails_start_up(tmp_path: Path) -> None:
    shutil.copytree(CYPHER, tmp_path / "cypher")
    (tmp_path / "cypher" / "alternatives.cypher").unlink()
    with pytest.raises(ConfigError, match="alternatives"):
        CypherLibrary.load(tmp_path / "cypher", "neo4j")


def test_an_engine_file_cannot_shadow_a_shared_one(tmp_path: Path) -> None:
    shutil.copytree(CYPHER, tmp_path / "cypher")
    shutil.copy(CYPHER / "ping.cypher", tmp_path / "cypher" / "falkordb" / "ping.cypher")
    with pytest.raises(ConfigError, match="shadows"):
        CypherLibrary.load(tmp_path / "cypher", "falkordb")


def test_unknown_engine_and_fragment_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown engine"):
        CypherLibrary.load(CYPHER, "sqlite")
    shutil.copytree(CYPHER, tmp_path / "cypher")
    (tmp_path / "cypher" / "ping.cypher").write_text("RETURN {{nowhere}} AS ok")
    with pytest.raises(ConfigError, match="nowhere"):
        CypherLibrary.load(tmp_path / "cypher", "neo4j")


@pytest.mark.parametrize("engine", ENGINES)
def test_comprehension_variables_are_unique_per_statement(engine: str) -> None:
    """FalkorDB mixes up pattern comprehensions that reuse a variable name within one statement."""
    for name, text in CypherLibrary.load(CYPHER, engine).statements.items():
        bound = re.findall(r"\[\(\w+\)[^|]*?\((\w+):\w+\)", text)
        assert len(bound) == len(set(bound)), f"{name}: {bound}"


@pytest.mark.parametrize("engine", ENGINES)
def test_no_pattern_comprehension_inside_where(engine: str) -> None:
    """FalkorDB cannot resolve a pattern comprehension in a WHERE clause; bind it with WITH first."""
    for name, text in CypherLibrary.load(CYPHER, engine).statements.items():
        for clause in re.split(r"\b(?:WITH|RETURN|MATCH|UNWIND|ORDER BY)\b", text):
            where = clause.split("WHERE", 1)[1] if "WHERE" in clause else ""
            assert not re.search(r"\[\(\w+\)-", where), f"{name}: {where.strip()[:80]}"


def test_committed_sdl_matches_the_code() -> None:
    committed = (PROJECT_ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert committed == sdl(), "schema.graphql is stale: run `graph-service schema --output schema.graphql`"


def test_filter_parameters_match_the_fragment() -> None:
    from graph_service.api.inputs import filter_params
    from graph_service.reads.plans import FILTER_PARAMS

    fragment = (CYPHER / "_exercise_filter.cypher").read_text()
    assert set(re.findall(r"\$(\w+)", fragment)) == set(FILTER_PARAMS) == set(filter_params(None))
