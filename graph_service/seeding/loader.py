"""Read and validate the seed folder as a whole before anything is written."""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from graph_service.errors import SeedValidationError
from graph_service.seeding.filing import filing_problems
from graph_service.seeding.guidance_entries import GUIDANCE_FILE, GuidanceEntry, guidance_problems
from graph_service.seeding.models import (
    BodyPartEntry,
    Entry,
    EquipmentEntry,
    ExerciseEntry,
    MuscleEntry,
    UnmappedTerm,
)
from graph_service.seeding.muscle_groups import MuscleGroupEntry, group_problems
from graph_service.seeding.plan_entries import KitEntry, MovementPatternEntry

# libyaml's loader when the wheel has it: several times faster on the bundled knowledge base.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SeedBundle:
    body_parts: list[BodyPartEntry]
    muscles: list[MuscleEntry]
    equipment: list[EquipmentEntry]
    exercises: list[ExerciseEntry]
    unmapped_muscle_terms: list[UnmappedTerm]
    unmapped_equipment_terms: list[UnmappedTerm]
    movement_patterns: list[MovementPatternEntry] = field(default_factory=list)
    kits: list[KitEntry] = field(default_factory=list)
    muscle_groups: list[MuscleGroupEntry] = field(default_factory=list)
    guidance: list[GuidanceEntry] = field(default_factory=list)  # curated, optional


