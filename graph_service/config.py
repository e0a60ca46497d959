"""Settings: one frozen object read from the environment once."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


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

    # Embedded FalkorDB (falkordblite): a child process persisting to one file.
    embedded_db_path: Path = Path("data/exercise-graph.db")
    embedded_graph: str = "exercises"
    embedded_max_connections: int = Field(default=16, ge=1)

    query_timeout: float = Field(default=10.0, gt=0, description="seconds one statement may run")
    write_batch_size: int = Field(default=1000, ge=1)
    write_concurrency: int = Field(
        default=2, ge=1, le=16, description="Neo4j: batch transactions a load keeps in flight at once"
    )
    card_base_url: str = Field(
        default="https://example.com/exercises", description="where exercise cards link related pages to"
    )

    # HTTP
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(default=1, ge=1)
    graphiql: bool = True
    cors_origins: list[str] = Field(default_factory=list, description="origins allowed to call the API")
    seed_if_empty: bool = Field(default=True, description="embedded engine: load the bundled base on first start")

    cypher_dir: Path = PROJECT_ROOT / "cypher"
    seed_dir: Path = PROJECT_ROOT / "seed"

    @property
    def engine(self) -> str:
        return "neo4j" if self.neo4j_uri else "falkordb"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
