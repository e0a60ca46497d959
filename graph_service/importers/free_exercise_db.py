"""The free-exercise-db format: a JSON array of exercises with `primaryMuscles`, `secondaryMuscles`, one
`equipment` term, a `level` and a `category`. It names no body part; the importer derives one. Its `images` are
paths relative to where the dataset publishes them (the FREE_EXERCISE_DB_IMAGE_BASE_URL setting)."""

from functools import partial
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

from graph_service.config import FREE_EXERCISE_DB_IMAGES
from graph_service.importers.common import SourceExercise, clean_lines
from graph_service.importers.media import source_media
from graph_service.importers.source_file import read_json, validate_records

SOURCE = "free-exercise-db"
# The dataset states its license (its README and LICENSE file): public domain under the Unlicense.
LICENSE = "Unlicense"
# The dataset leaves equipment empty for exercises that need none.
NO_EQUIPMENT = "body only"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class FreeExerciseRecord(BaseModel):
    """One record as its JSON schema defines it. Vocabulary is checked by mapping, so a new term in a later
    release of the dataset is reported as unmapped rather than rejected."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[0-9a-zA-Z_-]+$")]
    name: Text
    force: str | None = None
    level: Text
    mechanic: str | None = None
    equipment: str | None = None
    primaryMuscles: list[Text]
    secondaryMuscles: list[Text] = []
    instructions: list[str] = []
    category: Text
    images: list[Text] = []


def _convert(r: Any, *, image_base_url: str) -> SourceExercise:
    assert isinstance(r, FreeExerciseRecord)
    return SourceExercise(
        source=SOURCE,
        source_id=r.id,
        name=" ".join(r.name.split()),
        targets=tuple(r.primaryMuscles),
        secondary=tuple(r.secondaryMuscles),
        equipment=(r.equipment or NO_EQUIPMENT,),
        difficulty=r.level,
        category=r.category,
        force=r.force,
        mechanic=r.mechanic,
        instructions=clean_lines(r.instructions),
        media=source_media(r.images, base_url=image_base_url, license=LICENSE),
    )


def read_free_exercise_db(path: Path, *, image_base_url: str = FREE_EXERCISE_DB_IMAGES) -> list[SourceExercise]:
    convert = partial(_convert, image_base_url=image_base_url)
    return validate_records(path, read_json(path), lambda _: FreeExerciseRecord, convert)
