"""A muscle map as SVG: a front and a back figure drawn from simple shapes, each muscle region shaded by how much
it is worked (1 is the most). Shapes, colours and layout are the project's own.

Regions are ellipses (cx, cy, rx, ry) relative to a figure's centre line; a bilateral region is drawn on both sides
(cx is its distance from the centre line), a midline one once (cx is 0).
"""

from collections.abc import Mapping
from html import escape

FIGURE_WIDTH = 210
HEIGHT = 360
LEGEND_HEIGHT = 40
BODY = "#d9dde1"
UNWORKED = "#bfc6cc"
LIGHT = (0xF6, 0xC9, 0xA8)
STRONG = (0xC0, 0x39, 0x2B)
FRONT, BACK = "front", "back"

# muscle slug: [(view, cx, cy, rx, ry, bilateral)]
REGIONS: dict[str, list[tuple[str, float, float, float, float, bool]]] = {
    "neck": [(FRONT, 0, 56, 7, 7, False)],
    "levator-scapulae": [(BACK, 9, 58, 3, 6, True)],
    "traps": [(BACK, 0, 74, 26, 10, False)],
    "upper-chest": [(FRONT, 17, 80, 14, 5, True)],
    "pectorals": [(FRONT, 17, 91, 16, 9, True)],
    "lower-chest": [(FRONT, 17, 102, 13, 4, True)],
    "serratus-anterior": [(FRONT, 31, 112, 4, 9, True)],
    "front-deltoids": [(FRONT, 40, 80, 8, 10, True)],
    "side-deltoids": [(FRONT, 48, 85, 4, 9, True), (BACK, 48, 85, 4, 9, True)],
    "rear-deltoids": [(BACK, 40, 80, 8, 10, True)],
    "rotator-cuff": [(BACK, 23, 89, 9, 6, True)],
    "rhomboids": [(BACK, 8, 94, 6, 11, True)],
    "teres-major": [(BACK, 31, 99, 6, 4, True)],
    "lats": [(BACK, 22, 117, 11, 17, True)],
    "lower-back": [(BACK, 0, 142, 12, 13, False)],
    "biceps": [(FRONT, 50, 108, 6, 14, True)],
    "brachialis": [(FRONT, 56, 121, 3, 6, True)],
    "triceps": [(BACK, 50, 108, 6, 14, True)],
    "brachioradialis": [(FRONT, 56, 138, 4, 9, True)],
    "forearms": [(FRONT, 59, 152, 5, 13, True), (BACK, 57, 145, 5, 16, True)],
    "abs": [(FRONT, 0, 127, 10, 19, False)],
    "obliques": [(FRONT, 22, 129, 6, 14, True)],
    "transverse-abdominis": [(FRONT, 0, 151, 15, 4, False)],
    "hip-flexors": [(FRONT, 14, 164, 6, 7, True)],
    "glutes": [(BACK, 14, 172, 14, 13, True)],
    "abductors": [(BACK, 28, 166, 4, 9, True)],
    "adductors": [(FRONT, 6, 196, 4, 17, True)],
    "quadriceps": [(FRONT, 17, 205, 9, 25, True)],
    "hamstrings": [(BACK, 16, 210, 9, 24, True)],
    "tibialis-anterior": [(FRONT, 16, 282, 4, 18, True)],
    "calves": [(BACK, 16, 272, 8, 17, True)],
    "soleus": [(BACK, 16, 297, 6, 8, True)],
}

# The figure each region sits on: head, neck, torso, arms and legs, as rounded rectangles (x, y, w, h, r) and
# the head as a circle, relative to the centre line.
SILHOUETTE = [
    (-8.0, 44.0, 16.0, 18.0, 4.0),
    (-36.0, 62.0, 72.0, 100.0, 18.0),
    (-31.0, 150.0, 62.0, 36.0, 12.0),
    (-64.0, 70.0, 18.0, 100.0, 9.0),
    (46.0, 70.0, 18.0, 100.0, 9.0),
    (-30.0, 178.0, 27.0, 135.0, 11.0),
    (3.0, 178.0, 27.0, 135.0, 11.0),
]


