"""Turn the service's answer and the @neo4j/graphql peer's answer to one workload into comparable plain values.

The two schemas differ in shape (the peer lists exercises where the service returns one, stores difficulty and
category as the graph's lowercase strings where the service has enums, names search hits by label instead of a
union), so each workload is reduced to what both must agree on: slugs in order, counts, and scores rounded to
four places (the service's own rounding).

    ours_value, peer_value = normalise("exercise_page", ours_response, peer_response)
    assert ours_value == peer_value

Responses may be whole GraphQL responses ({"data": ...}) or their data; a response with errors raises
ValueError. Only fields the documents select are compared.
"""

from collections.abc import Callable
from typing import Any

SCORE_PLACES = 4
Json = dict[str, Any]


def _data(response: Json, side: str) -> Json:
    if response.get("errors"):
        raise ValueError(f"{side} answered with errors: {response['errors']}")
    data = response.get("data", response)
    if not isinstance(data, dict):
        raise ValueError(f"{side} answered without data")
    return data


def _word(value: str | None) -> str | None:
    # Enum names (OLYMPIC_WEIGHTLIFTING) and stored values (olympic weightlifting) meet in the middle.
    return None if value is None else value.lower().replace("_", " ")


def _slugs(items: list[Json] | None) -> list[str]:
    return sorted(i["slug"] for i in items or [])


def _score(value: float) -> float:
    return round(float(value), SCORE_PLACES)


def _alternatives(items: list[Json] | None) -> list[tuple[Any, ...]]:
    return [
        (a["exercise"]["slug"], _score(a["score"]) if "score" in a else None, a.get("sameFamily")) for a in items or []
    ]


def _related(groups: list[Json] | None) -> list[tuple[Any, ...]]:
    return [
        (g.get("kind"), g["slug"], g.get("total"), [e["slug"] for e in g.get("exercises") or []]) for g in groups or []
    ]


def _exercise(e: Json | None, body_part: list[Json] | None) -> Json | None:
    if e is None:
        return None
    out: Json = {}
    for key in ("slug", "name", "description", "instructions", "tips", "mistakes", "aliases"):
        if key in e:
            out[key] = e[key]
    for key in ("difficulty", "category", "force", "mechanic"):
        if key in e:
            out[key] = _word(e[key])
    for key in ("targets", "secondaryMuscles", "equipment"):
        if key in e:
            out[key] = _slugs(e[key])
    if body_part is not None:
        out["bodyPart"] = _slugs(body_part)
    if "alternatives" in e:
        out["alternatives"] = _alternatives(e["alternatives"])
    if "related" in e:
        out["related"] = _related(e["related"])
    return out


def _first(items: list[Json] | None) -> Json | None:
    return items[0] if items else None


def _exercise_page(ours: Json, peer: Json) -> tuple[object, object]:
    mine = ours["exercise"]
    theirs = _first(peer["exercises"])
    mine_body = ([mine["bodyPart"]] if mine.get("bodyPart") else []) if mine and "bodyPart" in mine else None
    theirs_body = theirs.get("bodyParts") if theirs and "bodyParts" in theirs else None
    return _exercise(mine, mine_body), _exercise(theirs, theirs_body)


def _alternatives_only(ours: Json, peer: Json) -> tuple[object, object]:
    theirs = _first(peer["exercises"])
    return _alternatives(ours["alternatives"]), _alternatives(theirs["alternatives"] if theirs else None)


def _connection(c: Json) -> Json:
    out: Json = {"slugs": [edge["node"]["slug"] for edge in c["edges"]]}
    if "totalCount" in c:
        out["totalCount"] = c["totalCount"]
    if "pageInfo" in c and "hasNextPage" in c["pageInfo"]:
        out["hasNextPage"] = c["pageInfo"]["hasNextPage"]
    nodes = [edge["node"] for edge in c["edges"]]
    if nodes and "difficulty" in nodes[0]:
        out["difficulties"] = [_word(n["difficulty"]) for n in nodes]
    return out


def _filtered_page(ours: Json, peer: Json) -> tuple[object, object]:
    return _connection(ours["exercises"]), _connection(peer["exercisesConnection"])


def _facets(ours: Json, peer: Json) -> tuple[object, object]:
    def plain(f: Json) -> Json:
        return {group: [(_word(c["value"]), c.get("count")) for c in counts] for group, counts in sorted(f.items())}

    return plain(ours["facets"]), plain(peer["facets"])


def _search(ours: Json, peer: Json) -> tuple[object, object]:
    mine = [(h["node"].get("__typename"), h["node"]["slug"], _score(h["score"])) for h in ours["search"]]
    theirs = [(h.get("kind"), h["slug"], _score(h["score"])) for h in peer["search"]]
    if mine and mine[0][0] is None:  # the service's document did not ask for __typename
        theirs = [(None, slug, score) for _, slug, score in theirs]
    return mine, theirs


NORMALISERS: dict[str, Callable[[Json, Json], tuple[object, object]]] = {
    "exercise_page": _exercise_page,
    "alternatives": _alternatives_only,
    "filtered_page": _filtered_page,
    "facets": _facets,
    "search": _search,
}


def normalise(workload: str, ours: Json, peer: Json) -> tuple[object, object]:
    """Both answers to `workload` as plain values that are equal when the two servers agree."""
    try:
        normaliser = NORMALISERS[workload]
    except KeyError:
        raise ValueError(f"unknown workload {workload!r}; known: {', '.join(NORMALISERS)}") from None
    return normaliser(_data(ours, "ours"), _data(peer, "peer"))
