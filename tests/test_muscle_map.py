"""Muscle maps: the SVG's regions and accessibility, drawn in Debian's headless Chromium, and served by the API."""

import base64
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from api_client import Api
from browser import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import sync_playwright

from graph_service.planning.body_highlighter import BODY_HIGHLIGHTER_MUSCLES, BODY_HIGHLIGHTER_NAMES
from graph_service.planning.muscle_map import (
    BACK,
    FIGURE_WIDTH,
    FRONT,
    REGIONS,
    UNWORKED,
    exercise_levels,
    muscle_map_svg,
    shade,
)
from graph_service.seeding import SeedBundle

SVG_NS = "{http://www.w3.org/2000/svg}"


def fills(svg: str) -> dict[str, set[str]]:
    root = ET.fromstring(svg)
    found: dict[str, set[str]] = {}
    for shape in root.iter(f"{SVG_NS}ellipse"):
        found.setdefault(shape.attrib["data-muscle"], set()).add(shape.attrib["fill"])
    return found


def test_every_muscle_has_a_region_and_a_highlighter_mapping(knowledge_base: SeedBundle) -> None:
    muscles = {m.slug for m in knowledge_base.muscles}
    assert set(REGIONS) == muscles
    assert set(BODY_HIGHLIGHTER_NAMES) == muscles
    assert {n for names in BODY_HIGHLIGHTER_NAMES.values() for n in names} <= BODY_HIGHLIGHTER_MUSCLES


def test_targets_strong_secondary_light_the_rest_plain() -> None:
    svg = muscle_map_svg(exercise_levels(["glutes"], ["hamstrings"]), title="Hip thrust")
    found = fills(svg)
    assert found["glutes"] == {shade(1.0)}
    assert found["hamstrings"] == {shade(0.4)}
    assert all(f == {UNWORKED} for m, f in found.items() if m not in {"glutes", "hamstrings"})
    root = ET.fromstring(svg)
    assert root.attrib["role"] == "img"
    assert root.find(f"{SVG_NS}title").text == "Hip thrust"  # type: ignore[union-attr]
    assert "glutes" in (root.find(f"{SVG_NS}desc").text or "").lower()  # type: ignore[union-attr]


def _centre(muscle: str) -> tuple[float, float]:
    view, dx, y, _, _, bilateral = REGIONS[muscle][0]
    x = FIGURE_WIDTH / 2 + (FIGURE_WIDTH if view == BACK else 0) + (dx if bilateral else 0)
    return x, y


def test_chromium_draws_the_targets_coloured_and_the_rest_not(tmp_path: Path) -> None:
    assert CHROMIUM.exists(), "Debian's Chromium is missing"
    assert REGIONS["glutes"][0][0] == BACK and REGIONS["pectorals"][0][0] == FRONT
    svg = muscle_map_svg(exercise_levels(["glutes"], ["quadriceps"]), title="Barbell Hip Thrust")
    url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    points = {m: _centre(m) for m in ("glutes", "quadriceps", "pectorals", "lats")}
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=30_000
        )
        try:
            page = context.new_page()
            page.set_content("<html><body></body></html>")
            colours = page.evaluate(
                """async ([url, points]) => {
                  const img = new Image();
                  img.src = url;
                  await img.decode();
                  const canvas = document.createElement('canvas');
                  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
                  const g = canvas.getContext('2d');
                  g.drawImage(img, 0, 0);
                  const out = {};
                  for (const [name, [x, y]] of Object.entries(points)) {
                    out[name] = Array.from(g.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3));
                  }
                  return out;
                }""",
                [url, points],
            )
        finally:
            context.close()
            shutil.rmtree(tmp_path / "profile", ignore_errors=True)

    def rgb(hex_colour: str) -> list[int]:
        return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]

    def near(found: list[int], wanted: str) -> bool:
        return all(abs(a - b) <= 3 for a, b in zip(found, rgb(wanted), strict=True))

    assert near(colours["glutes"], shade(1.0))
    assert near(colours["quadriceps"], shade(0.4))
    assert near(colours["pectorals"], UNWORKED)
    assert near(colours["lats"], UNWORKED)


@pytest.mark.parametrize("path", ["/exercises/barbell-hip-thrust/muscles.svg", "/plans/muscles.svg?plan=push-up:4"])
async def test_maps_are_served_as_images(api: Api, path: str) -> None:
    response = await api.client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    found = fills(response.text)
    strong = "glutes" if "thrust" in path else "pectorals"
    assert found[strong] == {shade(1.0)}


async def test_map_requests_name_what_is_wrong(api: Api) -> None:
    missing = await api.client.get("/exercises/no-such-lift/muscles.svg")
    assert missing.status_code == 404
    unknown = await api.client.get("/plans/muscles.svg?plan=push-up,air-guitar:3")
    assert unknown.status_code == 400 and "air-guitar" in unknown.text
    malformed = await api.client.get("/plans/muscles.svg?plan=push-up:many")
    assert malformed.status_code == 400 and "slug:sets" in malformed.text


async def test_graphql_maps_and_highlighter_names(api: Api) -> None:
    data = await api.data("""{
      exercise(slug: "barbell-hip-thrust") { muscleMap }
      planCoverage(plan: [{slug: "barbell-back-squat"}]) { muscleMap }
      muscle(slug: "soleus") { bodyHighlighterNames }
    }""")
    assert fills(data["exercise"]["muscleMap"])["glutes"] == {shade(1.0)}
    plan = fills(data["planCoverage"]["muscleMap"])
    assert plan["quadriceps"] == {shade(1.0)} and plan["lats"] == {UNWORKED}
    assert data["muscle"]["bodyHighlighterNames"] == ["left-soleus", "right-soleus"]
