"""The exercise card links the service's muscle map of the exercise, and the link answers with that picture."""

import re
from pathlib import Path

from api_client import Api

from graph_service.cards import parse_card
from graph_service.cards.render import muscle_map_url

LINK = re.compile(r"^\[(?P<text>[^\]]+)\]\((?P<url>[^)]+)\)$")


def test_the_link_is_a_path_on_the_serving_host() -> None:
    assert muscle_map_url("barbell-hip-thrust") == "/exercises/barbell-hip-thrust/muscles.svg"
    assert muscle_map_url("a/b c") == "/exercises/a%2Fb%20c/muscles.svg"


async def test_the_card_links_the_muscle_map_it_serves(api: Api) -> None:
    card = (await api.data('{ exercise(slug: "barbell-hip-thrust") { card muscleMap } }'))["exercise"]
    lines = card["card"].splitlines()
    section = lines[lines.index("## Muscle map") + 2]
    link = LINK.match(section)
    assert link, section
    assert link["text"] == "Muscles the Barbell Hip Thrust works, front and back"
    assert link["url"] == "/exercises/barbell-hip-thrust/muscles.svg"
    answered = await api.client.get(link["url"])
    assert answered.status_code == 200 and answered.headers["content-type"].startswith("image/svg+xml")
    assert answered.text == card["muscleMap"]
    # Importing the card again reads past the section, as it does the FAQ.
    assert parse_card(card["card"], Path("barbell-hip-thrust.md")).problems == []
