"""Every query the README shows answers as the README says, on both engines.

A `graphql` block followed by a `json` block is an example: the JSON is the whole answer (with or without the
`{"data": …}` envelope), compared exactly but for float rounding."""

import json
import math
import re
from typing import Any

import pytest
from api_client import Api

from graph_service.config import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
EXAMPLE = re.compile(r"```graphql\n(?P<query>.*?)```\s*\n```json\n(?P<answer>.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    return [(m["query"], m["answer"]) for m in EXAMPLE.finditer(text)]


def same(shown: Any, answered: Any, path: str = "") -> list[str]:
    """Where the shown answer and the real one differ; floats agree to the digits the README shows."""
    numbers = isinstance(shown, (int, float)) and isinstance(answered, (int, float))
    if numbers and (isinstance(shown, float) or isinstance(answered, float)):
        return [] if math.isclose(shown, answered, abs_tol=5e-4) else [f"{path}: {shown} != {answered}"]
    if isinstance(shown, dict) and isinstance(answered, dict):
        if shown.keys() != answered.keys():
            return [f"{path}: keys {sorted(shown)} != {sorted(answered)}"]
        return [d for k in shown for d in same(shown[k], answered[k], f"{path}.{k}")]
    if isinstance(shown, list) and isinstance(answered, list):
        if len(shown) != len(answered):
            return [f"{path}: {len(shown)} items shown, {len(answered)} answered"]
        return [d for i, (s, a) in enumerate(zip(shown, answered, strict=True)) for d in same(s, a, f"{path}[{i}]")]
    return [] if shown == answered else [f"{path}: {shown!r} != {answered!r}"]


def test_the_readme_shows_examples() -> None:
    assert len(examples()) >= 1


@pytest.mark.parametrize("index", range(len(examples())))
async def test_a_readme_example_answers_as_shown(api: Api, index: int) -> None:
    query, answer = examples()[index]
    shown = json.loads(answer)
    shown = shown.get("data", shown) if isinstance(shown, dict) and set(shown) == {"data"} else shown
    data = await api.data(query)
    differences = same(shown, data)
    assert not differences, f"README example {index + 1}:\n" + "\n".join(differences[:20])
