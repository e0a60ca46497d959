"""Hostile requests and what the service does with them: fragment bombs, amplification, bad bodies, and
schema-generated documents with their variables (hypothesis-graphql). tests/test_hostile.py sends the same.

`python -m benchmarks.hostile` starts `graph-service serve` on each engine it can reach and prints, for each
hostile request, how long the service takes to refuse it, the /healthz p99 meanwhile, and the fuzz counts."""

import json
import statistics
import threading
import time
from typing import Any

import typer
from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    NameNode,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    parse,
    parse_type,
    print_ast,
    value_from_ast_untyped,
    visit,
)


def fragment_bomb(levels: int, *, aliases: bool = False) -> str:
    """Each fragment spreads the one before it twice: the document grows linearly, its expansion as 2**levels."""
    fragments = ["fragment F0 on Exercise { slug name }"]
    for i in range(1, levels + 1):
        if aliases:
            body = f"a: variationOf {{ ...F{i - 1} }} b: variationOf {{ ...F{i - 1} }}"
        else:
            body = f"...F{i - 1} variationOf {{ ...F{i - 1} }}"
        fragments.append(f"fragment F{i} on Exercise {{ {body} }}")
    return f'{{ exercise(slug: "push-up") {{ ...F{levels} }} }}\n' + "\n".join(fragments)


def wide_bomb(levels: int) -> str:
    """The same expansion without depth: each fragment selects the one before it under two aliases of one field."""
    fragments = ["fragment W0 on Query { muscles { slug } }"]
    fragments += [f"fragment W{i} on Query {{ ...W{i - 1} ...W{i - 1} }}" for i in range(1, levels + 1)]
    return f"{{ ...W{levels} }}\n" + "\n".join(fragments)


AMPLIFIED = "{ exercises(first: 100) { edges { node { alternatives(first: 50) { exercise { slug name } } } } } }"
ALIASED = "{ " + " ".join(f"a{i}: {AMPLIFIED[2:-2]}" for i in range(10)) + " }"

# (name, document): each refused with QUERY_TOO_COMPLEX.
HOSTILE_DOCUMENTS = [
    ("fragment bomb, 17 levels", fragment_bomb(17)),
    ("fragment bomb, 40 levels", fragment_bomb(40)),
    ("aliased fragment bomb, 17 levels", fragment_bomb(17, aliases=True)),
    ("wide fragment bomb, 30 levels", wide_bomb(30)),
    ("100 pages x 50 alternatives", AMPLIFIED),
    ("the same under 10 aliases", ALIASED),
    ("brackets 200 deep", "{" * 200 + "}" * 200),
]

# (name, content type, body, status, code): each refused before GraphQL runs.
HOSTILE_BODIES: list[tuple[str, str, bytes, int, str]] = [
    ("a JSON string", "application/json", b'"x"', 400, "BAD_REQUEST"),
    ("a JSON number", "application/json", b"5", 400, "BAD_REQUEST"),
    ("JSON null", "application/json", b"null", 400, "BAD_REQUEST"),
    ("JSON 3,000 deep", "application/json", b"[" * 3000 + b"]" * 3000, 400, "INVALID_JSON"),
    ("not UTF-8", "application/json", b'{"query": "{ muscles { slug } }\xff"}', 400, "UNSUPPORTED_ENCODING"),
    (
        "charset=latin-1",
        "application/json; charset=latin-1",
        '{"query": "{ exercise(slug: \\"café\\") { slug } }"}'.encode("latin-1"),
        400,
        "UNSUPPORTED_ENCODING",
    ),
    ("not JSON", "application/json", b"{query", 400, "INVALID_JSON"),
    (
        "100 KB",
        "application/json",
        b'{"query": "' + b" " * 100_000 + b'{ muscles { slug } }"}',
        413,
        "PAYLOAD_TOO_LARGE",
    ),
]


class _Hoist(Visitor):
    """Moves each literal argument value of a document into a variable of the argument's type."""

    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.definitions: list[VariableDefinitionNode] = []
        self.values: dict[str, Any] = {}

    def enter_argument(self, node: ArgumentNode, *_: object) -> ArgumentNode | None:
        input_type = self.type_info.get_input_type()
        if input_type is None or isinstance(node.value, VariableNode):
            return None
        name = f"v{len(self.definitions)}"
        self.values[name] = value_from_ast_untyped(node.value)
        variable = VariableNode(name=NameNode(value=name))
        self.definitions.append(VariableDefinitionNode(variable=variable, type=parse_type(str(input_type))))
        return ArgumentNode(name=node.name, value=variable)


