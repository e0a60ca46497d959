"""Full-text search over exercises, muscles and equipment on either engine, in one ranking.

The statements differ per engine (cypher/<engine>/search.cypher) and so does the query language of their
full-text indexes (Lucene for Neo4j, RediSearch for FalkorDB); this module builds each engine's query string
from the user's words (each word exactly, as a prefix, within one or two edits, or split in two where a space
was left out: `benchpress`) and ranks every hit on one scale:

    score = 2 · [the text is the name or an alias] + 1 · [every word is a word of the name or an alias]
            + relevance

where relevance is the engine's score divided by the best engine score of the answer (0 to 1). An exercise
reached through a muscle hit (it targets the muscle: `hamstrnigs` finds the hamstrings, and through them
hamstring exercises) scores half its muscle's relevance and names the muscle in `via`. Hits come best first.
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
    kind: str  # Exercise | Muscle | Equipment
    slug: str
    name: str
    score: float
    # An exercise hit's fields, as `cypher/_exercise_map.cypher` returns them; None for muscles and equipment.
    exercise: ExerciseRow | None = None
    # For an exercise found through a muscle it targets: that muscle's slug and name.
    via: tuple[str, str] | None = None


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


def _names(row: dict[str, Any]) -> list[list[str]]:
    return [words(str(row["name"])), *(words(str(a)) for a in row.get("aliases") or [])]


def _bonus(row: dict[str, Any], terms: list[str]) -> float:
    """The ranking's step for an exact name or alias (spaces and hyphens aside) and for every word matched."""
    names = _names(row)
    wanted = "".join(terms)
    if any("".join(n) == wanted for n in names):
        return EXACT_BONUS + EVERY_WORD_BONUS
    # A word counts as matched when it is a word of a name, or two adjacent words written together.
    vocabulary = {w for n in names for w in n} | {a + b for n in names for a, b in itertools.pairwise(n)}
    return EVERY_WORD_BONUS if all(t in vocabulary for t in terms) else 0.0


def rank(rows: list[dict[str, Any]], terms: list[str], limit: int) -> list[Hit]:
    """The statement's rows as hits on one scale (see the module's docstring), best first, each node once."""
    best = max((float(r["score"]) for r in rows), default=0.0)
    scored: dict[tuple[str, str], tuple[float, Hit]] = {}

    def keep(score: float, hit: Hit) -> None:
        key = (hit.kind, hit.slug)
        if key not in scored or scored[key][0] < score:
            scored[key] = (score, hit)

    for row in rows:
        relevance = float(row["score"]) / best if best > 0 else 0.0
        score = _bonus(row, terms) + relevance
        kind, slug, name = str(row["kind"]), str(row["slug"]), str(row["name"])
        keep(score, Hit(kind, slug, name, score, cast(ExerciseRow | None, row.get("exercise"))))
        for near in row.get("via") or []:
            via_score = VIA_SHARE * relevance
            exercise = cast(ExerciseRow, near)
            keep(via_score, Hit("Exercise", exercise["slug"], exercise["name"], via_score, exercise, (slug, name)))
    ordered = sorted(scored.values(), key=lambda s: (-s[0], s[1].name, s[1].slug))
    return [Hit(h.kind, h.slug, h.name, round(score, 4), h.exercise, h.via) for score, h in ordered[:limit]]


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
