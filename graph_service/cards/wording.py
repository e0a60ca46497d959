"""Small pieces of English the generated card text is built from."""

from collections.abc import Sequence

from graph_service.cards.facts import ExerciseFacts, Named
from graph_service.model import BODY_WEIGHT

FULL_BODY = "cardio"


def lower(name: str) -> str:
    """A display name inside a sentence: `Flat Bench` -> `flat bench`, while `EZ Bar` keeps its `EZ`."""
    return " ".join(w if any(c.isupper() for c in w[1:]) else w.lower() for w in name.split(" "))


def join(items: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def article(phrase: str) -> str:
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def muscles(named: Sequence[Named]) -> str:
    """`the glutes and hamstrings`."""
    return f"the {join([lower(n.name) for n in named])}"


def body_part(facts: ExerciseFacts) -> str:
    if facts.body_part is None:
        return ""
    return "the whole body" if facts.body_part.slug == FULL_BODY else f"the {lower(facts.body_part.name)}"


def gear(facts: ExerciseFacts) -> list[str]:
    """The implements with their articles; empty for body-weight work or when no equipment is known."""
    return [article(lower(q.name)) for q in facts.equipment if q.slug != BODY_WEIGHT]


def body_weight_only(facts: ExerciseFacts) -> bool:
    return bool(facts.equipment) and all(q.slug == BODY_WEIGHT for q in facts.equipment)


def kind(facts: ExerciseFacts) -> str:
    """`a beginner strength exercise`, `an advanced Olympic weightlifting exercise`."""
    category = facts.category.replace("olympic", "Olympic")
    return article(" ".join(p for p in (facts.difficulty, category, "exercise") if p))