def shade(level: float) -> str:
    """The fill for a region worked at `level` (0..1]: from light to strong."""
    t = min(1.0, max(0.0, level))
    r, g, b = (round(lo + (hi - lo) * t) for lo, hi in zip(LIGHT, STRONG, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def muscle_map_svg(levels: Mapping[str, float], *, title: str, names: Mapping[str, str] | None = None) -> str:
    """The map with each muscle in `levels` (slug: 0..1) shaded and every other region left plain. `title` names
    the picture for screen readers; `names` gives muscles' display names (default: from the slug)."""
    names = names or {}
    worked = sorted((m for m, v in levels.items() if v > 0 and m in REGIONS), key=lambda m: (-levels[m], m))
    described = ", ".join(_name(m, names) for m in worked) or "no muscle"
    width = 2 * FIGURE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {HEIGHT + LEGEND_HEIGHT}" '
        f'width="{width}" height="{HEIGHT + LEGEND_HEIGHT}" role="img" aria-labelledby="map-title map-desc">',
        f'<title id="map-title">{escape(title)}</title>',
        f'<desc id="map-desc">Front and back views; worked most to least: {escape(described)}.</desc>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for index, view in enumerate((FRONT, BACK)):
        cx = FIGURE_WIDTH * index + FIGURE_WIDTH / 2
        parts.append(f'<g data-view="{view}"><title>{view.capitalize()} view</title>')
        parts.append(f'<circle cx="{cx:g}" cy="28" r="16" fill="{BODY}"/>')
        for x, y, w, h, r in SILHOUETTE:
            parts.append(f'<rect x="{cx + x:g}" y="{y:g}" width="{w:g}" height="{h:g}" rx="{r:g}" fill="{BODY}"/>')
        for muscle, shapes in REGIONS.items():
            level = levels.get(muscle, 0.0)
            fill = shade(level) if level > 0 else UNWORKED
            label = f"{_name(muscle, names)}: " + (f"{round(100 * level)}%" if level > 0 else "not worked")
            for shape_view, dx, y, rx, ry, bilateral in shapes:
                if shape_view != view:
                    continue
                for side in (-1, 1) if bilateral else (0,):
                    parts.append(
                        f'<ellipse data-muscle="{muscle}" cx="{cx + side * dx:g}" cy="{y:g}" rx="{rx:g}" '
                        f'ry="{ry:g}" fill="{fill}"><title>{escape(label)}</title></ellipse>'
                    )
        parts.append(
            f'<text x="{cx:g}" y="{HEIGHT - 20}" text-anchor="middle" font-family="sans-serif" font-size="12">'
            f"{view.capitalize()}</text></g>"
        )
    legend = [(shade(1.0), "most"), (shade(0.35), "less"), (UNWORKED, "not worked")]
    for i, (fill, text) in enumerate(legend):
        x = 40 + i * 120
        parts.append(f'<rect x="{x}" y="{HEIGHT + 8}" width="14" height="14" fill="{fill}"/>')
        parts.append(f'<text x="{x + 20}" y="{HEIGHT + 20}" font-family="sans-serif" font-size="12">{text}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def exercise_levels(targets: list[str], secondary: list[str]) -> dict[str, float]:
    """Targets strong, secondary muscles light."""
    return {**dict.fromkeys(secondary, 0.4), **dict.fromkeys(targets, 1.0)}


def plan_levels(weighted_sets: Mapping[str, float]) -> dict[str, float]:
    """Each muscle's weighted sets over the most any muscle has."""
    top = max(weighted_sets.values(), default=0.0)
    return {m: n / top for m, n in weighted_sets.items() if top and n > 0}


def _name(slug: str, names: Mapping[str, str]) -> str:
    return names.get(slug) or slug.replace("-", " ").capitalize()
