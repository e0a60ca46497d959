"""Hints about the graph: read once for concurrent callers, kept for a minute, read again on demand."""

import asyncio

from graph_service import hints
from graph_service.hints import exercise_count_hint, known_slugs
from graph_service.store import Store


async def test_concurrent_callers_share_one_read_and_later_ones_reuse_it(store: Store) -> None:
    hints._values.pop(store, None)
    await store._run("CREATE (:Exercise {slug: 'a', name: 'A'}), (:Exercise {slug: 'b', name: 'B'})", {}, write=True)
    before = store.round_trips
    assert await asyncio.gather(*(exercise_count_hint(store) for _ in range(5))) == [2] * 5
    assert store.round_trips - before == 1
    await store._run("CREATE (:Exercise {slug: 'c', name: 'C'})", {}, write=True)
    assert await exercise_count_hint(store) == 2  # within the minute, the hint stands
    assert store.round_trips - before == 1


async def test_fresh_reads_again(store: Store) -> None:
    await store._run("CREATE (:Muscle {slug: 'glutes', name: 'Glutes'})", {}, write=True)
    assert (await known_slugs(store))["muscle"] == {"glutes"}
    await store._run("CREATE (:Muscle {slug: 'soleus', name: 'Soleus'})", {}, write=True)
    assert (await known_slugs(store))["muscle"] == {"glutes"}
    assert (await known_slugs(store, fresh=True))["muscle"] == {"glutes", "soleus"}
    assert (await known_slugs(store))["muscle"] == {"glutes", "soleus"}


async def test_a_fresh_read_does_not_join_an_older_one_nor_lose_to_it(store: Store) -> None:
    release_old = asyncio.Event()

    async def old_read() -> str:
        await release_old.wait()
        return "old"

    async def new_read() -> str:
        return "new"

    waiting = asyncio.create_task(hints._hint(store, "probe", old_read))
    await asyncio.sleep(0)  # the old read is under way
    # Bounded: a fresh read that joined the old one would wait for it forever.
    assert await asyncio.wait_for(hints._hint(store, "probe", new_read, fresh=True), timeout=5) == "new"
    release_old.set()
    assert await waiting == "old"  # its own callers get what they waited for
    assert await hints._hint(store, "probe", old_read) == "new"  # the newer value stands
