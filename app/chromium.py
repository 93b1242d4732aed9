"""Debian's Chromium as Playwright for Python drives it (it never downloads a browser of its own): the path
and the flags every headless run uses, shared by the browser tests and the page benchmark."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
