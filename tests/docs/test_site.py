"""The documentation site: built strict, every operation, model and evidence level on it, every
example call a request the SDK accepts, and search that works in a real browser."""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from spectrocoin_async import SpectroCoinClient
from spectrocoin_async._generated import models
from spectrocoin_async._generated._operations import OPERATIONS
from tests.support.browser import chromium

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "custom"))

import docs_reference  # noqa: E402

SCREENSHOTS = ROOT / "build" / "docs-screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    return out


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return docs_reference.pages()


def test_every_operation_has_its_section_on_its_namespace_page(
    site: Path, pages: dict[str, str]
) -> None:
    for op in OPERATIONS.values():
        page = pages[f"reference/{op.tag}.md"]
        section = page.split(f"\n## {op.name}\n", 1)[1].split("\n## ", 1)[0]
        assert f"`{op.method} {op.path}`" in section
        assert f"evidence: [**{op.evidence}**]" in section
        assert "| parameter | type | required | description |" in section
        assert "**Returns**" in section and "**Errors**" in section and "**Example**" in section
        html = (site / "reference" / f"{op.tag}.html").read_text(encoding="utf-8")
        assert f'id="{op.name}"' in html


def test_every_parameter_is_described(pages: dict[str, str]) -> None:
    for path, page in pages.items():
        if not path.startswith("reference/") or path == "reference/index.md":
            continue
        for line in page.splitlines():
            if line.startswith("| `") and line.count("|") >= 5 and "](" not in line[:3]:
                cells = [c.strip() for c in line.strip("|").split(" | ")]
                if cells[0].startswith("`") and len(cells) == 4:
                    assert cells[3], f"{path}: {line}"


def test_every_model_has_a_page(site: Path, pages: dict[str, str]) -> None:
    for name in models.__all__:
        assert f"models/{name}.md" in pages
        assert (site / "models" / f"{name}.html").is_file()
    order = pages["models/Order.md"]
    (row,) = [line for line in order.splitlines() if line.startswith("| `receive_amount` |")]
    assert row.startswith("| `receive_amount` | `receiveAmount` | Decimal")
    assert row.endswith("| Amount the merchant receives. |")


def test_the_evidence_page_lists_every_operation_with_its_level_and_sources(
    pages: dict[str, str],
) -> None:
    evidence = pages["evidence.md"]
    for op in OPERATIONS.values():
        (row,) = [
            line for line in evidence.splitlines() if line.startswith(f"| `{op.operation_id}` |")
        ]
        assert f"| `{op.evidence}` |" in row
        for source in op.source.split(", https"):
            assert source.split(" ", 1)[0].removeprefix("https").removeprefix("://") in row
    assert "| `overview` | named in the API overview" in evidence
    # Evidence notes live here, not in --help: the documented example's invalid project id.
    assert "which is not a valid UUID" in evidence


class _Sent(Exception):
    def __init__(self, request: httpx.Request) -> None:
        self.request = request


class _Capture(httpx.AsyncBaseTransport):
    """Answers the token request (unless it is the operation); stops at the operation's request,
    which it keeps."""

    def __init__(self, *, token: bool) -> None:
        self.token = token

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        if self.token and request.url.path.endswith("/oauth/token"):
            return httpx.Response(
                200, json={"access_token": "t", "expires_in": 3600, "token_type": "bearer"}
            )
        raise _Sent(request)


@pytest.mark.anyio
async def test_every_example_call_is_a_request_the_sdk_sends(anyio_backend: str) -> None:
    spec = docs_reference.load_spec()
    for name, op in OPERATIONS.items():
        code = docs_reference.example_call(
            spec, op, getattr(docs_reference.namespaces()[op.tag], name)
        )
        scope: dict[str, Any] = {"Decimal": Decimal, "datetime": datetime}
        scope.update({m: getattr(models, m) for m in models.__all__})
        body = "".join(f"    {line}\n" for line in code.splitlines())
        exec(f"async def example(sc):\n{body}", scope)  # noqa: S102 - our own generated example
        async with SpectroCoinClient("id", "secret", transport=_Capture(token=not op.public)) as sc:
            with pytest.raises(_Sent) as sent:
                await scope["example"](sc)
        request = sent.value.request
        assert (request.method, request.url.path.removeprefix("/api/public")) == (
            op.method,
            _filled(op.path, request.url.path),
        ), name


def _filled(template: str, actual: str) -> str:
    """``template`` with its ``{id}`` taken from ``actual`` (same number of segments)."""
    parts = actual.removeprefix("/api/public").split("/")
    return "/".join(
        part if segment.startswith("{") else segment
        for segment, part in zip(template.split("/"), parts, strict=True)
    )


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.mark.parametrize("anyio_backend", ["asyncio"])
@pytest.mark.anyio
async def test_search_finds_create_order_and_its_page_shows_the_parameters(
    anyio_backend: str, served: str
) -> None:
    async with chromium() as browser:
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        await page.goto(served + "/index.html")
        await page.locator("label.md-search__icon, .md-search__input").first.click()
        # Material says "Initializing search" until its worker has loaded the index.
        meta = page.locator(".md-search-result__meta")
        await meta.filter(has_text="Type to start searching").wait_for(timeout=90_000)
        await page.locator("input.md-search__input").press_sequentially("create_order")
        # The hit for the method's own section (the page's hit comes first).
        # Material may fold a page's section hits under "more on this page" (then hidden):
        # follow the hit's own link either way.
        hit = page.locator('a.md-search-result__link[href$="#create_order"]').first
        await hit.wait_for(state="attached", timeout=90_000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(SCREENSHOTS / "search-create_order.png"))
        href = await hit.get_attribute("href")
        assert href is not None
        await page.goto(href)
        # Material adds ?h= (the term to highlight) to the hit's URL.
        await page.wait_for_url(
            re.compile(r".*/reference/merchant\.html(\?h=create_order)?#create_order$"),
            timeout=90_000,
        )
        heading = page.locator("h2#create_order")
        await heading.wait_for(timeout=90_000)
        # The first table after the method's heading (Material wraps tables in divs).
        table = page.locator("xpath=//h2[@id='create_order']/following::table[1]")
        text = await table.inner_text()
        assert "parameter" in text and "body" in text and "CreateOrderRequest" in text
        assert await table.is_visible()
        await page.screenshot(path=str(SCREENSHOTS / "create_order.png"))
