"""HTTP caching of GET queries: an ETag from the document, the variables and the graph's version.

The same GET request over the same graph gets the same answer, so its ETag can be computed before the query runs:
a client or CDN that sends it back in `If-None-Match` gets 304 without the query running at all. The version
passed in is the release's (package version and schema) and the graph's, which every load that writes renews
(cypher/mark_graph_changed.cypher): either changes every ETag. The ETag is weak, since
a compressed and an uncompressed answer are the same data in different bytes.
"""

import contextlib
import hashlib
import json
from collections.abc import Mapping

# Only these parameters select the answer; anything else in the query string leaves it alone.
ANSWER_PARAMETERS = ("query", "operationName", "variables", "extensions")


def etag(params: Mapping[str, str], version: str) -> str:
    """The weak ETag of the answer to a GET request with these query parameters, over the graph at `version`."""
    parts = [params.get(name, "") for name in ANSWER_PARAMETERS]
    for i in (2, 3):  # the JSON values, so that spacing and key order do not matter
        # A value that is not JSON stays as it is: the request is refused as it runs, and its ETag never sent.
        with contextlib.suppress(ValueError):
            parts[i] = json.dumps(json.loads(parts[i]), sort_keys=True, separators=(",", ":")) if parts[i] else ""
    digest = hashlib.sha256("\0".join([version, *parts]).encode()).hexdigest()[:40]
    return f'W/"{digest}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether `If-None-Match` names `tag` (weak comparison, as RFC 9110 asks for this header) or is `*`."""
    if not if_none_match:
        return False
    wanted = tag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False


def cacheable_headers(tag: str, max_age: int) -> dict[str, str]:
    return {"etag": tag, "cache-control": f"public, max-age={max_age}", "vary": "Accept"}


UNCACHEABLE = {"cache-control": "no-store"}
