"""The sentences that explain a pick, a suggestion and a swap, from the facts that made them."""

from collections.abc import Iterable

from graph_service.model import BODY_WEIGHT
from graph_service.planning.cover import Pick
from graph_service.planning.facts import PlanExercise, PlanTaxonomy


def join(words: list[str]) -> str:
    if not words:
        return ""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _patterns(taxonomy: PlanTaxonomy, slugs: Iterable[str]) -> str:
    return join([taxonomy.pattern_name(p) for p in slugs])


def pick_reason(pick: Pick, taxonomy: PlanTaxonomy) -> str:
    """Why a session holds this exercise: what it covers of what was asked."""
    x = pick.exercise
    targets = [taxonomy.muscle_name(m) for m in pick.muscles if m in x.targets]
    assists = [taxonomy.muscle_name(m) for m in pick.muscles if m not in x.targets]
    parts = []
    if targets:
        parts.append(f"targets the {join(targets)}")
    if assists:
        parts.append(f"{'also works' if targets else 'works'} the {join(assists)}")
    if pick.patterns:
        parts.append(f"covers the {_patterns(taxonomy, pick.patterns)} pattern")
    elif x.patterns:
        parts.append(f"a {_patterns(taxonomy, x.patterns)} movement")
    return _sentence(parts)


def suggestion_reason(pick: Pick, taxonomy: PlanTaxonomy, untrained: set[str]) -> str:
    """Why a plan should add this exercise: the gaps it fills."""
    x = pick.exercise
    new = [taxonomy.muscle_name(m) for m in pick.muscles if m in untrained]
    more = [taxonomy.muscle_name(m) for m in pick.muscles if m not in untrained and m in x.targets]
    parts = []
    if new:
        parts.append(f"trains the {join(new)}, which the plan leaves untrained")
    if more:
        parts.append(f"adds sets for the {join(more)}")
    if pick.patterns:
        parts.append(f"adds the {_patterns(taxonomy, pick.patterns)} pattern the plan lacks")
    return _sentence(parts or ["adds work where the plan has least"])


def swap_reason(source: PlanExercise, alt: PlanExercise, taxonomy: PlanTaxonomy) -> str:
    """What changes when `alt` stands in for `source`: the pattern, the equipment, the muscles."""
    parts = []
    same = [p for p in alt.patterns if p in source.patterns]
    if same:
        parts.append(f"same {_patterns(taxonomy, same)} pattern")
    elif alt.patterns:
        was = f" instead of {_patterns(taxonomy, source.patterns)}" if source.patterns else ""
        parts.append(f"a {_patterns(taxonomy, alt.patterns)} pattern{was}")
    dropped = sorted(source.equipment - alt.equipment - {BODY_WEIGHT})
    added = sorted(alt.equipment - source.equipment - {BODY_WEIGHT})
    if dropped:
        parts.append(f"no {join([taxonomy.equipment_name(q) for q in dropped]).replace(' and ', ' or ')} needed")
    if added:
        parts.append(f"uses {join([taxonomy.equipment_name(q) for q in added])} instead")
    elif dropped and alt.equipment <= {BODY_WEIGHT}:
        parts.append("body weight only")
    shared = sorted(source.targets & alt.targets)
    if shared:
        parts.append(f"targets the same {join([taxonomy.muscle_name(m) for m in shared])}")
    elif alt.targets:
        parts.append(f"targets the {join(sorted(taxonomy.muscle_name(m) for m in alt.targets))} instead")
    return _sentence(parts)


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""
