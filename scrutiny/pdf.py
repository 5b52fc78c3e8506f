"""The one module that calls WeasyPrint (design.md, "The agenda pack").

Everything built from HTML becomes a PDF here, as PDF/UA-1 (tagged, en-GB, titled), in
worker processes with a memory limit and a timeout, with a URL fetcher that serves only
our own static files and `data:` images:

- `https://pdf.scrutiny.invalid/static/<path>` is looked up through Django's staticfiles
  finders (or the static storage once collected); `.invalid` never resolves (RFC 2606);
- `data:` URIs (images imported from Word arrive as `data:image/png;base64,…`);
- everything else is refused without being opened: `file://`, http(s) to any host,
  relative paths that climb out of static, other schemes.

The base URL is that fake origin, never a filesystem path, so a relative URL in user
HTML resolves to something the fetcher refuses.
"""

import atexit
import mimetypes
import multiprocessing
import os
import posixpath
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings

BASE_URL = "https://pdf.scrutiny.invalid/"
STATIC_URL = f"{BASE_URL}static/"
PDF_VARIANT = "pdf/ua-1"
LANG = "en-GB"

# Limits: seconds for one render, and the address space of a render process. Both
# can be changed in settings (PDF_RENDER_TIMEOUT, PDF_RENDER_MEMORY_MB).
DEFAULT_TIMEOUT = 120
DEFAULT_MEMORY_MB = 2048


class PdfRenderError(Exception):
    """A render failed, ran out of time or memory."""


def static_url(path: str) -> str:
    """The URL under which PDF templates refer to a static file: static_url("fonts/x.ttf")."""
    return STATIC_URL + path.lstrip("/")


def _static_bytes(relative: str) -> bytes | None:
    """The bytes of a static file found by Django's finders or storage, or None."""
    from django.contrib.staticfiles import finders
    from django.contrib.staticfiles.storage import staticfiles_storage

    found = finders.find(relative)
    if isinstance(found, list):  # pragma: no cover - find(all=False) returns one path
        found = found[0] if found else None
    if found:
        with open(found, "rb") as handle:
            return handle.read()
    try:
        if staticfiles_storage.exists(relative):
            with staticfiles_storage.open(relative) as handle:
                return handle.read()
    except Exception:  # a storage that refuses the name
        return None
    return None


def resolve_static(url: str) -> str | None:
    """The relative static path a URL names, or None when it is not one of ours."""
    if not url.startswith(STATIC_URL):
        return None
    parts = urlsplit(url)
    if parts.query or parts.fragment:
        return None
    relative = unquote(parts.path).removeprefix("/static/")
    normalised = posixpath.normpath(relative)
    if (
        not relative
        or normalised != relative
        or normalised.startswith(("/", ".."))
        or "\\" in relative
        or "\x00" in relative
    ):
        return None
    return normalised


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves our static files and data: URIs; refuses everything else unopened."""

        def __init__(self):
            super().__init__(timeout=1, allowed_protocols={"data"}, allow_redirects=False)

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            relative = resolve_static(url)
            body = _static_bytes(relative) if relative else None
            if body is None:
                raise ValueError(f"Refused to fetch {url[:200]!r}: only our static files.")
            content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return StaticOnlyFetcher


_fetcher = None


def _render_in_process(html: str) -> bytes:
    """Runs in a worker process: one HTML string to PDF/UA-1 bytes."""
    global _fetcher
    from weasyprint import HTML

    if _fetcher is None:  # built once per process: urllib's handlers are not cheap
        _fetcher = _fetcher_class()()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher)
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)


def _worker_init(memory_bytes: int) -> None:
    import resource

    import django

    if memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    django.setup(set_prefix=False)
    # The first render of a process pays for loading fonts and WeasyPrint's own start
    # (about two seconds): paid here, when the pool starts, not by the first pack.
    _render_in_process(WARM_UP_HTML)


WARM_UP_HTML = (
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Warm-up</title>'
    "<style>body { font-family: Arial, Helvetica, sans-serif; }</style></head>"
    "<body><h1>Warm-up</h1><p>Ready.</p><table><tr><th>1</th><td>2</td></tr></table>"
    "</body></html>"
)


@dataclass
class _Pool:
    executor: ProcessPoolExecutor
    pid: int


_pool: _Pool | None = None
_pool_lock = threading.Lock()


def workers() -> int:
    return int(getattr(settings, "PDF_RENDER_WORKERS", 0) or os.cpu_count() or 1)


def _get_pool() -> ProcessPoolExecutor:
    """A pool of render processes, one per core, started once per process."""
    global _pool
    with _pool_lock:
        if _pool is None or _pool.pid != os.getpid():
            memory = int(getattr(settings, "PDF_RENDER_MEMORY_MB", DEFAULT_MEMORY_MB)) << 20
            context = multiprocessing.get_context("forkserver")
            executor = ProcessPoolExecutor(
                max_workers=workers(),
                mp_context=context,
                initializer=_worker_init,
                initargs=(memory,),
            )
            _pool = _Pool(executor, os.getpid())
        return _pool.executor


def _discard_pool() -> None:
    """Stop the render processes (a render ran over time, or the pool broke)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is None or pool.pid != os.getpid():
        return
    for process in list((pool.executor._processes or {}).values()):
        process.kill()
    pool.executor.shutdown(wait=False, cancel_futures=True)


