# The service image: the package and its runtime dependencies on python:3.12-slim, run as a non-root user.
# The build stage has a compiler because falkordblite (the embedded engine) builds from source, and npm for
# GraphiQL's files; the final stage gets only the finished virtual environment, which carries the Cypher library,
# the seed files and GraphiQL's files as package data.

FROM python:3.12-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential nodejs npm \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
WORKDIR /src
COPY pyproject.toml README.md ./
COPY graph_service ./graph_service
# graph_service/cypher and graph_service/seed link to these; the wheel takes their files.
COPY cypher ./cypher
COPY seed ./seed
# GraphiQL's browser files from the lockfile into graph_service/http/static, which the wheel carries.
COPY graphiql/package.json graphiql/package-lock.json ./graphiql/
COPY scripts/install-js ./scripts/install-js
RUN scripts/install-js
# Runtime dependencies only, within the ranges pinned in pyproject.toml; no test or dev extras.
RUN /opt/venv/bin/pip install .

FROM python:3.12-slim
# libgomp1: OpenMP runtime the embedded engine's graph module links against.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
RUN mkdir data && chown app:app data
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    EMBEDDED_DB_PATH=/app/data/exercise-graph.db
USER app
EXPOSE 8000
CMD ["graph-service", "serve", "--host", "0.0.0.0", "--port", "8000"]
