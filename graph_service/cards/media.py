"""The pictures section of an exercise card: each image as a Markdown image line, a video as a link, and where they
come from. Like the FAQ, it is drawn from the graph and read past when a card is imported."""

from dataclasses import dataclass

from graph_service.model import MediaKind

IMAGES = "Images"


@dataclass(frozen=True)
class MediaFact:
    url: str
    kind: str  # a MediaKind value
    source: str | None = None
    license: str | None = None


def media_lines(name: str, media: tuple[MediaFact, ...]) -> list[str]:
    """The section's lines, ending with a blank one; none when the exercise has no media."""
    if not media:
        return []
    out = [f"## {IMAGES}", ""]
    for n, m in enumerate(media, start=1):
        label = f"{name} ({n} of {len(media)})" if len(media) > 1 else name
        if m.kind == MediaKind.VIDEO:
            out.append(f"[Video: {label}]({_url(m.url)})")
        elif m.kind == MediaKind.ANIMATED_IMAGE:
            out.append(f"![{label}, animated]({_url(m.url)})")
        else:
            out.append(f"![{label}]({_url(m.url)})")
    credits = [_credit(source, license) for source, license in dict.fromkeys((m.source, m.license) for m in media)]
    out += ["", *(c for c in credits if c), ""]
    return out


def _credit(source: str | None, license: str | None) -> str:
    if not source:
        return ""
    return f"*From {source} ({license}).*" if license else f"*From {source}.*"


def _url(url: str) -> str:
    """A URL as a Markdown link target: spaces and parentheses would end it early."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
