"""An exercise card: one Markdown page with the quick answer, the facts, how to perform it, tips, mistakes, an FAQ
and links to related pages. `parse.py` reads the same structure back."""

from urllib.parse import quote

from graph_service.cards import wording as w
from graph_service.cards.facts import ExerciseFacts, Named
from graph_service.cards.faq import full_faq
from graph_service.cards.guidance import guidance_lines
from graph_service.cards.media import media_lines

QUICK_ANSWER = "Quick answer"
HOW_TO = "How to perform"
TIPS = "Pro tips"
MISTAKES = "Common mistakes"
FAQ = "FAQ"
MUSCLE_MAP = "Muscle map"
RELATED = "Related exercises"
NONE = "None"


def summary_sentence(x: ExerciseFacts) -> str:
    """The generated part of the quick answer; the curated description, if any, comes before it."""
    where = f" for {w.body_part(x)}" if x.body_part else ""
    if w.body_weight_only(x):
        how = ", done with body weight alone"
    elif gear := w.gear(x):
        how = f", done with {w.join(gear)}"
    else:
        how = ""
    sentence = f"{w.kind(x)[0].upper()}{w.kind(x)[1:]}{where}{how}."
    if x.targets:
        sentence += f" It targets {w.muscles(x.targets)}"
        sentence += f" and also works {w.muscles(x.secondary)}." if x.secondary else "."
    return sentence


def quick_answer(x: ExerciseFacts) -> str:
    return " ".join(p for p in (" ".join(x.description.split()), summary_sentence(x)) if p)


def fact_lines(x: ExerciseFacts) -> list[tuple[str, str]]:
    def names(items: tuple[Named, ...]) -> str:
        return ", ".join(n.name for n in items) or NONE

    facts: list[tuple[str, str]] = []
    if x.body_part:
        facts.append(("Body Part", x.body_part.name))
    if x.equipment:
        facts.append(("Equipment", names(x.equipment)))
    if x.patterns:
        facts.append(("Movement Patterns" if len(x.patterns) > 1 else "Movement Pattern", names(x.patterns)))
    facts.append(("Target Muscles" if len(x.targets) > 1 else "Target Muscle", names(x.targets)))
    facts.append(("Secondary Muscles", names(x.secondary)))
    # An unknown difficulty or category (an imported exercise) is left out rather than guessed.
    if x.difficulty:
        facts.append(("Difficulty", x.difficulty.title()))
    if x.category:
        facts.append(("Category", x.category.title()))
    if x.force:
        facts.append(("Force", x.force.title()))
    if x.mechanic:
        facts.append(("Mechanic", x.mechanic.title()))
    if x.variation_of:
        facts.append(("Variation Of", x.variation_of.name))
    if x.aliases:
        facts.append(("Also Known As", ", ".join(x.aliases)))
    return facts


def related_links(x: ExerciseFacts, base_url: str) -> list[tuple[str, str]]:
    base = base_url.rstrip("/")
    links = []
    if x.body_part:
        links.append((f"More {x.body_part.name} Exercises", f"{base}/{x.body_part.slug}"))
    links += [(f"More {q.name} Exercises", f"{base}/equipment/{q.slug}") for q in x.equipment]
    links += [(f"More {m.name} Exercises", f"{base}/muscle/{m.slug}") for m in x.targets]
    return links


def muscle_map_url(slug: str) -> str:
    """The service's own picture of the exercise (`GET /exercises/{slug}/muscles.svg`), as a path on the host that
    serves the card: the settings name no public address of the API to make it absolute."""
    return f"/exercises/{quote(slug, safe='')}/muscles.svg"


def render_card(x: ExerciseFacts, *, base_url: str) -> str:
    out = [f"# {x.name}", "", f"## {QUICK_ANSWER}", "", quick_answer(x), ""]
    out += [f"- **{label}:** {value}" for label, value in fact_lines(x)]
    out += ["", "---", ""]
    out += media_lines(x.name, x.media)
    if x.instructions:
        out += [f"## {HOW_TO}", "", *(f"{n}. {_one_line(s)}" for n, s in enumerate(x.instructions, start=1)), ""]
    for title, items in ((TIPS, x.tips), (MISTAKES, x.mistakes)):
        if items:
            out += [f"## {title}", "", *(f"- {_one_line(s)}" for s in items), ""]
    out += guidance_lines(x)
    out += [f"## {FAQ}", ""]
    for item in full_faq(x):  # curated answers first
        out += [f"### {item.question}", "", item.answer, ""]
    # Read past on import, as the FAQ is: the picture is drawn from the graph.
    out += [f"## {MUSCLE_MAP}", "", f"[Muscles the {x.name} works, front and back]({muscle_map_url(x.slug)})", ""]
    links = related_links(x, base_url)
    if links:
        out += [f"## {RELATED}", "", *(f"- [{text}]({url})" for text, url in links), ""]
    return "\n".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())
