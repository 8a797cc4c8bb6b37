"""Headless Chromium for the tests that look at pages as a person would (Playwright, driving
Debian's ``chromium`` package: no browser download). Where either is missing the tests skip, and
say so in the summary (pytest -rs) and on stderr."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.async_api import Browser

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def chromium_path() -> str | None:
    explicit = os.environ.get("SPECTROCOIN_CHROMIUM")
    if explicit:
        return explicit
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _skip(why: str) -> None:
    message = f"SKIPPED browser test: {why}"
    print(f"\n*** {message} ***", file=sys.stderr)
    pytest.skip(message)


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """A headless Chromium, or a loud skip where it cannot be had."""
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        _skip("the playwright package is not installed (`make install` installs it)")
    path = chromium_path()
    if path is None:
        _skip("no Chromium found (Debian: `apt-get install chromium`; or set SPECTROCOIN_CHROMIUM)")
    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=path, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield browser
        finally:
            await browser.close()
