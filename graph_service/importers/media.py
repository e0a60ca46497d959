"""Pictures and videos from sources: full URLs from a dataset's own paths, and the rows an import writes.

Each `Media` node is keyed by its URL (`(:Exercise)-[:SHOWN_IN {position}]->(:Media {url, kind, source,
license})`). An import adds the media of a record that the exercise is not shown in yet, after the ones it has,
so re-importing a file finds them all there and writes nothing; removing media is left to curators.
"""

from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from urllib.parse import quote

from graph_service.importers.common import SourceExercise, SourceMedia
from graph_service.model import MediaKind
from graph_service.queries import Q
from graph_service.reads.media import ordered
from graph_service.store import Row, Store

# A URL as a source may give it: http(s), no spaces; an empty string means none.
URL_PATTERN = r"^(https?://\S+)?$"
ANIMATED = frozenset({".gif", ".apng"})
VIDEO = frozenset({".mp4", ".webm", ".mov", ".m4v"})


def kind_of(path: str) -> MediaKind:
    """What a file shows, by its extension: a still image unless the name says animation or video."""
    suffix = PurePosixPath(path.split("?", 1)[0]).suffix.lower()
    if suffix in VIDEO:
        return MediaKind.VIDEO
    return MediaKind.ANIMATED_IMAGE if suffix in ANIMATED else MediaKind.IMAGE


def joined_url(base_url: str, path: str) -> str:
    """A dataset's relative path under its base URL (`…/exercises/` + `Barbell_Squat/0.jpg`); a path that is
    already a full URL stays as it is."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{base_url.rstrip('/')}/{quote(path.strip().lstrip('/'), safe='/')}"


def source_media(paths: Iterable[str], *, base_url: str, license: str | None = None) -> tuple[SourceMedia, ...]:
    """The media of one record from its relative paths, in the record's order, each URL once."""
    urls = dict.fromkeys(joined_url(base_url, p) for p in paths if p.strip())
    return tuple(SourceMedia(url, kind_of(url), license) for url in urls)


def media_rows(x: SourceExercise, known: list[str]) -> list[Row]:
    """The rows for the media of `x` that are not among the `known` URLs of its exercise, placed after them;
    `known` is extended with them, so a second record of the same run adds only what is new again."""
    rows: list[Row] = []
    for media in x.media:
        if media.url in known:
            continue
        rows.append(
            {
                "url": media.url,
                "kind": media.kind.value,
                "source": x.source,
                "license": media.license,
                "position": len(known),
            }
        )
        known.append(media.url)
    return rows


async def exercise_media(store: Store) -> dict[str, list[str]]:
    """The URLs each exercise is already shown in, in their order: what an import need not add again."""
    rows: Sequence[Row] = await store.read(Q.EXERCISE_MEDIA)
    return {row["slug"]: [m["url"] for m in ordered(row["media"])] for row in rows}
