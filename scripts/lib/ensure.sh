# Sourced by the scripts beside it: installs what a command needs, once, and says so in a line per step.
# A stamp in .venv records what was installed from which pyproject.toml, so a second run does no pip or Maven work.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VENV="$ROOT/.venv"
STAMP="$VENV/.graph-service-installed"

step() { printf '==> %s\n' "$*" >&2; }

# The hash of what decides the Python install: the project's metadata and the interpreter's version.
python_inputs() {
  { cat "$ROOT/pyproject.toml"; "$VENV/bin/python" --version; } | sha256sum | cut -d' ' -f1
}

ensure_venv() {
  [ -x "$VENV/bin/python" ] && return
  local python
  python=$("$ROOT/scripts/find-python")
  step "creating .venv with $("$python" --version) ($python)"
  "$python" -m venv "$VENV"
}

# ensure_package EXTRA: the package in editable mode with an extra ("" for the service alone, "dev" for all).
ensure_package() {
  local extra=$1 wanted have
  ensure_venv
  wanted="$(python_inputs) ${extra:-runtime}"
  have=$(cat "$STAMP" 2>/dev/null || true)
  # A dev install holds everything the service needs, so it satisfies a runtime request too.
  if [ "$have" = "$wanted" ] || { [ -z "$extra" ] && [ "$have" = "$(python_inputs) dev" ]; }; then return; fi
  step "installing the package${extra:+ with its [$extra] extras} into .venv (first time: about 3 minutes," \
    "most of it compiling the embedded engine's server)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT${extra:+[$extra]}"
  echo "$wanted" > "$STAMP"
}

# The test-only Neo4j 5.26 launcher, rebuilt only when its sources changed.
ensure_launcher() {
  local project="$ROOT/tests/neo4j_launcher" stamp wanted
  stamp="$project/target/.built"
  wanted=$(find "$project/pom.xml" "$project/src" -type f -print0 | sort -z | xargs -0 cat | sha256sum | cut -d' ' -f1)
  [ "$(cat "$stamp" 2>/dev/null || true)" = "$wanted" ] && return
  step "building the test Neo4j launcher (first time: about 1 minute, Maven fetches Neo4j from Maven Central)"
  mvn -q -B -f "$project/pom.xml" package
  echo "$wanted" > "$stamp"
}

# Debian packages the tests use (as root, from Debian's archive).
ensure_debian() {
  local missing=() command package
  for pair in "$@"; do
    command=${pair%%:*} package=${pair#*:}
    command -v "$command" >/dev/null || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" != 0 ]; then
    step "missing Debian packages: ${missing[*]} (install them as root; the tests that need them will fail)"
    return
  fi
  step "installing Debian packages: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Other installers of the project's (Node packages, browsers), each a quick no-op when nothing changed.
ensure_extras() {
  local installer
  for installer in "$ROOT"/scripts/install-*; do
    [ -x "$installer" ] && "$installer"
  done
  return 0
}
