"""The plan choices on their own: pure functions of the graph statistics."""

from graph_service.model import SCORE_WEIGHTS
from graph_service.queries import Q
from graph_service.reads import plans
from graph_service.reads.alternatives import other_targets_bound, unseen_score_bound


def no_filter() -> dict[str, object]:
    return dict.fromkeys(plans.FILTER_PARAMS)


def test_a_page_walks_the_name_index_only_while_its_source_is_large_enough() -> None:
    total, limit = 100_000, 21
    assert plans.page_walk(source=None, limit=limit, total=total) == plans.UNBOUNDED_WALK
    assert plans.page_walk(source=100, limit=limit, total=total) is None  # 100² < 0.4 · 21 · 100k: sort the source
    bounded = plans.page_walk(source=2_000, limit=limit, total=total)
    assert bounded == plans.walk_bound(2_000) == 5_001
    # A bound of a third of the index or more is no cheaper than walking all of it.
    assert plans.page_walk(source=20_000, limit=limit, total=total) == plans.UNBOUNDED_WALK
    assert plans.name_walk_pays(source=917, limit=21, total=100_000)
    assert not plans.name_walk_pays(source=916, limit=21, total=100_000)


def test_counts_read_the_cheapest_statement_that_answers() -> None:
    assert plans.count_statement(no_filter()) == (Q.EXERCISE_TOTAL, {})
    one = {**no_filter(), "equipment": ["kettlebell"]}
    assert plans.count_statement(one) == (Q.EXERCISES_COUNT_ONE, {"relation": "USES", "slug": "kettlebell"})
    two = {**no_filter(), "equipment": ["kettlebell", "barbell"]}
    assert plans.count_statement(two) == (Q.EXERCISES_COUNT, two)
    muscles = {**no_filter(), "muscles": ["glutes"]}  # target or secondary: not one kind of edge
    assert plans.count_statement(muscles)[0] is Q.EXERCISES_COUNT


def test_related_groups_and_alternatives_follow_the_graph_size() -> None:
    assert plans.related_walk_limit(ordered_index_reads=True, total=10_000) == 100
    assert plans.related_walk_limit(ordered_index_reads=False, total=10_000) == plans.ALWAYS_WALK
    assert plans.scores_every_candidate(total=4_999)
    assert not plans.scores_every_candidate(total=5_000)
    assert not plans.scores_every_candidate(total=10, small_graph=0)


def test_the_score_bounds_use_the_one_set_of_weights() -> None:
    w = SCORE_WEIGHTS
    assert w.targets + w.muscles + w.family == 1.0
    assert other_targets_bound(1) == w.targets / 2 + w.muscles
    assert unseen_score_bound(1, 3, 1) == max(other_targets_bound(1), w.targets + w.muscles * 3 / 5)
