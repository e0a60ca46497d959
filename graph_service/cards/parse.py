"""Read a Markdown exercise card back into its parts, remembering the line each fact came from.

Parsing is about structure only; turning names into graph slugs happens in the card importer. Optional sections
may be missing; the FAQ and related links are generated from the graph, so they are read past, not imported.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

FACT = re.compile(r"^[-*+]\s+\*\*(?P<label>[^*]+?):?\*\*:?\s*(?P<value>.*)$")
BULLET = re.compile(r"^[-*+]\s+(?P<text>.+)$")
STEP = re.compile(r"^\d+[.)]\s+(?P<text>.+)$")
RULE = re.compile(r"^(-{3,}|\*{3,}|_{3,})$")

SECTIONS = {
    "quick answer": "summary",
    "how to perform": "steps",
    "instructions": "steps",
    "pro tips": "tips",
    "tips": "tips",
    "common mistakes": "mistakes",
    "mistakes": "mistakes",
}
FACT_LABELS = {
    "body part": "body_part",
    "equipment": "equipment",
    "movement pattern": "patterns",
    "movement patterns": "patterns",
    "target muscle": "targets",
    "target muscles": "targets",
    "secondary muscle": "secondary",
    "secondary muscles": "secondary",
    "difficulty": "difficulty",
    "category": "category",
    "force": "force",
    "mechanic": "mechanic",
    "variation of": "variation_of",
    "also known as": "aliases",
}


@dataclass(frozen=True)
class Fact:
    value: str
    line: int


@dataclass
class ParsedCard:
    path: Path
    title: str | None = None
    title_line: int = 0
    summary: str | None = None
    facts: dict[str, Fact] = field(default_factory=dict)
    steps: list[str] | None = None
    tips: list[str] | None = None
    mistakes: list[str] | None = None
    problems: list[str] = field(default_factory=list)

    def where(self, line: int) -> str:
        return f"{self.path}:{line}"


def parse_card(text: str, path: Path) -> ParsedCard:
    card = ParsedCard(path=path)
    section: str | None = "preamble"
    summary: list[str] = []
    items: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if raw.startswith("# ") and card.title is None:
            card.title, card.title_line = line[2:].strip(), number
            continue
        if raw.startswith("## "):
            section = SECTIONS.get(line[3:].strip().lower())
            items = None
            if section in ("steps", "tips", "mistakes"):
                items = []
                setattr(card, section, items)
            continue
        if not line or RULE.match(line) or section is None:
            continue
        if section in ("preamble", "summary"):
            if fact := FACT.match(line):
                _add_fact(card, fact["label"], fact["value"], number)
            else:
                summary.append(line)
        elif items is not None:
            found = STEP.match(line) or BULLET.match(line)
            if found:
                items.append(found["text"].strip())
            elif raw[:1].isspace() and items:
                items[-1] += " " + line  # a list item continued on the next line
            else:
                card.problems.append(f"{card.where(number)}: expected a list item, found {line[:60]!r}")
    if card.title is None:
        card.problems.append(f"{path}:1: no title (a first line like '# Barbell Hip Thrust')")
    if summary:
        card.summary = " ".join(summary)
    return card


def _add_fact(card: ParsedCard, label: str, value: str, line: int) -> None:
    key = FACT_LABELS.get(" ".join(label.lower().split()))
    if key is None:
        card.problems.append(f"{card.where(line)}: unknown fact {label.strip()!r}")
    elif key in card.facts:
        card.problems.append(
            f"{card.where(line)}: {label.strip()!r} is given twice (first on line {card.facts[key].line})"
        )
    else:
        card.facts[key] = Fact(value.strip(), line)


def read_card(path: Path) -> ParsedCard:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        card = ParsedCard(path=path)
        card.problems.append(f"{path}: not readable: {e}")
        return card
    return parse_card(text, path)
