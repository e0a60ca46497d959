"""Muscle maps as images: GET /exercises/{slug}/muscles.svg and GET /plans/muscles.svg?plan=slug:sets,...

Each runs the GraphQL field that draws the map (Exercise.muscleMap, PlanCoverage.muscleMap) through the schema,
so the checks, errors and reads are the API's own.
"""

from typing import Any

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from graph_service.api.context import Context
from graph_service.api.schema import schema

SVG = "image/svg+xml"
EXERCISE_MAP = "query($slug: String!) { exercise(slug: $slug) { muscleMap } }"
PLAN_MAP = "query($plan: [PlanItemInput!]!) { planCoverage(plan: $plan) { muscleMap } }"
DEFAULT_SETS = 3


def parse_plan(text: str) -> list[dict[str, Any]]:
    """`slug:sets,slug,...` as plan items (sets 3 when left out); ValueError names what is wrong."""
    items = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        slug, _, sets = part.partition(":")
        if sets and not sets.isdigit():
            raise ValueError(f"plan: {part!r} is not slug:sets")
        items.append({"slug": slug, "sets": int(sets) if sets else DEFAULT_SETS})
    if not items:
        raise ValueError("plan: give at least one slug, as plan=slug:sets,slug:sets")
    return items


async def _run(request: Request, document: str, variables: dict[str, Any]) -> tuple[Any, Response | None]:
    state = request.app.state
    context = Context(store=state.store, statistics=state.statistics, settings=state.settings)
    result = await schema.execute(document, variable_values=variables, context_value=context)
    if result.errors:
        error = result.errors[0]
        code = (error.extensions or {}).get("code")
        status = 400 if code in {"BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"} else 503 if code else 500
        return None, PlainTextResponse(error.message, status_code=status)
    return result.data, None


async def exercise_muscle_map(request: Request) -> Response:
    data, failed = await _run(request, EXERCISE_MAP, {"slug": request.path_params["slug"]})
    if failed:
        return failed
    if not data["exercise"]:
        return PlainTextResponse(f"no exercise with slug {request.path_params['slug']!r}", status_code=404)
    return Response(data["exercise"]["muscleMap"], media_type=SVG)


async def plan_muscle_map(request: Request) -> Response:
    try:
        plan = parse_plan(request.query_params.get("plan", ""))
    except ValueError as e:
        return PlainTextResponse(str(e), status_code=400)
    data, failed = await _run(request, PLAN_MAP, {"plan": plan})
    return failed or Response(data["planCoverage"]["muscleMap"], media_type=SVG)
