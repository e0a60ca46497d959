"""What a curator reviews after an import: every record's outcome and the new exercises that look like duplicates.

Records whose name is an existing exercise's but whose facts disagree are held, not created; the report lists
them with the exercises they name and why. A created exercise looks like a near-duplicate of an exercise that was
in the graph before the import when
- it was listed for review (it matched several exercises by movement and equipment), or
- its name without equipment words equals the other's (the same movement with another implement), or
- the two name keys are at least `SIMILAR` alike (rapidfuzz's normalised edit similarity, 0..100) and they share
  a target muscle.
Likelihood (0..1) orders them: review 0.9, the same movement 0.8, similarity up to 0.7; a shared target muscle
adds 0.1.
"""

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from graph_service.importers.matching import ExerciseIndex
from graph_service.importers.names import movement_key, name_key
from graph_service.importers.summary import ImportSummary, NearDuplicate, Outcome

SIMILAR = 85.0
CANDIDATES_PER_EXERCISE = 3


def near_duplicates(summary: ImportSummary, index: ExerciseIndex, before: Iterable[str]) -> list[NearDuplicate]:
    """The created exercises of `summary` that look like one of the exercises in `before`, most likely first."""
    existing = sorted(set(before))
    terms: list[str] = []
    owners: list[str] = []
    moves: dict[str, set[str]] = {}
    for slug in existing:
        props = index.props[slug]
        for term in {props.get("name") or slug, *(props.get("aliases") or [])}:
            terms.append(name_key(term))
            owners.append(slug)
            moves.setdefault(movement_key(term), set()).add(slug)
    found: list[NearDuplicate] = []
    for o in summary.outcomes:
        if o.outcome != "created" or o.slug is None:
            continue
        props = index.props[o.slug]
        name = str(props.get("name") or o.slug)
        hits = [(candidate, 0.9, _review_reason(str(o.review), candidate)) for candidate in o.candidates]
        move = movement_key(name)
        hits += [(c, 0.8, "the same movement with other equipment") for c in moves.get(move, ()) if move]
        for _, score, at in process.extract(
            name_key(name), terms, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=CANDIDATES_PER_EXERCISE * 3
        ):
            hits.append((owners[at], 0.7 * score / 100, f"similar name ({score:.0f}/100)"))
        mine = set(props.get("target_slugs") or [])
        best: dict[str, tuple[float, str]] = {}
        for candidate, likelihood, why in hits:
            shared = mine & set(index.props[candidate].get("target_slugs") or [])
            if candidate == o.slug or (likelihood <= 0.7 and not shared):
                continue
            score = likelihood + (0.1 if shared else 0.0)
            if score > best.get(candidate, (-1.0, ""))[0]:
                best[candidate] = (score, why + ("; a shared target muscle" if shared else ""))
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))[:CANDIDATES_PER_EXERCISE]
        found += [
            NearDuplicate(o.slug, name, c, str(index.props[c].get("name")), round(score, 3), why)
            for c, (score, why) in ranked
        ]
    return sorted(found, key=lambda d: (-d.likelihood, d.slug, d.candidate))


def _review_reason(review: str, candidate: str) -> str:
    """The part of a review note about one candidate: `same name, but a: x; b: y` gives `same name, but y` for b."""
    head, _, reasons = review.partition(", but ")
    for part in reasons.split("; "):
        if part.startswith(f"{candidate}: "):
            return f"{head}, but {part.removeprefix(candidate + ': ')}"
    return review


def report_data(summary: ImportSummary) -> dict[str, Any]:
    duplicates = summary.near_duplicates
    return {
        "source": summary.source,
        "dry_run": summary.dry_run,
        "records": summary.records,
        "counts": {
            "created": len(summary.created),
            "merged": len(summary.merged),
            "unchanged": summary.unchanged,
            "skipped": len(summary.skipped),
            "held_for_review": len(summary.held),
            "listed_for_review": len(summary.review),
            "near_duplicates": len({d.slug for d in duplicates}),
        },
        "outcomes": [{**asdict(o), "candidates": list(o.candidates)} for o in summary.outcomes],
        "near_duplicates": [asdict(d) for d in duplicates],
        "unmapped_terms": [
            {"kind": kind, "term": term, "records": n, "why": summary.reasons.get((kind, term))}
            for (kind, term), n in sorted((summary.unmapped + summary.by_design).items())
        ],
    }


def write_report(path: Path, summary: ImportSummary) -> tuple[Path, Path]:
    """Write the report as JSON (`path` with `.json`) and as Markdown tables (`path` with `.md`)."""
    json_path, md_path = path.with_suffix(".json"), path.with_suffix(".md")
    json_path.write_text(json.dumps(report_data(summary), indent=2) + "\n", encoding="utf-8")
    md_path.write_text(report_markdown(summary), encoding="utf-8")
    return json_path, md_path


def report_markdown(summary: ImportSummary) -> str:
    duplicates = summary.near_duplicates
    counts = report_data(summary)["counts"]
    lines = [
        f"# Import of {summary.source}: {summary.records} records" + (" (dry run)" if summary.dry_run else ""),
        "",
        "| outcome | records |",
        "| --- | ---: |",
        *(f"| {k.replace('_', ' ')} | {v} |" for k, v in counts.items()),
        "",
        "## Created exercises that look like duplicates",
        "",
        "| likelihood | created | looks like | why |",
        "| ---: | --- | --- | --- |",
        *(
            f"| {d.likelihood:.2f} | {_cell(d.name)} (`{d.slug}`) | {_cell(d.candidate_name)} (`{d.candidate}`) | "
            f"{_cell(d.why)} |"
            for d in duplicates
        ),
        "",
        "## Held for review: an exercise has the name, the facts disagree",
        "",
        "| record | name | same name as | why |",
        "| --- | --- | --- | --- |",
        *(
            f"| `{o.ref}` | {_cell(o.name)} | {', '.join(f'`{c}`' for c in o.candidates)} | {_cell(str(o.review))} |"
            for o in summary.held
        ),
        "",
        "## Every record",
        "",
        "| record | name | outcome | exercise | rule | note |",
        "| --- | --- | --- | --- | --- | --- |",
        *(_record_row(o) for o in summary.outcomes),
    ]
    return "\n".join(lines) + "\n"


def _record_row(o: Outcome) -> str:
    outcome = f"merged into `{o.slug}`" if o.outcome == "merged" else o.outcome
    exercise = f"`{o.slug}`" if o.slug else ""
    note = o.review or o.reason or ""
    if o.review and o.candidates:
        note = f"review: {note}"
    return f"| `{o.ref}` | {_cell(o.name)} | {outcome} | {exercise} | {o.rule} | {_cell(note)} |"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
