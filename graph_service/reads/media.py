"""An exercise's media as the reads return them (cypher/_exercise_links.cypher), and the order they are shown in."""

from collections.abc import Iterable
from typing import TypedDict

# Media written without a position (by hand, say) come after the placed ones.
UNPLACED = 1 << 30


class MediaRow(TypedDict):
    url: str
    kind: str  # a graph_service.model.MediaKind value
    source: str | None
    license: str | None
    position: int | None


def ordered(media: Iterable[MediaRow]) -> list[MediaRow]:
    """In the order the exercise shows them: by position on the SHOWN_IN edge, then by URL."""
    return sorted(media, key=lambda m: (m["position"] if isinstance(m["position"], int) else UNPLACED, m["url"]))
