"""Synthetic knowledge graphs for benchmarks and tests: the bundled taxonomy with n generated exercises.

Deterministic from the seed. Muscle and equipment popularity follow Zipf-like weights over the orders real
exercise data shows (glutes, quadriceps, pectorals and lats carry most exercises; body weight, dumbbells and
barbells most equipment). Each exercise has 1-2 targets, 0-4 secondary muscles, 1-2 pieces of equipment and the
body part of its first target; exercises come in variation families of 2-6 that share the first target and the
kind of work, each variant pointing at the family's base.

    python -m graph_service.seeding.synthetic 10000 [--seed 7] [--reset]   # write into the configured engine, timed
"""

import random
from dataclasses import replace
from itertools import accumulate

from graph_service.config import Settings, get_settings
from graph_service.model import FLEXIBILITY, Category, Difficulty, Force, Mechanic
from graph_service.seeding import SeedBundle, load_seed
from graph_service.seeding.models import ExerciseEntry

# Most popular first; any muscle or equipment not named here follows in taxonomy order.
MUSCLE_ORDER = (
    "glutes", "quadriceps", "pectorals", "lats", "abs", "hamstrings", "front-deltoids", "triceps", "biceps",
    "obliques", "rhomboids", "traps", "calves", "lower-back", "forearms", "hip-flexors", "side-deltoids",
    "rear-deltoids", "adductors", "upper-chest", "neck",
)  # fmt: skip
EQUIPMENT_ORDER = (
    "body-weight", "dumbbell", "barbell", "bench", "cable", "machine", "resistance-band", "kettlebell",
    "weight-plate", "pull-up-bar", "gym-mat", "smith-machine", "plyo-box", "incline-bench",
)  # fmt: skip
ZIPF_EXPONENT = 0.9

MOVEMENTS = {
    "legs": ("Squat", "Lunge", "Hip Hinge", "Bridge", "Step-Up", "Leg Press"),
    "chest": ("Press", "Fly", "Push-Up", "Dip"),
    "back": ("Row", "Pulldown", "Pull-Up", "Shrug"),
    "shoulders": ("Overhead Press", "Raise", "Face Pull"),
    "arms": ("Curl", "Extension", "Pushdown"),
    "core": ("Crunch", "Plank", "Rotation", "Leg Raise"),
    "neck": ("Neck Flexion", "Neck Extension", "Neck Tilt"),
}
# The movement pattern (seed/movement_patterns.yaml) each movement follows; flexibility work follows mobility.
MOVEMENT_PATTERNS = {
    "Squat": "squat", "Lunge": "lunge", "Hip Hinge": "hinge", "Bridge": "hinge", "Step-Up": "lunge",
    "Leg Press": "squat", "Press": "horizontal-push", "Fly": "chest-fly", "Push-Up": "horizontal-push",
    "Dip": "vertical-push", "Row": "horizontal-pull", "Pulldown": "vertical-pull", "Pull-Up": "vertical-pull",
    "Shrug": "shrug", "Overhead Press": "vertical-push", "Raise": "shoulder-raise", "Face Pull": "horizontal-pull",
    "Curl": "elbow-flexion", "Extension": "elbow-extension", "Pushdown": "elbow-extension",
    "Crunch": "trunk-flexion", "Plank": "anti-extension", "Rotation": "rotation", "Leg Raise": "trunk-flexion",
    "Neck Flexion": "neck", "Neck Extension": "neck", "Neck Tilt": "neck", "Drill": "cyclic-cardio",
}  # fmt: skip
MODIFIERS = ("Paused", "Tempo", "Single-Arm", "Single-Leg", "Wide-Grip", "Close-Grip", "Incline", "Deficit", "Banded")

DIFFICULTY_WEIGHTS = {Difficulty.BEGINNER: 54, Difficulty.INTERMEDIATE: 33, Difficulty.ADVANCED: 13}
CATEGORY_WEIGHTS = {
    Category.STRENGTH: 72, Category.STRETCHING: 6, Category.CARDIO: 6, Category.PLYOMETRICS: 4,
    Category.MOBILITY: 3, Category.OLYMPIC_WEIGHTLIFTING: 3, Category.POWERLIFTING: 3, Category.STRONGMAN: 3,
}  # fmt: skip
FORCE_WEIGHTS = {Force.PULL: 41, Force.PUSH: 37, Force.STATIC: 13, None: 9}
MECHANIC_WEIGHTS = {Mechanic.COMPOUND: 54, Mechanic.ISOLATION: 38, None: 8}
TARGET_COUNT_WEIGHTS = {1: 65, 2: 35}
SECONDARY_COUNT_WEIGHTS = {0: 7, 1: 24, 2: 35, 3: 25, 4: 9}
EQUIPMENT_COUNT_WEIGHTS = {1: 86, 2: 14}


