"""Suggestions for an unknown slug: the known slugs whose slug, name or an alias reads closest to it.

`glutez` -> glutes; `cable-machine` -> cable (its name is "Cable Machine"). The known slugs, names and aliases
come from the graph statistics (graph_service.statistics.GraphStatistics.known_terms), the same read that tells
a slug is unknown, so a suggestion costs no statement. Similarity is rapidfuzz's normalised Indel ratio on the
lowercased words (hyphens read as spaces).
"""

from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process, utils

from graph_service.errors import BadInput
from graph_service.model import TaxonomyKind
from graph_service.statistics import GraphStatistics

MOST = 3
# A term below this similarity (0-100) is no suggestion; nor one further than MARGIN below the closest.
CUTOFF = 60.0
MARGIN = 15.0


def closest(unknown: str, terms: Mapping[str, Sequence[str]], *, most: int = MOST) -> list[str]:
    """The slugs of `terms` (slug -> words naming it) closest to `unknown`, best first."""
    choices = [(slug, term) for slug, named in terms.items() for term in named]
    found = process.extract(
        unknown,
        [term for _, term in choices],
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=CUTOFF,
        limit=None,
    )
    best: dict[str, float] = {}
    for _, similarity, index in found:
        slug = choices[index][0]
        best[slug] = max(best.get(slug, 0.0), similarity)
    ranked = sorted(best.items(), key=lambda s: (-s[1], s[0]))
    return [slug for slug, similarity in ranked[:most] if similarity >= ranked[0][1] - MARGIN]


class UnknownSlugs(BadInput):
    """Slugs no node of their kind has; `extensions.suggestions` maps each to the closest known slugs."""

    def __init__(self, unknown: Mapping[TaxonomyKind, list[str]], suggestions: dict[str, list[str]]) -> None:
        super().__init__(
            "; ".join(f"unknown {kind.label} {', '.join(map(repr, slugs))}" for kind, slugs in unknown.items())
        )
        self.extensions = {"suggestions": suggestions}


async def unknown_slugs_error(statistics: GraphStatistics, unknown: Mapping[TaxonomyKind, list[str]]) -> UnknownSlugs:
    """The error naming `unknown` (slugs by kind), with suggestions from the known slugs of each kind."""
    known = await statistics.known_terms()
    suggestions = {slug: closest(slug, known[kind]) for kind, slugs in unknown.items() for slug in slugs}
    return UnknownSlugs(unknown, suggestions)
