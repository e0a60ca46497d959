"""Full-text search over exercises, muscles, muscle groups and equipment on either engine, in one ranking.

The statements differ per engine (cypher/<engine>/search.cypher) and so does the query language of their
full-text indexes (Lucene for Neo4j, RediSearch for FalkorDB); this module builds each engine's query string
from the user's words (each word exactly, as a prefix, within one or two edits, or split in two where a space
was left out: `benchpress`) and ranks every hit on one scale:

    score = 2 · [the text is the name or an alias] + 1 · [every word is a word of the name or an alias]
            + relevance

where relevance is the engine's score divided by the best engine score of the answer (0 to 1). An exercise
reached through a muscle hit (it targets the muscle: `hamstrnigs` finds the hamstrings, and through them
hamstring exercises) scores half its muscle's relevance and names the muscle in `via`; a muscle group hit (`delts`)
reaches exercises that target any of its muscles, or the group itself, the same way. Hits come best first.
"""

import itertools
import re
from dataclasses import dataclass
from typing import Any, cast

from graph_service.queries import Q
from graph_service.reads.exercises import ExerciseRow
from graph_service.store import Store

WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS = 8
# Compound words: a word of 6 to 24 characters is also tried as two words of at least 3 characters each.
SPLIT_PART = 3
SPLIT_LONGEST = 24
# Exercises reached through each muscle hit, and the share of the muscle's relevance they score.
VIA_PER_MUSCLE = 5
VIA_SHARE = 0.5
EXACT_BONUS = 2.0
EVERY_WORD_BONUS = 1.0


@dataclass(frozen=True)
class Hit:
    kind: str  # Exercise | Muscle | MuscleGroup | Equipment
    slug: str
    name: str
    score: float
    # An exercise hit's fields, as `cypher/_exercise_map.cypher` returns them; None for muscles and equipment.
    exercise: ExerciseRow | None = None
    # For an exercise found through a muscle or muscle group it targets: that node's slug and name, and its kind.
    via: tuple[str, str] | None = None
    via_kind: str | None = None


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())[:MAX_WORDS]


def splits(w: str) -> list[tuple[str, str]]:
    """The ways to read `w` as two words (`benchpress` -> ..., ("bench", "press"), ...)."""
    if not 2 * SPLIT_PART <= len(w) <= SPLIT_LONGEST:
        return []
    return [(w[:i], w[i:]) for i in range(SPLIT_PART, len(w) - SPLIT_PART + 1)]


def lucene_query(terms: list[str]) -> str:
    # Each word may match exactly, as a prefix, within one or two edits (typos), or as two words.
    def alternatives(w: str) -> str:
        options = [f"{w}^3", f"{w}*"]
        if len(w) >= 7:
            options.append(f"{w}~2")
        elif len(w) >= 4:
            options.append(f"{w}~1")
        options.extend(f"({a} AND {b}*)" for a, b in splits(w))
        return "(" + " OR ".join(options) + ")"

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
        options.extend(f"({a} {b}*)" for a, b in splits(w))
        return "(" + "|".join(options) + ")"

    return " ".join(alternatives(w) for w in terms)


def _bonus(row: dict[str, Any], terms: list[str], wanted: str) -> float:
    """The ranking's step for an exact name or alias (spaces and hyphens aside) and for every word matched."""
    names = [WORD.findall(n.lower())[:MAX_WORDS] for n in (row["name"], *(row["aliases"] or ()))]
    if any("".join(n) == wanted for n in names):
        return EXACT_BONUS + EVERY_WORD_BONUS
    # A word counts as matched when it is a word of a name, or two adjacent words written together.
    vocabulary = {w for n in names for w in n}
    vocabulary.update(a + b for n in names for a, b in itertools.pairwise(n))
    return EVERY_WORD_BONUS if vocabulary.issuperset(terms) else 0.0


def rank(rows: list[dict[str, Any]], terms: list[str], limit: int) -> list[Hit]:
    """The statement's rows as hits on one scale (see the module's docstring), best first, each node once."""
    best = max((float(r["score"]) for r in rows), default=0.0)
    wanted = "".join(terms)
    # (kind, slug) -> (score, name, the row or exercise map, the muscle or group it was reached through, its kind)
    scored: dict[tuple[str, str], tuple[float, str, dict[str, Any], tuple[str, str] | None, str | None]] = {}
    for row in rows:
        relevance = float(row["score"]) / best if best > 0 else 0.0
        key = (row["kind"], row["slug"])
        score = _bonus(row, terms, wanted) + relevance
        if key not in scored or scored[key][0] < score:
            scored[key] = (score, row["name"], row, None, None)
        via_score = VIA_SHARE * relevance
        for near in row.get("via") or ():
            key = ("Exercise", near["slug"])
            if key not in scored or scored[key][0] < via_score:
                scored[key] = (via_score, near["name"], near, (row["slug"], row["name"]), row["kind"])
    best_first = sorted(scored.items(), key=lambda item: (-item[1][0], item[1][1], item[0][1]))[:limit]
    return [
        Hit(
            kind=kind,
            slug=slug,
            name=name,
            score=round(score, 4),
            exercise=cast(ExerciseRow, found) if via else cast(ExerciseRow | None, found.get("exercise")),
            via=via,
            via_kind=via_kind,
        )
        for (kind, slug), (score, name, found, via, via_kind) in best_first
    ]


async def search(store: Store, *, text: str, limit: int, texts: bool = True) -> list[Hit]:
    """The best `limit` hits for `text`; without `texts` the exercise rows leave out description, instructions,
    tips, mistakes and sources (cypher/_search_exercise_map.cypher)."""
    terms = words(text)
    if not terms:
        return []
    query = lucene_query(terms) if store.engine == "neo4j" else redisearch_query(terms)
    params = {"query": query, "limit": limit * 3, "via": VIA_PER_MUSCLE, "texts": texts}
    rows = await store.read(Q.SEARCH, params)
    return rank(rows, terms, limit)