def _zipf_order[T](names: list[T], order: tuple[T, ...]) -> tuple[list[T], list[float]]:
    ranked = [n for n in order if n in names] + [n for n in names if n not in order]
    return ranked, list(accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(ranked))))


class _Picker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def one[T](self, weights: dict[T, int]) -> T:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def distinct(self, population: list[str], cum: list[float], k: int, exclude: set[str]) -> list[str]:
        out: list[str] = []
        while len(out) < k:
            pick = self.rng.choices(population, cum_weights=cum)[0]
            if pick not in exclude and pick not in out:
                out.append(pick)
        return out


def synthetic_bundle(n: int, seed: int = 7, *, settings: Settings | None = None) -> SeedBundle:
    """The bundled taxonomy (body parts, muscles, equipment) with `n` generated exercises in place of its own."""
    taxonomy = load_seed((settings or get_settings()).seed_dir)
    rng = random.Random(seed)
    pick = _Picker(rng)
    body_part_of = {m.slug: m.body_part for m in taxonomy.muscles}
    muscle_names = {m.slug: m.name for m in taxonomy.muscles}
    equipment_names = {q.slug: q.name for q in taxonomy.equipment}
    muscles, muscle_cum = _zipf_order([m.slug for m in taxonomy.muscles], MUSCLE_ORDER)
    equipment, equipment_cum = _zipf_order([q.slug for q in taxonomy.equipment], EQUIPMENT_ORDER)

    exercises: list[ExerciseEntry] = []
    family = 0
    while len(exercises) < n:
        family += 1
        size = min(rng.randint(2, 6), n - len(exercises))
        first_target = pick.distinct(muscles, muscle_cum, 1, set())[0]
        body_part = body_part_of[first_target]
        movement = rng.choice(MOVEMENTS.get(body_part, ("Drill",)))
        category = pick.one(CATEGORY_WEIGHTS)
        modifiers = ["", *rng.sample(MODIFIERS, size - 1)]
        pattern = "mobility" if category in FLEXIBILITY else MOVEMENT_PATTERNS[movement]
        base_slug: str | None = None
        for modifier in modifiers:
            extra = pick.one(TARGET_COUNT_WEIGHTS) - 1
            targets = [first_target, *pick.distinct(muscles, muscle_cum, extra, {first_target})]
            secondary = pick.distinct(muscles, muscle_cum, pick.one(SECONDARY_COUNT_WEIGHTS), set(targets))
            gear = pick.distinct(equipment, equipment_cum, pick.one(EQUIPMENT_COUNT_WEIGHTS), set())
            name = " ".join(p for p in (modifier, equipment_names[gear[0]], movement, str(family)) if p)
            slug = "-".join(name.lower().replace("-", " ").split())
            worked = " and ".join(muscle_names[t].lower() for t in targets)
            exercises.append(
                ExerciseEntry.model_construct(
                    slug=slug,
                    name=name,
                    aliases=[],
                    body_part=body_part,
                    targets=targets,
                    secondary=secondary,
                    equipment=gear,
                    patterns=[pattern],
                    difficulty=pick.one(DIFFICULTY_WEIGHTS),
                    category=category,
                    force=pick.one(FORCE_WEIGHTS),
                    mechanic=pick.one(MECHANIC_WEIGHTS),
                    variation_of=base_slug,
                    description=f"A generated {category.value} exercise for the {worked}, number {len(exercises)}.",
                    instructions=[
                        f"Set up the {equipment_names[gear[0]].lower()} and take your starting position.",
                        f"Perform the {movement.lower()} under control, feeling the {worked} work.",
                        "Return to the start and repeat for the planned repetitions.",
                    ],
                    tips=[],
                    mistakes=[],
                )
            )
            base_slug = base_slug or slug
    return replace(taxonomy, exercises=exercises, guidance=[])  # curated guidance names bundled exercises


def main() -> None:
    import argparse
    import asyncio
    import time

    from graph_service.seeding import write_seed
    from graph_service.store import open_store

    parser = argparse.ArgumentParser(description="Write a synthetic graph into the configured engine.")
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reset", action="store_true", help="empty the graph first")
    args = parser.parse_args()
    settings = get_settings()
    started = time.perf_counter()
    bundle = synthetic_bundle(args.n, args.seed, settings=settings)
    built = time.perf_counter() - started

    async def write() -> None:
        store = await open_store(settings)
        try:
            began = time.perf_counter()
            counts = await write_seed(store, bundle, batch_size=settings.write_batch_size, reset=args.reset)
            print(f"built {args.n} exercises in {built:.2f} s; written to {settings.engine} in "
                  f"{time.perf_counter() - began:.2f} s: {counts.nodes} {counts.edges}")  # fmt: skip
        finally:
            await store.close()

    asyncio.run(write())


if __name__ == "__main__":
    main()
