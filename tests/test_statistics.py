"""Graph statistics: read once for concurrent callers, kept while the clock says so and nothing was written, read
again on demand."""

import asyncio

from graph_service.model import TaxonomyKind
from graph_service.statistics import GraphStatistics
from graph_service.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_concurrent_callers_share_one_read_and_later_ones_reuse_it(store: Store) -> None:
    await store.run_text(
        "CREATE (:Exercise {slug: 'a', name: 'A'}), (:Exercise {slug: 'b', name: 'B'})", {}, write=True
    )
    statistics = GraphStatistics(store, clock=Clock())
    before = store.round_trips
    assert await asyncio.gather(*(statistics.exercise_count() for _ in range(5))) == [2] * 5
    assert await statistics.exercise_count() == 2
    assert store.round_trips - before == 1


async def test_a_value_lasts_its_time_unless_the_store_writes(store: Store) -> None:
    clock = Clock()
    statistics = GraphStatistics(store, ttl=60, clock=clock)
    await store.run_text("CREATE (:Exercise {slug: 'a', name: 'A'})", {}, write=True)
    assert await statistics.exercise_count() == 1
    await store.run_text("CREATE (:Exercise {slug: 'b', name: 'B'})", {}, write=True)
    assert await statistics.exercise_count() == 2  # a write through the store forgets what was read before it
    before = store.round_trips
    clock.now = 60.0
    assert await statistics.exercise_count() == 2
    assert store.round_trips == before  # still within its time
    clock.now = 60.5
    assert await statistics.exercise_count() == 2
    assert store.round_trips == before + 1  # its time is up: read again
    statistics.invalidate()
    assert await statistics.exercise_count() == 2
    assert store.round_trips == before + 2


async def test_fresh_reads_again_and_a_known_value_is_kept(store: Store) -> None:
    await store.run_text("CREATE (:Muscle {slug: 'glutes', name: 'Glutes'})", {}, write=True)
    statistics = GraphStatistics(store, clock=Clock())
    assert (await statistics.known_slugs())[TaxonomyKind.MUSCLE] == {"glutes"}
    before = store.round_trips
    assert (await statistics.known_slugs(fresh=True))[TaxonomyKind.MUSCLE] == {"glutes"}
    assert store.round_trips == before + 1
    assert (await statistics.known_slugs())[TaxonomyKind.BODY_PART] == frozenset()
    assert store.round_trips == before + 1


async def test_a_fresh_read_does_not_join_an_older_one_nor_lose_to_it(store: Store) -> None:
    statistics = GraphStatistics(store, clock=Clock())
    release_old = asyncio.Event()

    async def old_read() -> str:
        await release_old.wait()
        return "old"

    async def new_read() -> str:
        return "new"

    waiting = asyncio.create_task(statistics._get("probe", old_read))
    await asyncio.sleep(0)  # the old read is under way
    # Bounded: a fresh read that joined the old one would wait for it forever.
    assert await asyncio.wait_for(statistics._get("probe", new_read, fresh=True), timeout=5) == "new"
    release_old.set()
    assert await waiting == "old"  # its own callers get what they waited for
    assert await statistics._get("probe", old_read) == "new"  # the newer value stands


async def test_a_value_per_version_is_read_once_per_load_and_within_its_time(store: Store) -> None:
    clock = Clock()
    statistics = GraphStatistics(store, ttl=60, clock=clock)
    reads: list[str] = []

    async def read() -> str:
        reads.append(await statistics.graph_version())
        return f"read {len(reads)}"

    assert await asyncio.gather(*(statistics.per_version("taxonomy", read) for _ in range(3))) == ["read 1"] * 3
    assert await statistics.per_version("taxonomy", read) == "read 1"
    async with store.loading():  # a load renews the graph version
        await store.run_text("CREATE (:Muscle {slug: 'glutes', name: 'Glutes'})", {}, write=True)
    assert await statistics.per_version("taxonomy", read) == "read 2"
    assert reads[0] != reads[1]
    clock.now = 61.0  # an edit around the loads is seen once the value's time is up
    assert await statistics.per_version("taxonomy", read) == "read 3"
    assert [k for k in statistics._values if k.startswith("taxonomy@")] == [f"taxonomy@{reads[2]}"]
