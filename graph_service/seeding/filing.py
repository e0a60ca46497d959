"""Where an exercise is filed: the body part of its first target, in the file named after that body part."""

from collections.abc import Mapping, Sequence

from graph_service.seeding.models import BodyPartEntry, ExerciseEntry, MuscleEntry


def filing_problems(
    body_parts: Sequence[BodyPartEntry],
    muscles: Sequence[MuscleEntry],
    by_file: Mapping[str, Sequence[ExerciseEntry]],
) -> list[str]:
    """An exercise is filed under the body part of its first target, so a family's members sit together and a body
    part's page lists what mainly works it. Conditioning and full-body work may instead be filed under a body part
    that no muscle belongs to (Cardio & Full Body). A file named after a body part holds only that body part's
    exercises (`exercises/legs.yaml` holds `body_part: legs`); `by_file` maps each file's stem to its entries."""
    part_of = {m.slug: m.body_part for m in muscles}
    known = {p.slug for p in body_parts}
    free = known - set(part_of.values())
    problems = []
    for stem, entries in by_file.items():
        for x in entries:
            first = part_of.get(x.targets[0])
            if first and x.body_part in known - free and x.body_part != first:
                problems.append(
                    f"exercise {x.slug!r}: filed under body part {x.body_part!r}, but its first target "
                    f"{x.targets[0]!r} belongs to {first!r} (an exercise is filed under the body part of its first "
                    "target)"
                )
            if stem in known and x.body_part != stem:
                problems.append(
                    f"exercises/{stem}.yaml: exercise {x.slug!r} has body_part {x.body_part!r}; this file holds "
                    f"only {stem!r}"
                )
    return problems
