"""Full-text search over exercises, muscles and equipment on either engine.

The statements differ per engine (cypher/<engine>/search.cypher) and so does the query language of their
full-text indexes (Lucene for Neo4j, RediSearch for FalkorDB); this module builds each engine's query string
from the user's words and ranks the hits the same way: exact name or alias matches first, then every word
matched, then the engine's relevance score.
"""

import re
from dataclasses import dataclass
from typing import cast

from graph_service.queries import Q
from graph_service.reads.exercises import ExerciseRow
from graph_service.store import Store

WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS = 8


@dataclass(frozen=True)
class Hit:
    kind: str  # Exercise | Muscle | Equipment
    slug: str
    name: str
    score: float
    # An exercise hit's fields, as `cypher/_exercise_map.cypher` returns them; None for muscles and equipment.
    exercise: ExerciseRow | None = None


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())[:MAX_WORDS]


def lucene_query(terms: list[str]) -> str:
    # Each word may match exactly, as a prefix, or within one or two edits (typos).
    def alternatives(w: str) -> str:
        fuzzy = f" OR {w}~1" if len(w) >= 4 else ""
        fuzzy = f" OR {w}~2" if len(w) >= 7 else fuzzy
        return f"({w}^3 OR {w}*{fuzzy})"

    return " AND ".join(alternatives(w) for w in terms)


def redisearch_query(terms: list[str]) -> str:
    def alternatives(w: str) -> str:
        options = [w]
        if len(w) >= 2:
            options.append(f"{w}*")
        if len(w) >= 7:
            options.append(f"%%{w}%%")
        elif len(w) >= 4:
            options.append(f"%{w}%")
        return "(" + "|".join(options) + ")"

    return " ".join(alternatives(w) for w in terms)


def _normal(text: str) -> str:
    return " ".join(words(text))


async def search(store: Store, *, text: str, limit: int) -> list[Hit]:
    terms = words(text)
    if not terms:
        return []
    query = lucene_query(terms) if store.engine == "neo4j" else redisearch_query(terms)
    rows = await store.read(Q.SEARCH, {"query": query, "limit": limit * 3})
    wanted = _normal(text)

    def rank(row: dict[str, object]) -> tuple[int, int, float, str]:
        names = [_normal(str(row["name"])), *(_normal(str(a)) for a in row.get("aliases") or [])]  # type: ignore[attr-defined]
        exact = 0 if wanted in names else 1
        every_word = 0 if all(any(t in n.split() for n in names) for t in terms) else 1
        return (exact, every_word, -float(row["score"]), str(row["name"]))  # type: ignore[arg-type]

    seen: set[tuple[str, str]] = set()
    hits = []
    for row in sorted(rows, key=rank):
        key = (str(row["kind"]), str(row["slug"]))
        if key not in seen:
            seen.add(key)
            hits.append(
                Hit(
                    kind=key[0],
                    slug=key[1],
                    name=str(row["name"]),
                    score=round(float(row["score"]), 4),
                    exercise=cast(ExerciseRow | None, row.get("exercise")),
                )
            )
    return hits[:limit]
