"""What plans are computed from: each exercise's keys as cypher/_plan_facts.cypher reads them, and the muscles
and movement patterns a plan is measured against (cypher/plan_taxonomy.cypher)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph_service.planning.vocabulary import Direction, PatternGroup, Region


@dataclass(frozen=True)
class PlanExercise:
    slug: str
    name: str
    difficulty_rank: int
    work_kind: int
    family: str
    targets: frozenset[str]
    muscles: frozenset[str]  # every muscle worked, targets included
    equipment: frozenset[str]
    patterns: tuple[str, ...]

    @property
    def secondary(self) -> frozenset[str]:
        return self.muscles - self.targets

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "PlanExercise":
        return cls(
            slug=row["slug"],
            name=row["name"],
            difficulty_rank=int(row["difficulty_rank"] or 0),
            work_kind=int(row["work_kind"] or 0),
            family=row["family"],
            targets=frozenset(row["targets"]),
            muscles=frozenset(row["muscles"]) | frozenset(row["targets"]),
            equipment=frozenset(row["equipment"]),
            patterns=tuple(sorted(row["patterns"])),
        )


@dataclass(frozen=True)
class MuscleInfo:
    slug: str
    name: str
    body_part: str | None
    group: str | None = None  # its muscle group


@dataclass(frozen=True)
class PatternInfo:
    slug: str
    name: str
    group: PatternGroup
    region: Region
    direction: Direction | None


@dataclass(frozen=True)
class PlanTaxonomy:
    muscles: dict[str, MuscleInfo]
    patterns: dict[str, PatternInfo]
    equipment: dict[str, str]  # slug: name
    body_parts: dict[str, str]  # slug: name
    groups: dict[str, str] = field(default_factory=dict)  # muscle groups, slug: name

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> "PlanTaxonomy":
        muscles: dict[str, MuscleInfo] = {}
        patterns: dict[str, PatternInfo] = {}
        equipment: dict[str, str] = {}
        body_parts: dict[str, str] = {}
        groups: dict[str, str] = {}
        for r in rows:
            if r["kind"] == "equipment":
                equipment[r["slug"]] = r["name"]
            elif r["kind"] == "bodyPart":
                body_parts[r["slug"]] = r["name"]
            elif r["kind"] == "muscleGroup":
                groups[r["slug"]] = r["name"]
            elif r["kind"] == "muscle":
                parts = sorted(r["body_parts"] or [])
                in_groups = sorted(r.get("groups") or [])
                muscles[r["slug"]] = MuscleInfo(
                    r["slug"], r["name"], parts[0] if parts else None, in_groups[0] if in_groups else None
                )
            else:
                patterns[r["slug"]] = PatternInfo(
                    r["slug"],
                    r["name"],
                    PatternGroup(r["group"] or PatternGroup.ISOLATION),
                    Region(r["region"] or Region.FULL),
                    Direction(r["direction"]) if r["direction"] else None,
                )
        return cls(muscles, patterns, equipment, body_parts, groups)

    def muscle_name(self, slug: str) -> str:
        info = self.muscles.get(slug)
        return info.name.lower() if info else slug

    def equipment_name(self, slug: str) -> str:
        return self.equipment.get(slug, slug).lower()

    def pattern_name(self, slug: str) -> str:
        info = self.patterns.get(slug)
        return info.name.lower() if info else slug
