"""Map source records onto the taxonomy, match them with the exercises already in the graph, and write the result.

Merge rule: the exercise already in the graph keeps its facts. Bundled exercises are curated, so a source that
matches one (by slug, name or alias) only adds its reference to `sources` and fills properties the exercise
lacks (force or mechanic, say); it never adds or removes edges. An exercise the graph does not have yet is created
with every fact the source maps. Two records of one run that name the same exercise merge the same way: the first
one's facts win. Re-importing a file finds every record already referenced and writes nothing.
Media are added, not filled: a record's pictures and videos that its exercise is not shown in yet join the ones
it has, bundled or imported (graph_service.importers.media).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_service.importers.common import (
    BODY_PART,
    EQUIPMENT,
    MUSCLE,
    MUSCLE_GROUP,
    SourceExercise,
    Taxonomy,
    normalize_term,
    read_taxonomy,
    slugify,
)
from graph_service.importers.equipment import equipment_terms
from graph_service.importers.matching import BROAD_MUSCLE_TERMS, ExerciseIndex
from graph_service.importers.media import exercise_media, media_rows
from graph_service.importers.names import display_name, words
from graph_service.importers.report import near_duplicates
from graph_service.importers.summary import ImportSummary as ImportSummary
from graph_service.importers.summary import Outcome as Outcome
from graph_service.keys import refresh_exercise_keys
from graph_service.model import BODY_WEIGHT, SLUG_MAX, Category, Difficulty, Force, Mechanic
from graph_service.queries import Q
from graph_service.seeding.models import ExerciseEntry
from graph_service.seeding.writer import exercise_row
from graph_service.store import Row, Store

DIFFICULTY_TERMS = {d.value: d for d in Difficulty} | {"expert": Difficulty.ADVANCED, "novice": Difficulty.BEGINNER}
CATEGORY_TERMS = {c.value: c for c in Category} | {
    "plyometric": Category.PLYOMETRICS,
    "stretch": Category.STRETCHING,
    "weightlifting": Category.OLYMPIC_WEIGHTLIFTING,
    "conditioning": Category.CARDIO,
}
CARDIO = "cardio"
STRETCH_WORDS = frozenset({"stretch", "stretching"})
# Properties a merge may fill when the exercise lacks them; name, aliases and search text are its identity.
FILLABLE = frozenset({"difficulty", "difficulty_rank", "category", "force", "mechanic", "description", "instructions"})


@dataclass
class ImportPlan:
    """The rows an import sends, created exercises first; `summary` is final once the plan is made."""

    creates: list[Row]
    merges: list[Row]
    summary: ImportSummary
    variations: list[Row] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return len(self.creates) + len(self.merges) + len(self.variations)


@dataclass
class MappedExercise:
    slug: str
    row: Row
    defaulted: frozenset[str]
    # The body parts of the targets the source names only broadly ("shoulders"), for matching.
    regions: frozenset[str] = frozenset()
    # For matching only: the muscles with the members of the groups the source names ("shoulders": every deltoid).
    matching: dict[str, list[str]] = field(default_factory=dict)


class _Mapper:
    def __init__(self, taxonomy: Taxonomy, summary: ImportSummary) -> None:
        self.taxonomy = taxonomy
        self.summary = summary

    def terms(self, kind: str, terms: Sequence[str]) -> list[str]:
        out: list[str] = []
        for term in terms:
            slug = self.taxonomy.slug(kind, term)
            if slug is None:
                self._unmapped(kind, term, self.taxonomy.unmapped_reason(kind, term))
            elif slug not in out:
                out.append(slug)
        return out

    def muscles(self, terms: Sequence[str]) -> tuple[list[str], list[str]]:
        """The muscles the terms name, and the muscle groups: a broad term (\"shoulders\") names a group as a whole,
        never one of its muscles."""
        muscles: list[str] = []
        groups: list[str] = []
        for term in terms:
            group = self.taxonomy.slug(MUSCLE_GROUP, term)
            if group is None:
                muscles += [m for m in self.terms(MUSCLE, [term]) if m not in muscles]
            elif group not in groups:
                groups.append(group)
        return muscles, groups

    def choice[T](self, kind: str, term: str | None, table: dict[str, T]) -> T | None:
        if term is None or not term.strip():
            return None
        value = table.get(normalize_term(term))
        if value is None:
            self._unmapped(kind, term, None)
        return value

    def _unmapped(self, kind: str, term: str, reason: str | None) -> None:
        key = (kind, normalize_term(term) or term)
        if reason is None:
            self.summary.unmapped[key] += 1
        else:
            self.summary.by_design[key] += 1
            self.summary.reasons[key] = reason

    def exercise(self, x: SourceExercise) -> MappedExercise | str:
        """The record as graph facts, or the reason it cannot be imported."""
        name = display_name(x.name) or x.name
        # The source's own spelling stays findable: it becomes an alias when the display name differs.
        aliases = [x.name.lower()] if name.lower() != x.name.lower() else []
        slug = slugify(name)
        if not slug:
            return "its name has no letters or digits to make a slug from"
        targets, target_groups = self.muscles(x.targets)
        regions = frozenset(
            self.taxonomy.muscle_body_part.get(muscle, "")
            for term in x.targets
            if (muscle := self.taxonomy.slug(MUSCLE, term))
            and (normalize_term(term) in BROAD_MUSCLE_TERMS or self.taxonomy.slug(BODY_PART, term))
        ).union(*(self.taxonomy.group_regions.get(g, ()) for g in target_groups))
        secondary_muscles, secondary_groups = self.muscles(x.secondary)
        secondary = [m for m in secondary_muscles if m not in targets]
        secondary_groups = [g for g in secondary_groups if g not in target_groups]
        terms, decided = equipment_terms(x.name, x.equipment)
        equipment = self.terms(EQUIPMENT, terms)
        equipment += [s for s in decided if s not in equipment and s in self.taxonomy.names[EQUIPMENT]]
        if len(equipment) > 1 and BODY_WEIGHT in equipment:
            equipment.remove(BODY_WEIGHT)
        parts = self.terms(BODY_PART, x.body_parts)
        category = self.choice("category", x.category, CATEGORY_TERMS)
        difficulty = self.choice("difficulty", x.difficulty, DIFFICULTY_TERMS)
        defaulted: set[str] = set()
        if parts:
            body_part: str | None = parts[0]
        elif category is Category.CARDIO and CARDIO in self.taxonomy.names[BODY_PART]:
            body_part = CARDIO
        else:
            body_part = next(
                (
                    self.taxonomy.muscle_body_part[m]
                    for m in [*targets, *target_groups]
                    if m in self.taxonomy.muscle_body_part
                ),
                None,
            )
        if body_part is None:
            return "no body part: the source gives none that maps and names no target muscle to derive it from"
        inferred: list[str] = []
        if difficulty is None:
            self.summary.defaulted["difficulty unknown (left empty)"] += 1
        if category is None:
            category, rule = infer_category(x.name, body_part)
            if category is None:
                self.summary.defaulted["category unknown (left empty)"] += 1
            else:
                inferred.append("category")
                self.summary.defaulted[f"category inferred: {category.value} ({rule})"] += 1
        force = self.choice("force", x.force, {f.value: f for f in Force})
        mechanic = self.choice("mechanic", x.mechanic, {m.value: m for m in Mechanic})
        # The seed's own row builder, so imported exercises carry exactly the properties bundled ones do.
        # model_construct skips the seed format's rules (a description, three steps) that sources do not meet.
        entry = ExerciseEntry.model_construct(
            slug=slug,
            name=name,
            aliases=aliases,
            body_part=body_part,
            targets=targets,
            secondary=secondary,
            equipment=equipment,
            difficulty=difficulty,
            category=category,
            force=force,
            mechanic=mechanic,
            variation_of=None,
            description=x.description,
            instructions=list(x.instructions),
            tips=[],
            mistakes=[],
        )
        row = exercise_row(entry, target_groups=target_groups, secondary_groups=secondary_groups)
        row["props"] = {k: v for k, v in row["props"].items() if v is not None} | {"sources": [x.ref]}
        if inferred:
            row["props"]["inferred"] = inferred
        matching = {
            "targets": self._with_members(targets, target_groups),
            "secondary": self._with_members(secondary, secondary_groups),
        }
        return MappedExercise(slug, row, frozenset(defaulted | set(inferred)), regions, matching)

    def _with_members(self, muscles: list[str], groups: list[str]) -> list[str]:
        members = (m for g in groups for m in sorted(self.taxonomy.group_members.get(g, ())))
        return list(dict.fromkeys([*muscles, *members]))


def infer_category(name: str, body_part: str) -> tuple[Category | None, str]:
    """A category for a record whose source gives none, only on clear evidence, with the rule that gave it:
    "stretch" in the name means stretching; a source that files the exercise under cardio means cardio.
    Otherwise None: unknown stays unknown (no difficulty is ever inferred)."""
    if STRETCH_WORDS & set(words(name)):
        return Category.STRETCHING, "the name says stretch"
    if body_part == CARDIO:
        return Category.CARDIO, "filed under cardio"
    return None, ""


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def plan_import(
    records: Sequence[SourceExercise],
    taxonomy: Taxonomy,
    index: ExerciseIndex,
    *,
    source: str,
    media: dict[str, list[str]] | None = None,
) -> ImportPlan:
    """Decide, without writing, what each record becomes: a new exercise, a merge, nothing, or a skip.
    `media`: the URLs each exercise is already shown in."""
    summary = ImportSummary(source=source)
    shown = {slug: list(urls) for slug, urls in (media or {}).items()}
    mapper = _Mapper(taxonomy, summary)
    creates: dict[str, Row] = {}
    merges: dict[str, Row] = {}
    seen: set[str] = set()
    for x in records:
        summary.records += 1
        if x.ref in seen:
            _skip(summary, x, "the file holds this id more than once")
            continue
        seen.add(x.ref)
        mapped = mapper.exercise(x)
        if isinstance(mapped, str):
            _skip(summary, x, mapped)
            continue
        match = index.match(x.ref, x.name, {**mapped.row, "regions": mapped.regions, **mapped.matching})
        if match.held:
            summary.outcomes.append(Outcome(x.ref, x.name, "held", review=match.review, candidates=match.candidates))
            continue
        if match.slug is None:
            slug = _free_slug(mapped, index)
            mapped.row["slug"] = slug
            mapped.row["props"]["family"] = slug
            mapped.row["media"] = media_rows(x, shown.setdefault(slug, []))
            summary.media += len(mapped.row["media"])
            index.add(slug, mapped.row["props"])
            index.note_ref(x.ref, slug)
            creates[slug] = mapped.row
            summary.created.append(slug)
            summary.outcomes.append(
                Outcome(x.ref, x.name, "created", slug, review=match.review, candidates=match.candidates)
            )
            continue
        slug = match.slug
        existing = index.props[slug]
        sources = list(existing.get("sources") or [])
        fill = {
            k: v
            for k, v in mapped.row["props"].items()
            if k in FILLABLE and k not in mapped.defaulted and _empty(existing.get(k)) and not _empty(v)
        }
        added = media_rows(x, shown.setdefault(slug, []))
        summary.media += len(added)
        if x.ref in sources and not fill and not added:
            summary.unchanged += 1
            summary.outcomes.append(Outcome(x.ref, x.name, "unchanged", slug, match.rule))
            continue
        if x.ref not in sources:
            sources.append(x.ref)
        existing.update(fill, sources=sources)
        index.note_ref(x.ref, slug)
        if slug in creates:
            creates[slug]["props"].update(fill, sources=sources)
            creates[slug]["media"] += added
        else:
            row = merges.setdefault(
                slug,
                {
                    "slug": slug,
                    "props": {},
                    "targets": None,
                    "secondary": None,
                    "equipment": None,
                    "body_part": None,
                    "media": [],
                },
            )
            row["props"].update(fill, sources=sources)
            row["media"] += added
        summary.merged.append((x.ref, slug))
        summary.outcomes.append(Outcome(x.ref, x.name, "merged", slug, match.rule))
    return ImportPlan(creates=list(creates.values()), merges=list(merges.values()), summary=summary)


def _skip(summary: ImportSummary, x: SourceExercise, reason: str) -> None:
    summary.skipped.append((x.ref, reason))
    summary.outcomes.append(Outcome(x.ref, x.name, "skipped", reason=reason))


def _free_slug(mapped: MappedExercise, index: ExerciseIndex) -> str:
    """The record's slug, or, when an exercise it is not already has it, the slug with its equipment or a number."""
    slug = mapped.slug
    if slug not in index.props:
        return slug
    stem = slug[: SLUG_MAX - 24].rstrip("-")
    equipment = mapped.row["equipment"]
    tries = [f"{stem}-{equipment[0]}"] if equipment else []
    tries += [f"{stem}-{n}" for n in range(2, len(index.props) + 3)]
    return next(t for t in tries if t not in index.props)


async def prepare_import(
    store: Store, records: Sequence[SourceExercise], *, source: str, seed_dir: Path, dry_run: bool = False
) -> ImportPlan:
    taxonomy = await read_taxonomy(store, seed_dir)
    index = ExerciseIndex(await store.read(Q.EXERCISE_INDEX), taxonomy.muscle_body_part)
    before = list(index.props)
    plan = plan_import(records, taxonomy, index, source=source, media=await exercise_media(store))
    plan.summary.near_duplicates = near_duplicates(plan.summary, index, before)
    plan.summary.dry_run = dry_run
    return plan


async def write_plan(
    store: Store, plan: ImportPlan, *, batch_size: int, progress: Callable[[int], None] | None = None
) -> None:
    """Each batch is one transaction holding whole exercises with their edges."""
    if plan.summary.dry_run:
        return
    async with store.loading():
        for rows in (plan.creates, plan.merges):
            await store.write_batches(Q.IMPORT_EXERCISES, rows, batch_size=batch_size, progress=progress)
        await store.write_batches(Q.LINK_VARIATIONS, plan.variations, batch_size=batch_size, progress=progress)
        # A dataset merge leaves edges alone (its edge lists are null), so only rows that wrote edges need new keys.
        relinked = [row["slug"] for rows in (plan.creates, plan.merges) for row in rows if _writes_edges(row)]
        relinked += [row["exercise"] for row in plan.variations]
        # A merge that filled a missing category changes the kind of work the keys hold.
        relinked += [row["slug"] for row in plan.merges if "category" in row["props"]]
        await refresh_exercise_keys(store, sorted(set(relinked)), batch_size=batch_size)


def _writes_edges(row: Row) -> bool:
    return any(row[kind] is not None for kind in ("targets", "secondary", "equipment", "body_part"))


async def import_records(
    store: Store,
    records: Sequence[SourceExercise],
    *,
    source: str,
    seed_dir: Path,
    batch_size: int,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    plan = await prepare_import(store, records, source=source, seed_dir=seed_dir, dry_run=dry_run)
    await write_plan(store, plan, batch_size=batch_size, progress=progress)
    return plan.summary
