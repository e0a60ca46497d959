"""Questions people ask about an exercise: answered from the graph's facts alone (`faq`), and beside those the
answers a curator wrote (seed/guidance.yaml), which say what the facts cannot (`full_faq`).

Both are pure functions of an exercise's facts, so the card, the CLI and the GraphQL API give the same answers.
"""

from dataclasses import dataclass
from enum import StrEnum

from graph_service.cards import wording as w
from graph_service.cards.facts import ExerciseFacts
from graph_service.model import DIFFICULTY_RANK, Difficulty

FaqEntry = tuple[str, str]


class FaqSource(StrEnum):
    CURATED = "curated"
    GENERATED = "generated"


@dataclass(frozen=True)
class FaqItem:
    question: str
    answer: str
    source: FaqSource


def full_faq(facts: ExerciseFacts) -> list[FaqItem]:
    """The curated answers first, then the generated ones whose question no curated answer already asks."""
    curated = [FaqItem(c.question, c.answer, FaqSource.CURATED) for c in facts.curated_faq]
    asked = {_question_key(c.question) for c in curated}
    generated = [FaqItem(q, a, FaqSource.GENERATED) for q, a in faq(facts) if _question_key(q) not in asked]
    return curated + generated


def _question_key(question: str) -> str:
    return " ".join(question.lower().rstrip("?").split())


def faq(facts: ExerciseFacts) -> list[FaqEntry]:
    """What it works, whether it suits beginners, what it needs and what to do instead, as (question, answer)."""
    entries = [_what_it_works(facts)]
    if facts.difficulty:  # unknown: no answer rather than a false one
        entries.append(_for_beginners(facts))
    if facts.equipment:
        entries.append(_equipment(facts))
    if facts.alternatives:
        entries.append(_alternatives(facts))
    return entries


def _what_it_works(x: ExerciseFacts) -> FaqEntry:
    question = f"What muscles does the {x.name} work?"
    where = f" for {w.body_part(x)}" if x.body_part else ""
    if not x.targets:
        answer = f"No single muscle leads: it is {w.kind(x)}{where} as a whole."
        if x.secondary:
            answer += f" It also calls on {w.muscles(x.secondary)}."
        return question, answer
    answer = f"It works {w.muscles(x.targets)} most"
    answer += f", with {w.muscles(x.secondary)} assisting." if x.secondary else "."
    return question, f"{answer} It is {w.kind(x)}{where}."


def _for_beginners(x: ExerciseFacts) -> FaqEntry:
    question = f"Is the {x.name} good for beginners?"
    focus = w.muscles(x.targets) if x.targets else w.body_part(x) or "your training"
    if x.difficulty == Difficulty.BEGINNER:
        return question, f"Yes. It is rated beginner, which makes it a sensible first exercise for {focus}."
    easier = [a.name for a in x.alternatives if _rank(a.difficulty) < _rank(x.difficulty)]
    hint = f" Easier options that work the same muscles: {w.join(easier)}." if easier else ""
    if x.difficulty == Difficulty.INTERMEDIATE:
        return question, (
            "It is rated intermediate. A beginner can get there after a few weeks of simpler work for "
            f"{focus}: start light and learn the movement before adding load.{hint}"
        )
    return question, (
        f"Not as a first step. It is rated {x.difficulty or 'without a level'} and asks for sound technique and a base "
        f"of strength, so build up to it with easier exercises first.{hint}"
    )


def _equipment(x: ExerciseFacts) -> FaqEntry:
    question = f"What equipment do I need for the {x.name}?"
    if w.body_weight_only(x):
        return question, "None. It is a body-weight exercise, so you can do it anywhere with a little space."
    return question, f"You need {w.join(w.gear(x))}."


def _alternatives(x: ExerciseFacts) -> FaqEntry:
    names = w.join([a.name for a in x.alternatives])
    return f"What can I do instead of the {x.name}?", f"Exercises that work the same muscles include {names}."


def _rank(difficulty: str) -> int:
    return DIFFICULTY_RANK[Difficulty(difficulty)] if difficulty in set(Difficulty) else len(DIFFICULTY_RANK)
