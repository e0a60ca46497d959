"""GraphiQL served by the service itself: no CDN at run time, every file checked by the browser against its hash.

scripts/install-js installs the pinned packages from graphiql/package-lock.json (npm checks each against the
lockfile's integrity hash) and copies their browser files to `ASSETS`. At start-up the page is built with a
Subresource Integrity hash of each file as served, so a file changed on disk is refused by the browser. The page
opens on an exercise page query with its variables, with the explorer plugin beside it.
"""

import base64
import hashlib
import html
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

log = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "static" / "graphiql"
ASSETS_PATH = "/graphiql-assets"
STYLES = ("graphiql.min.css", "plugin-explorer.css")
SCRIPTS = ("react.production.min.js", "react-dom.production.min.js", "graphiql.min.js", "plugin-explorer.umd.js")

EXAMPLE_QUERY = """# An exercise page: the exercise, what it trains and needs, alternatives and related links.
# Run it with Ctrl-Enter; the Explorer on the left builds queries by ticking fields.
query ExercisePage($slug: String!) {
  exercise(slug: $slug) {
    slug
    name
    difficulty
    category
    description
    instructions
    targets { slug name }
    secondaryMuscles { slug name }
    equipment { slug name }
    bodyPart { slug name }
    alternatives(first: 5) { score exercise { slug name } }
    related(first: 5) { kind slug name exercises { slug name } }
  }
}
"""
EXAMPLE_VARIABLES = {"slug": "barbell-hip-thrust"}

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Exercise graph · GraphiQL</title>
<style>body {{ margin: 0; }} #graphiql {{ height: 100vh; }}</style>
{styles}
</head>
<body>
<div id="graphiql">Loading…</div>
{scripts}
<script>
const fetcher = GraphiQL.createFetcher({{ url: new URL(window.location.pathname, window.location.origin).href }});
const explorer = GraphiQLPluginExplorer.explorerPlugin();
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {{
    fetcher,
    plugins: [explorer],
    query: {query},
    variables: {variables},
    defaultEditorToolsVisibility: "variables",
    inputValueDeprecation: true,
  }}),
);
</script>
</body>
</html>
"""


def integrity(path: Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


@dataclass(frozen=True)
class GraphiQLPage:
    html: str | None  # None: the assets are not installed

    @classmethod
    def build(cls, assets: Path = ASSETS) -> "GraphiQLPage":
        missing = [name for name in (*STYLES, *SCRIPTS) if not (assets / name).is_file()]
        if missing:
            log.error("GraphiQL is on but its files are missing from %s (run scripts/install-js)", assets)
            return cls(html=None)

        def url(name: str) -> str:
            return html.escape(f"{ASSETS_PATH}/{name}")

        styles = "\n".join(
            f'<link rel="stylesheet" href="{url(n)}" integrity="{integrity(assets / n)}">' for n in STYLES
        )
        scripts = "\n".join(f'<script src="{url(n)}" integrity="{integrity(assets / n)}"></script>' for n in SCRIPTS)
        # json.dumps makes JavaScript literals; "</" is escaped so no value can close the script element.
        query, variables = (
            json.dumps(value).replace("</", "<\\/")
            for value in (EXAMPLE_QUERY, json.dumps(EXAMPLE_VARIABLES, indent=2))
        )
        return cls(html=PAGE.format(styles=styles, scripts=scripts, query=query, variables=variables))

    def response(self) -> Response:
        if self.html is None:
            return PlainTextResponse("GraphiQL's files are not installed on this server (scripts/install-js).", 503)
        return HTMLResponse(self.html)


def assets_mount(assets: Path = ASSETS) -> Mount:
    # check_dir=False: a server without the files still starts; the page says what is missing.
    return Mount(ASSETS_PATH, app=StaticFiles(directory=assets, check_dir=False), name="graphiql-assets")
