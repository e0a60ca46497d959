"""Exercise cards: Markdown pages rendered from the graph, and read back by the card importer."""

from graph_service.cards.export import card_markdown, write_cards
from graph_service.cards.facts import Alternative, ExerciseFacts, Named, load_facts
from graph_service.cards.faq import faq
from graph_service.cards.parse import ParsedCard, parse_card
from graph_service.cards.render import render_card

__all__ = [
    "Alternative",
    "ExerciseFacts",
    "Named",
    "ParsedCard",
    "card_markdown",
    "faq",
    "load_facts",
    "parse_card",
    "render_card",
    "write_cards",
]
