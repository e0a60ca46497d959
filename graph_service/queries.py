"""The Cypher library: every statement the service runs, loaded from `cypher/` once at start-up.

Shared statements live in `cypher/*.cypher` and run unchanged on both engines. Schema and full-text
statements differ per engine and live in `cypher/<engine>/`. Files whose name starts with `_` are fragments:
`{{name}}` inside a statement is replaced by the fragment `_name.cypher` when the library loads. A name the
code uses but no file provides fails start-up, never a request.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import LiteralString

from graph_service.errors import ConfigError

ENGINES = ("neo4j", "falkordb")


class Q(StrEnum):
    """Names of the statements; each is the stem of a `.cypher` file."""

    # schema and maintenance (per engine)
    SCHEMA = "schema"
    INDEXES = "indexes"
    PENDING_INDEXES = "pending_indexes"
    # seeding (shared)
    CLEAR_GRAPH = "clear_graph"
    UPSERT_BODY_PARTS = "upsert_body_parts"
    UPSERT_MUSCLES = "upsert_muscles"
    UPSERT_EQUIPMENT = "upsert_equipment"
    UPSERT_MOVEMENT_PATTERNS = "upsert_movement_patterns"
    UPSERT_KITS = "upsert_kits"
    UPSERT_MUSCLE_GROUPS = "upsert_muscle_groups"
    CREATE_EXERCISES = "create_exercises"
    UPSERT_EXERCISES = "upsert_exercises"
    LINK_VARIATIONS = "link_variations"
    SET_EXERCISE_GUIDANCE = "set_exercise_guidance"
    SET_EXERCISE_KEYS = "set_exercise_keys"
    GRAPH_COUNTS = "graph_counts"
    PING = "ping"
    # the load mark (graph_service.store.base.Store.loading)
    LOAD_BEGIN = "load_begin"
    LOAD_COMPLETE = "load_complete"
    LOAD_STATE = "load_state"
    # the graph's version, renewed by every load that wrote (graph_service.store.base.Store.loading)
    MARK_GRAPH_CHANGED = "mark_graph_changed"
    GRAPH_VERSION = "graph_version"
    # API reads (shared, except search)
    EXERCISES_PAGE = "exercises_page"
    EXERCISES_PAGE_SORTED = "exercises_page_sorted"
    NAME_WALK_CUT = "name_walk_cut"
    EXERCISES_PAGE_BACKWARD = "exercises_page_backward"
    EXERCISES_PAGE_SORTED_BACKWARD = "exercises_page_sorted_backward"
    NAME_WALK_CUT_BACKWARD = "name_walk_cut_backward"
    EXERCISES_COUNT = "exercises_count"
    EXERCISES_COUNT_ONE = "exercises_count_one"
    EXERCISES_BY_SLUGS = "exercises_by_slugs"
    EXERCISE_LINKS = "exercise_links"
    EXERCISE_GUIDANCE = "exercise_guidance"
    EXERCISE_PAGE = "exercise_page"
    EXERCISE_PAGE_NEAR = "exercise_page_near"
    ALTERNATIVES = "alternatives"
    ALTERNATIVES_NEAR = "alternatives_near"
    ALTERNATIVES_SAME_TARGETS = "alternatives_same_targets"
    EXERCISE_TOTAL = "exercise_total"
    RELATED = "related"
    FACETS = "facets"
    MUSCLES = "muscles"
    EQUIPMENT = "equipment"
    BODY_PARTS = "body_parts"
    MOVEMENT_PATTERNS = "movement_patterns"
    MUSCLE_GROUPS = "muscle_groups"
    KITS = "kits"
    PLAN_EXERCISES = "plan_exercises"
    PLAN_TAXONOMY = "plan_taxonomy"
    PLAN_CANDIDATES_BY_MUSCLE = "plan_candidates_by_muscle"
    PLAN_CANDIDATES_BY_PATTERN = "plan_candidates_by_pattern"
    PLAN_CANDIDATES_WALK_BY_MUSCLE = "plan_candidates_walk_by_muscle"
    PLAN_CANDIDATES_WALK_BY_PATTERN = "plan_candidates_walk_by_pattern"
    TAXONOMY_SLUGS = "taxonomy_slugs"
    SOURCE_SIZES = "source_sizes"
    SEARCH = "search"
    # importers and exercise cards (shared)
    TAXONOMY_TERMS = "taxonomy_terms"
    EXERCISE_INDEX = "exercise_index"
    IMPORT_EXERCISES = "import_exercises"
    EXERCISE_MEDIA = "exercise_media"


@dataclass(frozen=True)
class CypherLibrary:
    engine: str
    statements: Mapping[str, LiteralString]

    def __getitem__(self, name: Q) -> LiteralString:
        return self.statements[name]

    def schema_statements(self, name: Q = Q.SCHEMA) -> list[LiteralString]:
        """A schema file (`schema` or `indexes`) holds several statements separated by semicolons."""
        return [s for s in (part.strip() for part in self[name].split(";")) if s]

    @classmethod
    def load(cls, root: Path, engine: str) -> "CypherLibrary":
        if engine not in ENGINES:
            raise ConfigError(f"unknown engine {engine!r}; expected one of {ENGINES}")
        fragments = {p.stem[1:]: _read(p) for p in sorted(root.glob("_*.cypher"))}
        files = {p.stem: p for p in sorted(root.glob("*.cypher")) if not p.stem.startswith("_")}
        for p in sorted((root / engine).glob("*.cypher")):
            if p.stem in files:
                raise ConfigError(f"{p} shadows the shared statement {files[p.stem]}")
            files[p.stem] = p
        missing = sorted(q.value for q in Q if q.value not in files)
        if missing:
            raise ConfigError(f"missing Cypher files for {engine} under {root}: {', '.join(missing)}")
        return cls(engine=engine, statements={name: _expand(_read(p), fragments, p) for name, p in files.items()})


def _expand(
    text: LiteralString, fragments: Mapping[str, LiteralString], path: Path, within: tuple[str, ...] = ()
) -> LiteralString:
    """Replace each `{{name}}` by its fragment, itself expanded; a fragment including itself fails start-up."""

    def fragment(match: re.Match[str]) -> str:
        name = match[1]
        if name not in fragments:
            raise ConfigError(f"{path} includes an unknown fragment {{{{{name}}}}}")
        if name in within:
            raise ConfigError(f"{path}: fragment {{{{{name}}}}} includes itself ({' -> '.join((*within, name))})")
        return _expand(fragments[name], fragments, path, (*within, name))

    expanded: LiteralString = re.sub(r"\{\{\s*(\w+)\s*\}\}", fragment, text)
    return expanded


def _read(path: Path) -> LiteralString:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("//")]
    # The text comes from the project's own files, never from a request, so it is a literal in all but type;
    # every value reaches the engines as a $parameter.
    text: LiteralString = "\n".join(lines).strip()
    return text
