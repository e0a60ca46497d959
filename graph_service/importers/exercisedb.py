"""The ExerciseDB format in both of its shapes.

The original shape has singular fields: `id`, `bodyPart`, `target`, `equipment`, plus `secondaryMuscles[]`,
`instructions[]` and, in later releases, `description`, `difficulty` and `category`. The open-source shape has
`exerciseId` and plural arrays: `bodyParts[]`, `targetMuscles[]`, `equipments[]`, with steps prefixed `Step:N`.
A file is a JSON array (or an object with the array under `data`); each record's shape is recognised by its keys.
Both shapes may carry a `gifUrl`: an animation of the exercise. The format states no license for it.
"""

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

from graph_service.importers.common import SourceExercise, SourceMedia, clean_lines
from graph_service.importers.media import URL_PATTERN
from graph_service.importers.source_file import read_json, validate_records
from graph_service.model import MediaKind

SOURCE = "exercisedb"
STEP_PREFIX = re.compile(r"^\s*step\s*:?\s*\d+\s*[:.)-]?\s*", re.IGNORECASE)
SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"})

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=URL_PATTERN)]


class OriginalRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: Text
    name: Text
    bodyPart: Text
    target: Text
    equipment: Text
    secondaryMuscles: list[Text] = []
    instructions: list[str] = []
    description: str | None = None
    difficulty: str | None = None
    category: str | None = None
    gifUrl: Url | None = None


class OpenRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    exerciseId: Text
    name: Text
    bodyParts: list[Text]
    targetMuscles: list[Text]
    equipments: list[Text]
    secondaryMuscles: list[Text] = []
    instructions: list[str] = []
    gifUrl: Url | None = None


def animation(url: str | None) -> tuple[SourceMedia, ...]:
    return (SourceMedia(url, MediaKind.ANIMATED_IMAGE),) if url else ()


def display_name(name: str) -> str:
    """ExerciseDB names are lower case; give them the capitals a page title needs."""
    name = " ".join(name.split())
    if name != name.lower():
        return name
    words = name.split(" ")
    return " ".join(w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _convert(r: Any) -> SourceExercise:
    if isinstance(r, OriginalRecord):
        return SourceExercise(
            source=SOURCE,
            source_id=r.id,
            name=display_name(r.name),
            targets=(r.target,),
            secondary=tuple(r.secondaryMuscles),
            equipment=(r.equipment,),
            body_parts=(r.bodyPart,),
            difficulty=r.difficulty,
            category=r.category,
            description=" ".join(r.description.split()) if r.description else None,
            instructions=clean_lines(r.instructions),
            media=animation(r.gifUrl),
        )
    assert isinstance(r, OpenRecord)
    return SourceExercise(
        source=SOURCE,
        source_id=r.exerciseId,
        name=display_name(r.name),
        targets=tuple(r.targetMuscles),
        secondary=tuple(r.secondaryMuscles),
        equipment=tuple(r.equipments),
        body_parts=tuple(r.bodyParts),
        instructions=clean_lines(STEP_PREFIX.sub("", step) for step in r.instructions),
        media=animation(r.gifUrl),
    )


def _shape(raw: dict[str, Any]) -> type[BaseModel]:
    return OpenRecord if "exerciseId" in raw else OriginalRecord


def read_exercisedb(path: Path) -> list[SourceExercise]:
    data = read_json(path)
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        data = data["data"]
    return validate_records(path, data, _shape, _convert)
