"""Reading a JSON source file as a whole and validating every record before anything is mapped or written."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from graph_service.importers.common import ImportValidationError, SourceExercise


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ImportValidationError([f"{path}: file not found"]) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ImportValidationError([f"{path}: not readable JSON: {e}"]) from None


def validate_records(
    path: Path,
    records: Any,
    model_for: Callable[[dict[str, Any]], type[BaseModel]],
    convert: Callable[[Any], SourceExercise],
) -> list[SourceExercise]:
    """Validate every record with the model `model_for` picks; raise naming every bad record, else convert all."""
    if not isinstance(records, list):
        raise ImportValidationError([f"{path}: expected a JSON array of exercises"])
    problems: list[str] = []
    out: list[SourceExercise] = []
    for number, raw in enumerate(records, start=1):
        where = f"{path.name} record {number}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected an object")
            continue
        label = raw.get("id") or raw.get("exerciseId") or raw.get("name")
        if isinstance(label, str):
            where += f" ({label})"
        try:
            out.append(convert(model_for(raw).model_validate(raw)))
        except ValidationError as e:
            for err in e.errors():
                loc = ".".join(str(p) for p in err["loc"]) or "record"
                problems.append(f"{where}: {loc}: {err['msg']}")
    if problems:
        raise ImportValidationError(problems)
    return out
