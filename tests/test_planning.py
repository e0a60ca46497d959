"""The pure plan functions: coverage arithmetic, the greedy cover's rules and the swap order."""

from graph_service.planning.cover import greedy_cover
from graph_service.planning.coverage import PlanItem, plan_coverage
from graph_service.planning.facts import MuscleInfo, PatternInfo, PlanExercise, PlanTaxonomy
from graph_service.planning.reasons import swap_reason
from graph_service.planning.swap import fits, order_swaps
from graph_service.planning.vocabulary import Direction, PatternGroup, Region

TAXONOMY = PlanTaxonomy(
    muscles={
        "glutes": MuscleInfo("glutes", "Glutes", "legs"),
        "hamstrings": MuscleInfo("hamstrings", "Hamstrings", "legs"),
        "quadriceps": MuscleInfo("quadriceps", "Quadriceps", "legs"),
        "lats": MuscleInfo("lats", "Lats", "back"),
        "pectorals": MuscleInfo("pectorals", "Pectorals", "chest"),
    },
    patterns={
        "hinge": PatternInfo("hinge", "Hinge", PatternGroup.COMPOUND, Region.LOWER, None),
        "squat": PatternInfo("squat", "Squat", PatternGroup.COMPOUND, Region.LOWER, None),
        "vertical-pull": PatternInfo(
            "vertical-pull", "Vertical Pull", PatternGroup.COMPOUND, Region.UPPER, Direction.PULL
        ),
        "horizontal-push": PatternInfo(
            "horizontal-push", "Horizontal Push", PatternGroup.COMPOUND, Region.UPPER, Direction.PUSH
        ),
        "hip-extension": PatternInfo("hip-extension", "Hip Extension", PatternGroup.ISOLATION, Region.LOWER, None),
    },
    equipment={"barbell": "Barbell", "dumbbell": "Dumbbell", "bench": "Flat Bench", "body-weight": "Body Weight"},
    body_parts={"legs": "Legs", "back": "Back", "chest": "Chest"},
)


def ex(
    slug: str, targets: set[str], secondary: set[str], patterns: tuple[str, ...], equipment: set[str], family: str = ""
) -> PlanExercise:
    return PlanExercise(
        slug=slug,
        name=slug.replace("-", " ").title(),
        difficulty_rank=0,
        work_kind=0,
        family=family or slug,
        targets=frozenset(targets),
        muscles=frozenset(targets | secondary),
        equipment=frozenset(equipment),
        patterns=patterns,
    )


SQUAT = ex("squat", {"quadriceps", "glutes"}, {"hamstrings"}, ("squat",), {"barbell"})
BENCH = ex("bench", {"pectorals"}, set(), ("horizontal-push",), {"barbell", "bench"})
PULL_UP = ex("pull-up", {"lats"}, set(), ("vertical-pull",), {"body-weight"})
THRUST = ex("thrust", {"glutes"}, {"hamstrings"}, ("hinge",), {"barbell"}, family="bridge")
BRIDGE = ex("bridge", {"glutes"}, {"hamstrings"}, ("hinge",), {"body-weight"})
CURL = ex("leg-curl", {"hamstrings"}, set(), ("hip-extension",), {"body-weight"})
DB_RDL = ex("db-rdl", {"hamstrings", "glutes"}, set(), ("hinge",), {"dumbbell"})


def test_coverage_counts_a_secondary_set_as_half() -> None:
    cov = plan_coverage([PlanItem(SQUAT, 4), PlanItem(BENCH, 3)], TAXONOMY)
    sets = {m.muscle: (m.target_sets, m.secondary_sets, m.weighted_sets) for m in cov.muscles}
    assert sets == {"quadriceps": (4, 0, 4), "glutes": (4, 0, 4), "pectorals": (3, 0, 3), "hamstrings": (0, 4, 2)}
    assert [m.muscle for m in cov.muscles] == ["glutes", "quadriceps", "pectorals", "hamstrings"]
    assert cov.untrained_muscles == ["lats"]
    assert cov.untrained_patterns == ["hinge", "vertical-pull"]  # isolation patterns are not expected
    assert cov.body_parts == [("legs", 10.0), ("chest", 3.0)]
    assert cov.push_pull_ratio is None
    assert cov.upper_lower_ratio == 0.75
    with_pull = plan_coverage([PlanItem(BENCH, 3), PlanItem(PULL_UP, 6)], TAXONOMY)
    assert with_pull.push_pull_ratio == 0.5
    assert with_pull.upper_lower_ratio is None


def test_the_cover_spreads_never_repeats_a_family_and_alternates() -> None:
    picks = greedy_cover(
        [BRIDGE, CURL, DB_RDL, THRUST, SQUAT],
        muscles={"glutes": 1.0, "hamstrings": 1.0},
        patterns={},
        size=4,
    )
    # The RDL serves both; then a squat rather than another hinge; the bridge, not the thrust of its family; the
    # hamstrings, least served by then, last.
    assert [p.exercise.slug for p in picks] == ["db-rdl", "squat", "bridge", "leg-curl"]
    assert [p.muscles for p in picks] == [
        ("glutes", "hamstrings"),
        ("glutes", "hamstrings"),
        ("glutes", "hamstrings"),
        ("hamstrings",),
    ]


def test_the_cover_stops_when_nothing_gains() -> None:
    assert greedy_cover([BENCH, PULL_UP], muscles={"glutes": 1.0}, patterns={}, size=3) == []
    picks = greedy_cover([BENCH, PULL_UP], muscles={}, patterns={"vertical-pull": 1.0}, size=3)
    assert [p.exercise.slug for p in picks] == ["pull-up"]


def test_ties_go_to_the_order_given() -> None:
    a = ex("a", {"glutes"}, set(), ("hinge",), {"body-weight"})
    b = ex("b", {"glutes"}, set(), ("hinge",), {"body-weight"})
    assert greedy_cover([a, b], muscles={"glutes": 1.0}, patterns={}, size=1)[0].exercise.slug == "a"
    assert greedy_cover([b, a], muscles={"glutes": 1.0}, patterns={}, size=1)[0].exercise.slug == "b"


def test_swaps_keep_the_pattern_then_the_score_then_new_equipment() -> None:
    other = ex("other", {"glutes"}, set(), ("squat",), {"dumbbell"})
    same_kit = ex("same-kit", {"glutes"}, set(), ("hinge",), {"barbell"})
    new_kit = ex("new-kit", {"glutes"}, set(), ("hinge",), {"dumbbell"})
    ranked = [(other, 0.9), (same_kit, 0.5), (new_kit, 0.5)]
    assert [x.slug for x, _ in order_swaps(THRUST, ranked)] == ["new-kit", "same-kit", "other"]


def test_a_swap_reason_says_what_changed() -> None:
    assert swap_reason(THRUST, BRIDGE, TAXONOMY) == (
        "Same hinge pattern; no barbell needed; body weight only; targets the same glutes."
    )
    assert swap_reason(BENCH, DB_RDL, TAXONOMY) == (
        "A hinge pattern instead of horizontal push; no barbell or flat bench needed; uses dumbbell instead; "
        "targets the glutes and hamstrings instead."
    )


def test_fits_needs_known_equipment_inside_the_set() -> None:
    assert fits(BRIDGE, None)
    assert fits(BRIDGE, ["body-weight", "dumbbell"])
    assert not fits(BENCH, ["barbell"])
    assert not fits(ex("unknown", {"glutes"}, set(), (), set()), ["body-weight"])
