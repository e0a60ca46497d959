"""Pictures and videos of an exercise: `Exercise.media`, answered from the exercise's relations (one batched read
with its muscles and equipment, cypher/_exercise_links.cypher)."""

import strawberry

from graph_service.model import MediaKind
from graph_service.reads.media import MediaRow, ordered

strawberry.enum(
    MediaKind,
    description="What a picture or video shows an exercise with: a still image, an animation (a GIF) or a video.",
)


@strawberry.type(description="A picture or video of an exercise, kept where its source publishes it.")
class Media:
    url: str = strawberry.field(description="Its full URL.")
    kind: MediaKind
    source: str | None = strawberry.field(description="The dataset it came with, e.g. `free-exercise-db`.")
    license: str | None = strawberry.field(
        description="The license its source states for it, e.g. `Unlicense`; null when the source states none."
    )

    @classmethod
    def from_rows(cls, rows: list[MediaRow]) -> list["Media"]:
        """In the exercise's order; a node whose kind is not a known one (an edit by hand) is left out."""
        known = {k.value for k in MediaKind}
        return [
            cls(url=r["url"], kind=MediaKind(r["kind"]), source=r["source"], license=r["license"])
            for r in ordered(rows)
            if r["kind"] in known and r["url"]
        ]
