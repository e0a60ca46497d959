"""The card's section of curated guidance: sets and reps by goal, and where to start with the load."""

from graph_service.cards.facts import ExerciseFacts

GUIDANCE = "Sets, reps and load"


def guidance_lines(x: ExerciseFacts) -> list[str]:
    """The section's Markdown lines; none for an exercise without curated guidance."""
    g = x.guidance
    if g is None:
        return []
    lines = [f"## {GUIDANCE}", ""]
    lines += [f"- **{p.goal.value.title()}:** {p.describe()}" for p in g.prescriptions]
    load = g.starting_load
    if g.starting_load_body_weight is not None:
        load += f" (about {g.starting_load_body_weight:.0%} of body weight)"
    return [*lines, f"- **Starting load:** {load}", ""]
