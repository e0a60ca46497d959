"""The free-exercise-db format: a JSON array of exercises with `primaryMuscles`, `secondaryMuscles`, one
`equipment` term, a `level` and a `category`. It names no body part; the importer derives one."""

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

from graph_service.importers.common import SourceExercise, clean_lines
from graph_service.importers.source_file import read_json, validate_records

SOURCE = "free-exercise-db"
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


def _convert(r: Any) -> SourceExercise:
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
    )


def read_free_exercise_db(path: Path) -> list[SourceExercise]:
    return validate_records(path, read_json(path), lambda _: FreeExerciseRecord, _convert)