atexit.register(_discard_pool)


class Renders:
    """Renders under way in the pool (see start_renders); `results()` waits for them."""

    def __init__(self, futures: list) -> None:
        self.futures = futures

    def results(self) -> list[bytes]:
        """The PDFs, in the order the documents were given. Raises PdfRenderError."""
        timeout = float(getattr(settings, "PDF_RENDER_TIMEOUT", DEFAULT_TIMEOUT))
        try:
            return [future.result(timeout=timeout) for future in self.futures]
        except FutureTimeout as error:
            _discard_pool()
            raise PdfRenderError(
                f"A PDF took longer than {timeout:g} seconds to render."
            ) from error
        except (BrokenProcessPool, MemoryError) as error:
            _discard_pool()
            raise PdfRenderError("A PDF render ran out of memory or crashed.") from error
        except PdfRenderError:
            raise
        except Exception as error:
            raise PdfRenderError(f"A PDF could not be rendered: {error}") from error


def start_renders(documents: list[str]) -> Renders:
    """Start rendering HTML documents to PDF/UA-1, in parallel, one process per core, and
    return at once: the caller can do other work before asking for the results.

    The longest documents are handed out first, so that both processes finish together.
    Each HTML string must be a whole document with `<html lang="en-GB">` and a `<title>`
    (the templates under templates/pdf/ give both).
    """
    if not documents:
        return Renders([])
    executor = _get_pool()
    order = sorted(range(len(documents)), key=lambda index: -len(documents[index]))
    try:
        submitted = {
            index: executor.submit(_render_in_process, documents[index]) for index in order
        }
    except BrokenProcessPool as error:
        _discard_pool()
        raise PdfRenderError("The PDF render processes have stopped.") from error
    return Renders([submitted[index] for index in range(len(documents))])


def render_pdfs(documents: list[str]) -> list[bytes]:
    """Render HTML documents to PDF/UA-1 and wait for them (see start_renders). Raises
    PdfRenderError on failure."""
    return start_renders(documents).results()


def _ready() -> int:
    return os.getpid()


def start_workers() -> None:
    """Start every render process now (each warms up as it starts), not as renders come."""
    executor = _get_pool()
    for future in [executor.submit(_ready) for _ in range(workers() * 2)]:
        future.result()


def render_pdf(html: str) -> bytes:
    """Render one HTML document to PDF/UA-1 bytes (see render_pdfs)."""
    return render_pdfs([html])[0]