def with_variables(schema: GraphQLSchema, query: str) -> tuple[str, dict[str, Any]]:
    """The document with its literal arguments passed as variables instead, and their values (as JSON)."""
    type_info = TypeInfo(schema)
    hoist = _Hoist(type_info)
    document: DocumentNode = visit(parse(query), TypeInfoVisitor(type_info, hoist))
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1:
        return query, {}
    operation = operations[0]
    hoisted = OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        variable_definitions=tuple(hoist.definitions),
        directives=operation.directives,
        selection_set=operation.selection_set,
    )
    others = tuple(d for d in document.definitions if d is not operation)
    variables = json.loads(json.dumps(hoist.values, default=str))
    return print_ast(DocumentNode(definitions=(hoisted, *others))), variables


def uncoded(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The errors of a GraphQL response that carry no code, or only the code of an unexpected failure."""
    return [
        e
        for e in body.get("errors") or []
        if not (e.get("extensions") or {}).get("code") or e["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    ]


def fuzzed_requests(schema: GraphQLSchema) -> Any:
    """A Hypothesis strategy of (document, variables): valid and invalid documents generated from the schema,
    half of them with their arguments passed as variables."""
    from hypothesis import strategies as st
    from hypothesis_graphql import Mode, from_schema

    documents = st.one_of(from_schema(schema, mode=Mode.POSITIVE), from_schema(schema, mode=Mode.NEGATIVE))

    @st.composite
    def requests(draw: Any) -> tuple[str, dict[str, Any]]:
        query = str(draw(documents))
        if draw(st.booleans()):
            try:
                return with_variables(schema, query)
            except GraphQLError:
                pass  # a document that does not parse keeps its text
        return query, {}

    return requests()


# The benchmark: `python -m benchmarks.hostile [--neo4j] [--fuzz N]`.


# (name, document): heavy documents each within the default cost limit, to time the worst accepted one.
def heavy_documents(first: int) -> list[tuple[str, str]]:
    return [
        (
            "pages x alternatives",
            f"{{ exercises(first: {first}) {{ edges {{ node {{ alternatives(first: 50) "
            "{ score exercise { slug name } } } } } }",
        ),
        (
            "pages x related",
            f"{{ exercises(first: {first}) {{ edges {{ node {{ related(first: 10) "
            "{ kind exercises { slug name } } } } } }",
        ),
        (
            "pages x links",
            f"{{ exercises(first: {first}) {{ edges {{ node {{ slug name description instructions "
            "targets { slug name } secondaryMuscles { slug name } equipment { slug name } variations { slug name } "
            "variationOf { slug name } } } } }",
        ),
        ("pages x cards", f"{{ exercises(first: {first}) {{ edges {{ node {{ card faq {{ answer }} }} }} }} }}"),
        (
            "pages x family",
            f"{{ exercises(first: {first}) {{ edges {{ node {{ variationOf {{ slug name }} "
            "variations { slug name } } } } }",
        ),
        (
            "pages x scalars",
            f"{{ exercises(first: {first}) {{ edges {{ node {{ slug name difficulty category force mechanic "
            "description instructions tips mistakes aliases sources } } } }",
        ),
        (
            "muscles x pages",
            f"{{ muscles {{ slug exercises(first: {first}) {{ totalCount edges {{ node {{ slug }} }} }} }} }}",
        ),
        (
            "search x alternatives",
            f'{{ search(text: "press", first: 50) {{ score node {{ ... on Exercise '
            f"{{ alternatives(first: {min(first, 50)}) {{ exercise {{ slug }} }} }} }} }} }}",
        ),
        (
            "aliased pages",
            "{ "
            + " ".join(
                f"a{i}: exercises(first: {first}, after: null) {{ totalCount "
                "edges { node { slug name targets { slug } } } }"
                for i in range(30)
            )
            + " }",
        ),
    ]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def time_refusals(base: str, repeats: int) -> list[tuple[str, str, float, float]]:
    """(request, what came back, median ms, max ms) for each hostile document and body, sent one at a time."""
    import httpx

    rows = []
    with httpx.Client(base_url=base, timeout=60) as client:
        cases: list[tuple[str, str, bytes]] = [
            (name, "application/json", json.dumps({"query": doc}).encode()) for name, doc in HOSTILE_DOCUMENTS
        ]
        cases += [(name, content_type, body) for name, content_type, body, _, _ in HOSTILE_BODIES]
        for name, content_type, body in cases:
            times, outcome = [], ""
            for _ in range(repeats):
                started = time.perf_counter()
                response = client.post("/graphql", content=body, headers={"content-type": content_type})
                times.append((time.perf_counter() - started) * 1000)
                codes = sorted({str((e.get("extensions") or {}).get("code")) for e in response.json()["errors"]})
                outcome = f"{response.status_code} {','.join(codes)}"
            rows.append((name, outcome, statistics.median(times), max(times)))
    return rows


def healthz_meanwhile(base: str, seconds: float, attackers: int = 4) -> tuple[int, int, float, float]:
    """(hostile requests refused, /healthz probes, /healthz p50 ms, p99 ms) while `attackers` threads send the
    hostile documents and bodies as fast as they are answered."""
    import httpx

    payloads = [("application/json", json.dumps({"query": doc}).encode()) for _, doc in HOSTILE_DOCUMENTS]
    payloads += [(content_type, body) for _, content_type, body, _, _ in HOSTILE_BODIES]
    stop = threading.Event()
    sent = [0] * attackers

    def attack(i: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while not stop.is_set():
                content_type, body = payloads[sent[i] % len(payloads)]
                client.post("/graphql", content=body, headers={"content-type": content_type})
                sent[i] += 1

    threads = [threading.Thread(target=attack, args=(i,)) for i in range(attackers)]
    for t in threads:
        t.start()
    probes: list[float] = []
    try:
        with httpx.Client(base_url=base, timeout=10) as bystander:
            ends = time.perf_counter() + seconds
            while time.perf_counter() < ends:
                started = time.perf_counter()
                bystander.get("/healthz").raise_for_status()
                probes.append((time.perf_counter() - started) * 1000)
                time.sleep(0.005)
    finally:
        stop.set()
        for t in threads:
            t.join()
    return sum(sent), len(probes), _percentile(probes, 0.5), _percentile(probes, 0.99)


def time_heavy(base: str, max_cost: int, repeats: int) -> list[tuple[str, int, int, float, float, str]]:
    """(document, its `first`, cost, median ms, max ms, codes) for each heavy shape at the largest `first` whose
    cost is within `max_cost`: the slowest of them bounds what an accepted document costs."""
    import httpx

    from graph_service.api.document_limits import DocumentChecks
    from graph_service.api.schema import schema

    checks = DocumentChecks()
    rows = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for index, (name, _) in enumerate(heavy_documents(1)):
            fits = [
                (first, document, cost)
                for first in range(100, 0, -1)
                for document in [heavy_documents(first)[index][1]]
                if (cost := checks.measure(schema._schema, document, None, {}).cost) <= max_cost
            ]
            if not fits:
                rows.append((name, 0, 0, float("nan"), float("nan"), "-"))
                continue
            first, document, cost = fits[0]
            client.post("/graphql", json={"query": document})  # once untimed: the engine plans its statements
            times, codes = [], ""
            for _ in range(repeats):
                started = time.perf_counter()
                response = client.post("/graphql", json={"query": document})
                times.append((time.perf_counter() - started) * 1000)
                errors = response.json().get("errors") or []
                codes = ",".join(sorted({str((e.get("extensions") or {}).get("code")) for e in errors})) or "OK"
            rows.append((name, first, cost, statistics.median(times), max(times), codes))
    return rows


def fuzz_counts(base: str, requests: int) -> tuple[int, int, int, dict[str, int], float]:
    """(requests, 5xx, uncoded errors, answers by code, seconds) for `requests` schema-generated requests."""
    import httpx
    from hypothesis import HealthCheck, given, settings

    from graph_service.api.schema import schema

    server_errors = uncoded_errors = 0
    codes: dict[str, int] = {}
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=60) as client:

        @settings(
            max_examples=requests,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(request=fuzzed_requests(schema._schema))
        def send(request: tuple[str, dict[str, Any]]) -> None:
            nonlocal server_errors, uncoded_errors
            query, variables = request
            response = client.post("/graphql", json={"query": query, "variables": variables})
            server_errors += response.status_code >= 500
            if response.status_code < 500:
                body = response.json()
                uncoded_errors += len(uncoded(body))
                code = next((str((e.get("extensions") or {}).get("code")) for e in body.get("errors") or []), "OK")
                codes[code] = codes.get(code, 0) + 1

        send()
    return sum(codes.values()) + server_errors, server_errors, uncoded_errors, codes, time.perf_counter() - started


def table(title: str, header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    cells = [header, *[tuple(f"{v:.1f}" if isinstance(v, float) else str(v) for v in row) for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [title, "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells[1:]]
    return "\n".join(lines)


def measure_engine(engine: str, base: str, *, repeats: int, fuzz: int, max_cost: int) -> str:
    refusals = time_refusals(base, repeats)
    sent, probes, p50, p99 = healthz_meanwhile(base, seconds=10)
    heavy = time_heavy(base, max_cost, max(3, repeats // 4))
    total, server_errors, uncoded_errors, codes, seconds = fuzz_counts(base, fuzz) if fuzz else (0, 0, 0, {}, 0.0)
    return "\n\n".join(
        [
            table(
                f"{engine}: hostile requests, each sent {repeats} times",
                ("request", "answer", "median ms", "max ms"),
                refusals,
            ),
            f"{engine}: /healthz while 4 clients sent {sent} hostile requests: {probes} probes, "
            f"p50 {p50:.1f} ms, p99 {p99:.1f} ms",
            table(
                f"{engine}: the heaviest accepted documents (MAX_QUERY_COST {max_cost})",
                ("document", "first", "cost", "median ms", "max ms", "codes"),
                heavy,
            ),
            f"{engine}: fuzz: {total} requests in {seconds:.1f} s, {server_errors} 5xx, {uncoded_errors} uncoded "
            f"errors; answers by first code: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())),
        ]
    )


def main(
    neo4j: bool = typer.Option(False, help="also start Neo4j through the test suite's launcher"),
    fuzz: int = typer.Option(1000, help="schema-generated requests per engine"),
    repeats: int = typer.Option(20, help="times each hostile request is sent"),
    max_cost: int = typer.Option(0, help="MAX_QUERY_COST for the server (0: the setting's default)"),
) -> None:
    import asyncio
    import sys
    import tempfile
    from pathlib import Path

    from benchmarks.servers import HOST, free_port, graph_service_command, serving
    from graph_service.config import PROJECT_ROOT, Settings
    from graph_service.seeding import load_seed, write_seed
    from graph_service.store import open_store

    cost = max_cost or Settings.model_fields["max_query_cost"].default

    def run(engine: str, env: dict[str, str], tmp: Path) -> None:
        port = free_port()
        env = env | {"HOST": HOST, "PORT": str(port), "GRAPHIQL": "false", "MAX_QUERY_COST": str(cost)}
        command = [*graph_service_command(), "--host", HOST, "--port", str(port)]
        with serving(engine, command, env=env, log=tmp / f"{engine}.log", port=port):
            report = measure_engine(engine, f"http://{HOST}:{port}", repeats=repeats, fuzz=fuzz, max_cost=cost)
        print(report + "\n", flush=True)

    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        run("embedded", {"NEO4J_URI": "", "EMBEDDED_DB_PATH": str(tmp / "hostile.db")}, tmp)
        if not neo4j:
            return
        sys.path.insert(0, str(PROJECT_ROOT / "tests"))  # the test suite's launcher: a real Neo4j without Docker
        from neo4j_server import running_neo4j

        with running_neo4j(tmp / "neo4j") as uri:

            async def seed() -> None:
                # Loading on a busy machine may take longer than one request may.
                store = await open_store(Settings(neo4j_uri=uri, query_timeout=600))
                try:
                    await store.apply_schema()
                    await write_seed(store, load_seed(PROJECT_ROOT / "seed"), batch_size=1000, reset=True)
                finally:
                    await store.close()

            asyncio.run(seed())
            run("neo4j", {"NEO4J_URI": uri, "NEO4J_PASSWORD": ""}, tmp)


if __name__ == "__main__":
    typer.run(main)
