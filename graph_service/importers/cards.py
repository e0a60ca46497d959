"""Import a folder of Markdown exercise cards (the format `graph-service cards` writes).

A card is our own editorial format, so it is authoritative for what it states: its title, facts, steps, tips and
mistakes replace the exercise's, and each fact line replaces that kind of edge. What a card leaves out (an optional
section or fact line) stays as the graph has it. The exercise is found by the file name (its slug) or by its
title as a name or alias; a card for an unknown exercise creates it. The quick answer's closing sentences are
generated from the facts, so only the description before them is stored.

Every card is checked before anything is written: an unknown muscle, equipment, body part or level is reported
with its file and line, and any problem leaves the graph untouched.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph_service.cards.facts import ExerciseFacts, Named
from graph_service.cards.parse import Fact, ParsedCard, read_card
from graph_service.cards.render import NONE, summary_sentence
from graph_service.importers.common import (
    BODY_PART,
    EQUIPMENT,
    MOVEMENT_PATTERN,
    MUSCLE,
    ImportValidationError,
    Taxonomy,
    name_key,
    read_taxonomy,
    slugify,
)
from graph_service.importers.matching import ExerciseIndex
from graph_service.importers.merge import CATEGORY_TERMS, DIFFICULTY_TERMS, ImportPlan, ImportSummary
from graph_service.model import SLUG, Force, Mechanic
from graph_service.queries import Q
from graph_service.seeding.models import ExerciseEntry
from graph_service.seeding.writer import exercise_row
from graph_service.store import Row, Store

SOURCE = "cards"
REQUIRED = {"body_part": "Body Part", "difficulty": "Difficulty", "category": "Category"}


@dataclass
class _Card:
    parsed: ParsedCard
    slug: str
    row: Row


class _Reader:
    """Maps one card's names onto the taxonomy, collecting every problem with its file and line."""

    def __init__(self, taxonomy: Taxonomy, problems: list[str]) -> None:
        self.taxonomy = taxonomy
        self.problems = problems

    def names(self, card: ParsedCard, key: str, kind: str) -> list[str] | None:
        fact = card.facts.get(key)
        if fact is None:
            return None
        out: list[str] = []
        for term in _split(fact.value):
            slug = self.taxonomy.slug(kind, term)
            if slug is None:
                self.problems.append(f"{card.where(fact.line)}: unknown {kind} {term!r}")
            elif slug not in out:
                out.append(slug)
        return out

    def choice[T](self, card: ParsedCard, key: str, table: dict[str, T], label: str) -> T | None:
        fact = card.facts.get(key)
        if fact is None:
            return None
        value = table.get(" ".join(fact.value.lower().split()))
        if value is None:
            self.problems.append(f"{card.where(fact.line)}: unknown {label} {fact.value!r}")
        return value

    def named(self, kind: str, slugs: list[str] | None) -> tuple[Named, ...]:
        items = (Named(s, self.taxonomy.name(kind, s)) for s in slugs or [])
        return tuple(sorted(items, key=lambda n: (n.name, n.slug)))


def _split(value: str) -> list[str]:
    if value.strip().lower() in ("", NONE.lower(), "-", "—"):
        return []
    return [t.strip() for t in value.split(",") if t.strip()]