class _Reader:
    """Collects every problem instead of stopping at the first."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[str] = []

    def document(self, path: Path, keys: set[str]) -> dict[str, Any]:
        name = path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)
        if not path.is_file():
            self.problems.append(f"{name}: file is missing")
            return {}
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
        except yaml.YAMLError as e:
            self.problems.append(f"{name}: not valid YAML: {e}".replace("\n", " "))
            return {}
        if not isinstance(data, dict):
            self.problems.append(f"{name}: expected a mapping with the key(s) {', '.join(sorted(keys))}")
            return {}
        for key in sorted(set(data) - keys):
            self.problems.append(f"{name}: unknown top-level key {key!r}")
        return {k: (name, data[k]) for k in keys if k in data}

    def entries[M: BaseModel](self, located: tuple[str, Any] | None, model: type[M]) -> list[M]:
        if located is None:
            return []
        name, raw = located
        if not isinstance(raw, list):
            self.problems.append(f"{name}: expected a list of entries")
            return []
        out: list[M] = []
        for index, item in enumerate(raw, start=1):
            where = f"{name} entry {index}"
            if isinstance(item, dict) and isinstance(item.get("slug") or item.get("term"), str):
                where += f" ({item.get('slug') or item.get('term')})"
            try:
                out.append(model.model_validate(item))
            except ValidationError as e:
                for err in e.errors():
                    loc = ".".join(str(p) for p in err["loc"]) or "entry"
                    self.problems.append(f"{where}: {loc}: {err['msg']}")
        return out


def load_seed(root: Path) -> SeedBundle:
    """Parse `root` (the seed folder); raise SeedValidationError naming every problem found."""
    r = _Reader(root)
    if not root.is_dir():
        raise SeedValidationError([f"{root}: seed folder not found"])
    bp_doc = r.document(root / "body_parts.yaml", {"body_parts"})
    mu_doc = r.document(root / "muscles.yaml", {"muscles", "muscle_groups", "unmapped_terms"})
    eq_doc = r.document(root / "equipment.yaml", {"equipment", "unmapped_terms"})
    mp_doc = r.document(root / "movement_patterns.yaml", {"movement_patterns"})
    kit_doc = r.document(root / "kits.yaml", {"kits"})
    guidance_doc = r.document(root / GUIDANCE_FILE, {"guidance"}) if (root / GUIDANCE_FILE).is_file() else {}
    exercise_files = sorted((root / "exercises").glob("*.yaml"))
    if not exercise_files:
        r.problems.append("exercises/: no exercise files (*.yaml)")
    by_file = {f.stem: r.entries(r.document(f, {"exercises"}).get("exercises"), ExerciseEntry) for f in exercise_files}
    bundle = SeedBundle(
        body_parts=r.entries(bp_doc.get("body_parts"), BodyPartEntry),
        muscles=r.entries(mu_doc.get("muscles"), MuscleEntry),
        equipment=r.entries(eq_doc.get("equipment"), EquipmentEntry),
        exercises=[x for entries in by_file.values() for x in entries],
        unmapped_muscle_terms=r.entries(mu_doc.get("unmapped_terms"), UnmappedTerm),
        unmapped_equipment_terms=r.entries(eq_doc.get("unmapped_terms"), UnmappedTerm),
        movement_patterns=r.entries(mp_doc.get("movement_patterns"), MovementPatternEntry),
        kits=r.entries(kit_doc.get("kits"), KitEntry),
        muscle_groups=r.entries(mu_doc.get("muscle_groups"), MuscleGroupEntry),
        guidance=r.entries(guidance_doc.get("guidance"), GuidanceEntry),
    )
    r.problems.extend(cross_reference_problems(bundle))
    r.problems.extend(filing_problems(bundle.body_parts, bundle.muscles, by_file))
    if r.problems:
        raise SeedValidationError(r.problems)
    return bundle


def cross_reference_problems(b: SeedBundle) -> list[str]:
    problems: list[str] = []
    for label, entries in (
        ("body part", b.body_parts),
        ("muscle", b.muscles),
        ("equipment", b.equipment),
        ("exercise", b.exercises),
        ("movement pattern", b.movement_patterns),
        ("kit", b.kits),
    ):
        problems += [f"{label} slug {s!r} is defined {n} times" for s, n in _dupes(e.slug for e in entries)]
    named: tuple[tuple[str, Sequence[Entry]], ...] = (
        ("muscle", b.muscles),
        ("equipment", b.equipment),
        ("exercise", b.exercises),
        ("movement pattern", b.movement_patterns),
        ("kit", b.kits),
    )
    for label, group in named:
        problems += _term_clashes(label, group)

    body_parts = {e.slug for e in b.body_parts}
    muscles = {e.slug for e in b.muscles}
    equipment = {e.slug for e in b.equipment}
    patterns = {e.slug for e in b.movement_patterns}
    exercises = {e.slug: e for e in b.exercises}
    for k in b.kits:
        problems += [f"kit {k.slug!r}: unknown equipment {s!r}" for s in k.equipment if s not in equipment]
    for m in b.muscles:
        if m.body_part not in body_parts:
            problems.append(f"muscle {m.slug!r}: unknown body part {m.body_part!r}")
    for x in b.exercises:
        where = f"exercise {x.slug!r}"
        if x.body_part not in body_parts:
            problems.append(f"{where}: unknown body part {x.body_part!r}")
        problems += [f"{where}: unknown muscle {s!r}" for s in [*x.targets, *x.secondary] if s not in muscles]
        problems += [f"{where}: unknown equipment {s!r}" for s in x.equipment if s not in equipment]
        problems += [f"{where}: unknown movement pattern {s!r}" for s in x.patterns if s not in patterns]
        if not x.patterns:
            problems.append(f"{where}: no movement pattern (patterns: [...] names at least one)")
        if x.variation_of and x.variation_of not in exercises:
            problems.append(f"{where}: variation_of names an unknown exercise {x.variation_of!r}")
        elif x.variation_of and (root := exercises[x.variation_of].variation_of) and root != x.slug:
            # A family is one base and its variations: the ranking's kinship looks one step up.
            problems.append(
                f"{where}: variation_of names {x.variation_of!r}, itself a variation of {root!r}; name the base"
            )
    problems += guidance_problems(b.guidance, exercises)
    problems += group_problems(b.muscle_groups, b.muscles)
    problems += _variation_cycles(exercises)
    return problems


def _dupes(values: Iterable[str]) -> list[tuple[str, int]]:
    return sorted((v, n) for v, n in Counter(values).items() if n > 1)


def _term_clashes(label: str, entries: Sequence[Entry]) -> list[str]:
    """Every name and alias must lead to exactly one entry, or importers could not map terms."""
    owners: dict[str, set[str]] = {}
    for e in entries:
        for term in {e.slug, e.name.lower(), *e.aliases}:
            owners.setdefault(term, set()).add(e.slug)
    return [
        f"{label} term {term!r} belongs to more than one entry: {', '.join(sorted(slugs))}"
        for term, slugs in sorted(owners.items())
        if len(slugs) > 1
    ]


def _variation_cycles(exercises: dict[str, ExerciseEntry]) -> list[str]:
    problems = []
    for start in exercises:
        seen = {start}
        current = exercises[start].variation_of
        while current in exercises:
            if current in seen:
                problems.append(f"exercise {start!r}: variation_of forms a cycle through {current!r}")
                break
            seen.add(current)
            current = exercises[current].variation_of
    return problems
