"""The whole graph as plain, sorted rows, to prove that an operation changed nothing."""

from typing import Any

from graph_service.store import Row, Store

# The graph's version (cypher/mark_graph_changed.cypher) is bookkeeping: a load that writes the same facts renews it.
# A node is named by its key: its slug, or a Media node's URL (graph_service.model.KEYS).
NODES = """
MATCH (n) WHERE NOT n:GraphVersion
RETURN labels(n)[0] AS label, coalesce(n.slug, n.url) AS slug, properties(n) AS props ORDER BY label, slug
"""
EDGES = """
MATCH (a)-[r]->(b)
RETURN labels(a)[0] AS from_label, a.slug AS from_slug, type(r) AS type, labels(b)[0] AS to_label,
       coalesce(b.slug, b.url) AS to_slug
ORDER BY from_label, from_slug, type, to_label, to_slug
"""


async def dump(store: Store) -> tuple[list[Row], list[Row]]:
    return await store.run_text(NODES, {}, write=False), await store.run_text(EDGES, {}, write=False)


async def exercise(store: Store, slug: str) -> dict[str, Any]:
    """One exercise's properties and its edges by type, each list sorted."""
    rows = await store.run_text(
        "MATCH (e:Exercise {slug: $slug}) "
        "RETURN properties(e) AS props, [(e)-[r]->(n) | [type(r), coalesce(n.slug, n.url)]] AS edges",
        {"slug": slug},
        write=False,
    )
    assert len(rows) == 1, f"expected one exercise {slug!r}, found {len(rows)}"
    edges: dict[str, list[str]] = {}
    for kind, target in rows[0]["edges"]:
        edges.setdefault(kind, []).append(target)
    return {"props": rows[0]["props"], **{k: sorted(v) for k, v in edges.items()}}
