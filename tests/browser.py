"""Debian's Chromium as the browser tests and the frontend benchmark drive it (playwright never downloads one)."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Flags that let it run headless here, talking to nothing but the page's own server.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
