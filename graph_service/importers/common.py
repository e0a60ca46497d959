"""What every importer shares: the source record, term normalisation and the taxonomy as it is in the graph."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from graph_service.errors import BadInput
from graph_service.importers.names import name_key as name_key
from graph_service.model import SLUG_MAX, MediaKind, TaxonomyKind
from graph_service.queries import Q
from graph_service.seeding.models import UnmappedTerm
from graph_service.store import Store

MUSCLE = TaxonomyKind.MUSCLE
EQUIPMENT = TaxonomyKind.EQUIPMENT
BODY_PART = TaxonomyKind.BODY_PART
MOVEMENT_PATTERN = TaxonomyKind.MOVEMENT_PATTERN
MUSCLE_GROUP = TaxonomyKind.MUSCLE_GROUP
TAXONOMY_KINDS = tuple(TaxonomyKind)
# The kinds every import needs in the graph; datasets name no movement pattern, only exercise cards do.
REQUIRED_KINDS = (MUSCLE, EQUIPMENT, BODY_PART)


class ImportValidationError(BadInput):
    """An import file failed validation; `problems` names every one with its file and record or line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            f"{len(problems)} problem(s); nothing was written:\n" + "\n".join(f"  - {p}" for p in problems)
        )


@dataclass(frozen=True)
class SourceMedia:
    """A picture or video a source shows the exercise with: a full URL, and the license only where the source
    states one."""

    url: str
    kind: MediaKind
    license: str | None = None


@dataclass(frozen=True)
class SourceExercise:
    """One exercise as a source states it: the source's own terms, not yet mapped onto the taxonomy."""

    source: str
    source_id: str
    name: str
    targets: tuple[str, ...] = ()
    secondary: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    body_parts: tuple[str, ...] = ()
    difficulty: str | None = None
    category: str | None = None
    force: str | None = None
    mechanic: str | None = None
    description: str | None = None
    instructions: tuple[str, ...] = ()
    media: tuple[SourceMedia, ...] = ()

    @property
    def ref(self) -> str:
        """How the exercise remembers where it came from, e.g. `free-exercise-db:Barbell_Squat`."""
        return f"{self.source}:{self.source_id}"


def normalize_term(term: str) -> str:
    """Case- and punctuation-insensitive form of a taxonomy term: `E-Z Curl Bar` and `e-z curl bar` agree."""
    return " ".join(re.findall(r"[a-z0-9]+", _ascii(term).lower()))


def slugify(name: str) -> str:
    slug = "-".join(re.findall(r"[a-z0-9]+", _ascii(name).lower().replace("&", " and ")))
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


def _ascii(text: str) -> str:
    """ASCII without apostrophes, so `Farmer's Walk` becomes `farmers-walk`, not `farmer-s-walk`."""
    text = re.sub(r"['\u2019]", "", text)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@dataclass(frozen=True)
class Taxonomy:
    """Muscles, equipment and body parts as the graph holds them, with every name and alias as a term."""

    terms: dict[str, dict[str, str]]
    names: dict[str, dict[str, str]]
    muscle_body_part: dict[str, str]
    by_design: dict[str, dict[str, str]] = field(default_factory=dict)
    # Each muscle group's slug with the body parts of its muscles (its own body part, in muscle_body_part, is the
    # one most of them belong to).
    group_regions: dict[str, frozenset[str]] = field(default_factory=dict)
    group_members: dict[str, frozenset[str]] = field(default_factory=dict)

    def slug(self, kind: str, term: str) -> str | None:
        return self.terms[kind].get(normalize_term(term))

    def unmapped_reason(self, kind: str, term: str) -> str | None:
        """Why a term deliberately maps to nothing (from the seed's `unmapped_terms`), or None."""
        return self.by_design.get(kind, {}).get(normalize_term(term))

    def name(self, kind: str, slug: str) -> str:
        return self.names[kind][slug]


async def read_taxonomy(store: Store, seed_dir: Path) -> Taxonomy:
    """Read the taxonomy from the graph; fail clearly when the graph has none yet."""
    rows = await store.read(Q.TAXONOMY_TERMS)
    terms: dict[str, dict[str, str]] = {k: {} for k in TAXONOMY_KINDS}
    names: dict[str, dict[str, str]] = {k: {} for k in TAXONOMY_KINDS}
    muscle_body_part: dict[str, str] = {}
    group_regions: dict[str, frozenset[str]] = {}
    group_members: dict[str, set[str]] = {}
    for row in sorted(rows, key=lambda r: (r["kind"], r["slug"])):
        kind = TaxonomyKind(row["kind"])
        names[kind][row["slug"]] = row["name"]
        for term in (row["slug"], row["name"], *(row["aliases"] or [])):
            terms[kind].setdefault(normalize_term(term), row["slug"])
        if row["body_parts"]:
            parts = list(row["body_parts"])  # a group's: one per muscle
            muscle_body_part[row["slug"]] = min(set(parts), key=lambda p: (-parts.count(p), p))
        if kind is MUSCLE_GROUP:
            group_regions[row["slug"]] = frozenset(row["body_parts"] or ())
        for group in row.get("groups") or ():
            group_members.setdefault(group, set()).add(row["slug"])
    missing = [k for k in REQUIRED_KINDS if not names[k]]
    if missing:
        raise BadInput(
            f"the graph has no {', '.join(k.label for k in missing)} nodes to map terms onto; load the taxonomy first "
            "(graph-service seed)"
        )
    members = {g: frozenset(ms) for g, ms in group_members.items()}
    return Taxonomy(terms, names, muscle_body_part, read_unmapped_terms(seed_dir), group_regions, members)


def read_unmapped_terms(seed_dir: Path) -> dict[str, dict[str, str]]:
    """The seed's `unmapped_terms`: source terms that name no muscle or no equipment, each with its reason."""
    out: dict[str, dict[str, str]] = {}
    for kind, file in ((MUSCLE, "muscles.yaml"), (EQUIPMENT, "equipment.yaml")):
        path = seed_dir / file
        if not path.is_file():
            continue
        try:
            raw = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("unmapped_terms") or []
            entries = [UnmappedTerm.model_validate(item) for item in raw]
        except (yaml.YAMLError, ValidationError, AttributeError) as e:
            raise BadInput(f"{path}: unreadable unmapped_terms: {e}") from e
        out[kind] = {normalize_term(t.term): t.reason for t in entries}
    return out


def clean_lines(lines: Iterable[str | None]) -> tuple[str, ...]:
    """Trimmed, single-spaced, non-empty lines."""
    return tuple(s for s in (" ".join((line or "").split()) for line in lines) if s)
