"""How many exercises the graph holds, as a hint for choosing between plans that give the same answer."""

import time
from weakref import WeakKeyDictionary

from graph_service.queries import Q
from graph_service.store import Store

# A hint only steers a plan (every plan gives the same answer), so it is re-read at most this often.
SIZE_HINT_TTL_S = 60.0
_size_hints: "WeakKeyDictionary[Store, tuple[float, int]]" = WeakKeyDictionary()


async def exercise_count_hint(store: Store) -> int:
    read_at, size = _size_hints.get(store, (float("-inf"), 0))
    if time.monotonic() - read_at > SIZE_HINT_TTL_S:
        size = (await store.read(Q.EXERCISE_TOTAL))[0]["total"]
        _size_hints[store] = (time.monotonic(), size)
    return size
