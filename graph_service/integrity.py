"""Whether the graph's derived keys still say what its edges say, and the rules every exercise meets.

Filters, alternatives and plans read the keys graph_service.keys keeps on each exercise (`target_slugs`,
`muscle_slugs`, `equipment_slugs`, `body_part_slugs`, `profile_key`, `work_kind`, `family`...) instead of walking
edges. Every write path of the service recomputes them, but an edit made around it (a `TARGETS` edge added in Neo4j
Browser, say) leaves them stale, and the API then answers from the old keys. `check_graph` lists every key that
disagrees with the edges, and every exercise that breaks a rule (no target muscle, no equipment, no body part);
`repair_keys` rewrites the stale keys from the edges (cypher/set_exercise_keys.cypher), so a second repair finds
nothing to do. Repair never adds or removes edges: what a rule finds missing is for a curator to decide.
"""

from dataclasses import dataclass, field
from typing import Any

from graph_service.keys import keys_from_links, refresh_exercise_keys
from graph_service.queries import Q
from graph_service.store import Store

# Each rule: the link lists of which one must not be empty, and how a report names the breach. A target may be a
# muscle group: an import whose source named only a broad term ("shoulders") targets the group as a whole.
RULES = {
    ("targets", "target_groups"): "no target muscle or muscle group (TARGETS, TARGETS_GROUP)",
    ("equipment",): "no equipment (USES)",
    ("body_parts",): "no body part (TRAINS)",
}


@dataclass(frozen=True)
class StaleKey:
    slug: str
    key: str
    stored: Any
    from_edges: Any


@dataclass(frozen=True)
class RuleBreach:
    slug: str
    rule: str


@dataclass
class CheckResult:
    exercises: int = 0
    stale: list[StaleKey] = field(default_factory=list)
    breaches: list[RuleBreach] = field(default_factory=list)

    @property
    def stale_exercises(self) -> list[str]:
        return sorted({s.slug for s in self.stale})

    @property
    def clean(self) -> bool:
        return not self.stale and not self.breaches


async def check_graph(store: Store, *, batch_size: int) -> CheckResult:
    """Compare every exercise's derived keys with the keys its edges give, and apply the rules."""
    stored = {row["slug"]: dict(row["props"]) for row in await store.read(Q.EXERCISE_INDEX)}
    slugs = sorted(stored)
    result = CheckResult(exercises=len(slugs))
    for start in range(0, len(slugs), batch_size):
        for links in await store.read(Q.EXERCISE_LINKS, {"slugs": slugs[start : start + batch_size]}):
            slug = links["slug"]
            for key, expected in keys_from_links(links).items():
                have = stored[slug].get(key)
                if _normal(have) != _normal(expected):
                    result.stale.append(StaleKey(slug, key, have, expected))
            result.breaches += [
                RuleBreach(slug, rule) for kinds, rule in RULES.items() if not any(links.get(k) for k in kinds)
            ]
    return result


async def repair_keys(store: Store, result: CheckResult, *, batch_size: int) -> list[str]:
    """Rewrite, from the edges, the keys of every exercise `result` found stale; return those exercises."""
    slugs = result.stale_exercises
    await refresh_exercise_keys(store, slugs, batch_size=batch_size)
    if slugs:
        await store.mark_changed()  # filters answer from the keys: cached answers are out of date
    return slugs


def _normal(value: Any) -> Any:
    """An absent list and an empty one say the same; lists compare in order (the keys are kept sorted)."""
    if value is None or value == []:
        return None
    return list(value) if isinstance(value, list | tuple) else value