def _card_row(reader: _Reader, card: ParsedCard, slug: str, existing: dict[str, Any]) -> Row | None:
    problems_before = len(reader.problems)
    for key, label in REQUIRED.items():
        if key not in card.facts:
            reader.problems.append(f"{card.where(card.title_line or 1)}: missing the fact {label!r}")
    parts = reader.names(card, "body_part", BODY_PART)
    targets = reader.names(card, "targets", MUSCLE)
    secondary = reader.names(card, "secondary", MUSCLE)
    if secondary is not None and targets:
        secondary = [m for m in secondary if m not in targets]
    equipment = reader.names(card, "equipment", EQUIPMENT)
    patterns = reader.names(card, "patterns", MOVEMENT_PATTERN)
    difficulty = reader.choice(card, "difficulty", DIFFICULTY_TERMS, "difficulty")
    category = reader.choice(card, "category", CATEGORY_TERMS, "category")
    force = reader.choice(card, "force", {f.value: f for f in Force}, "force")
    mechanic = reader.choice(card, "mechanic", {m.value: m for m in Mechanic}, "mechanic")
    if parts == []:
        reader.problems.append(f"{card.where(card.facts['body_part'].line)}: no body part given")
    if len(reader.problems) > problems_before or not parts or difficulty is None or category is None:
        return None
    assert card.title is not None
    aliases = (
        [a.lower() for a in _split(card.facts["aliases"].value)] if "aliases" in card.facts else existing.get("aliases")
    )
    facts = ExerciseFacts(
        slug=slug,
        name=card.title,
        difficulty=difficulty.value,
        category=category.value,
        body_part=reader.named(BODY_PART, parts)[0],
        targets=reader.named(MUSCLE, targets),
        secondary=reader.named(MUSCLE, secondary),
        equipment=reader.named(EQUIPMENT, equipment),
        patterns=reader.named(MOVEMENT_PATTERN, patterns),
    )
    entry = ExerciseEntry.model_construct(
        slug=slug,
        name=card.title,
        aliases=list(aliases or []),
        body_part=parts[0],
        targets=targets or [],
        secondary=secondary or [],
        equipment=equipment or [],
        patterns=patterns or [],
        difficulty=difficulty,
        category=category,
        force=force or _enum(Force, existing.get("force")),
        mechanic=mechanic or _enum(Mechanic, existing.get("mechanic")),
        variation_of=None,
        description=_description(card.summary, facts) if card.summary is not None else existing.get("description"),
        instructions=card.steps if card.steps is not None else list(existing.get("instructions") or []),
        tips=card.tips if card.tips is not None else list(existing.get("tips") or []),
        mistakes=card.mistakes if card.mistakes is not None else list(existing.get("mistakes") or []),
    )
    row = exercise_row(entry)
    row["props"] = {k: v for k, v in row["props"].items() if v is not None}
    row.update(targets=targets, secondary=secondary, equipment=equipment, patterns=patterns, body_part=parts[0])
    return row


def _enum[E: (Force, Mechanic)](enum: type[E], value: Any) -> E | None:
    return enum(value) if value in {e.value for e in enum} else None


def _description(summary: str, facts: ExerciseFacts) -> str:
    """The quick answer without its generated closing sentences."""
    generated = summary_sentence(facts)
    if summary == generated:
        return ""
    if summary.endswith(" " + generated):
        return summary[: -len(generated) - 1]
    return summary


async def prepare_card_import(store: Store, folder: Path, *, seed_dir: Path, dry_run: bool = False) -> ImportPlan:
    paths = sorted(folder.glob("*.md")) if folder.is_dir() else []
    if not paths:
        raise ImportValidationError([f"{folder}: no cards (*.md) found"])
    taxonomy = await read_taxonomy(store, seed_dir)
    index = ExerciseIndex(await store.read(Q.EXERCISE_INDEX))
    summary = ImportSummary(source=SOURCE, dry_run=dry_run)
    problems: list[str] = []
    reader = _Reader(taxonomy, problems)
    cards: list[_Card] = []
    claimed: dict[str, Path] = {}
    for path in paths:
        parsed = read_card(path)
        problems += parsed.problems
        if parsed.title is None:
            continue
        slug = path.stem if SLUG.match(path.stem) else slugify(parsed.title)
        if slug not in index.props:
            slug = index.find_name(parsed.title) or slug
        if slug in claimed:
            problems.append(f"{path}: the same exercise ({slug}) as {claimed[slug]}")
            continue
        claimed[slug] = path
        row = _card_row(reader, parsed, slug, index.props.get(slug, {}))
        if row is not None:
            cards.append(_Card(parsed, slug, row))
    variations = _variation_rows(cards, index, problems)
    if problems:
        raise ImportValidationError(problems)
    creates = [c.row for c in cards if c.slug not in index.props]
    merges = [c.row for c in cards if c.slug in index.props]
    summary.records = len(paths)
    summary.created = [r["slug"] for r in creates]
    summary.merged = [(str(c.parsed.path), c.slug) for c in cards if c.slug in index.props]
    return ImportPlan(creates=creates, merges=merges, summary=summary, variations=variations)


def _variation_rows(cards: list[_Card], index: ExerciseIndex, problems: list[str]) -> list[Row]:
    by_title = {name_key(c.parsed.title or ""): c.slug for c in cards}
    rows = []
    for c in cards:
        fact: Fact | None = c.parsed.facts.get("variation_of")
        if fact is None:
            continue
        base = by_title.get(name_key(fact.value)) or index.find_name(fact.value)
        if base is None:
            problems.append(f"{c.parsed.where(fact.line)}: unknown exercise {fact.value!r} in 'Variation Of'")
        elif base == c.slug:
            problems.append(f"{c.parsed.where(fact.line)}: an exercise cannot be a variation of itself")
        else:
            rows.append({"exercise": c.slug, "base": base})
    return rows
