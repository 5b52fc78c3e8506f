"""`make bench`, part 2 (python -m benchmarks.pack): the agenda pack against WeasyPrint.

Builds, in a throw-away SQLite database and media folder, a meeting whose pack is about
200 pages: 40 generated documents (headings, numbered paragraphs, a table each) and one
30-page uploaded PDF. Then measures, in one run:

- the yardstick: one plain WeasyPrint pass over the same HTML (all 40 documents in one
  file, through scrutiny.pdf so that the same fetcher and fonts are used);
- the cold build of both packs (empty render cache), documents rendered in parallel;
- the rebuild after one document changed;

and prints seconds per page, the ratios and the peak memory of every process, with the
targets of issue 5 (cold ≤ 0.75 × yardstick, rebuild ≤ 0.1 × cold, < 1 GiB a process).
The machine is shared, so figures are noisy: run it more than once before concluding.
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = int(os.environ.get("BENCH_PACK_DOCUMENTS", "40"))
UPLOADED_PAGES = 30
TARGET_COLD = 0.75
TARGET_REBUILD = 0.10
TARGET_MEMORY = 1 << 30


def log(message: str) -> None:
    print(message, flush=True)


def _document_body(n: int, extra: str = "") -> str:
    sections = []
    for s in range(1, 6):
        paragraphs = "".join(
            f"<p>{s}.{p} Paper {n}, section {s}: "
            + "The board considered the progress made and the risks that remain. " * 9
            + "</p>"
            for p in range(1, 5)
        )
        rows = "".join(
            f"<tr><td>{2020 + r}</td><td>{r * 17 + n}</td><td>£{r * 1250 + n:,}</td></tr>"
            for r in range(1, 7)
        )
        table = (
            f"<table><caption>Table {s}: figures</caption><thead><tr><th>Year</th>"
            f"<th>Children</th><th>Cost</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        sections.append(f"<h2>{s} Section {s}</h2>{paragraphs}{table}")
    return "".join(sections) + extra


def _uploaded_pdf() -> bytes:
    import io

    import pikepdf

    pdf = pikepdf.new()
    for _ in range(UPLOADED_PAGES):
        pdf.add_blank_page(page_size=(595, 842))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _peak_rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="scrutiny-bench-pack-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ.setdefault("DJANGO_SECRET_KEY", "only-for-benchmarks")
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("   %(message)s"))
    build_logger = logging.getLogger("meetings.packs.build")
    build_logger.addHandler(handler)
    build_logger.setLevel(logging.INFO)
    build_logger.propagate = False
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from meetings.models import Document
    from meetings.packs.build import build_packs
    from meetings.packs.content import document_html, pack_content
    from scrutiny import pdf
    from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory

    log(f"== Pack benchmark in {work} ({os.cpu_count()} cores, {pdf.workers()} render processes)")
    call_command("migrate", verbosity=0)
    meeting = MeetingFactory(published=True)
    documents = []
    for n in range(1, DOCUMENTS + 1):
        item = AgendaItemFactory(meeting=meeting, number=n, title=f"Report {n}")
        documents.append(
            DocumentFactory(agenda_item=item, title=f"Report {n}", body_html=_document_body(n))
        )
        if n == DOCUMENTS // 2:
            upload = AgendaItemFactory(meeting=meeting, number=DOCUMENTS + 1, title="Scanned")
            upload.number = n + 1000  # keep numbers unique; order does not matter here
            upload.save()
            DocumentFactory(
                agenda_item=upload,
                source=Document.Source.UPLOADED,
                title="Uploaded report",
                body_html="",
                file=ContentFile(_uploaded_pdf(), name="upload.pdf"),
            )
    pdf.render_pdf(  # start the render processes before timing anything
        '<html lang="en-GB"><head><title>Warm</title></head><body>warm</body></html>'
    )

    # The yardstick: the same documents' HTML in one file, one WeasyPrint pass.
    from boards.models import Council

    council = Council.load()
    htmls = [document_html(document, council) for document in documents]
    head, _, _ = htmls[0].partition("<body>")
    bodies = [html.partition("<body>")[2].rpartition("</body>")[0] for html in htmls]
    combined = (
        head
        + "<body>"
        + "".join(f'<div style="break-before: page">{body}</div>' for body in bodies)
        + "</body></html>"
    )
    started = time.perf_counter()
    yardstick_pdf = pdf.render_pdf(combined)
    yardstick = time.perf_counter() - started
    from meetings.packs.assemble import page_count

    yardstick_pages = page_count(yardstick_pdf)

    started = time.perf_counter()
    packs = build_packs(meeting)
    cold = time.perf_counter() - started
    pages = packs["full"].page_count

    changed = documents[DOCUMENTS // 3]
    changed.body_html += "<p>A late correction to one paragraph.</p>"
    changed.save(update_fields=["body_html"])
    profile = os.environ.get("BENCH_PACK_PROFILE")
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started = time.perf_counter()
    build_packs(meeting, pack_content(meeting))
    rebuild = time.perf_counter() - started
    if profile:
        profiler.disable()
        profiler.dump_stats(profile)

    peaks = {"main": _peak_rss(os.getpid())}
    for index, pid in enumerate(sorted((pdf._pool.executor._processes or {}) if pdf._pool else {})):
        peaks[f"render {index + 1}"] = _peak_rss(pid)

    log(
        f"Yardstick: one WeasyPrint pass, {yardstick_pages} pages in {yardstick:.2f} s "
        f"({yardstick / yardstick_pages:.3f} s a page)"
    )
    log(f"Cold build of both packs: {pages} pages in {cold:.2f} s ({cold / pages:.3f} s a page)")
    log(f"Rebuild after one document changed: {rebuild:.2f} s ({rebuild / pages:.3f} s a page)")
    per_page_ratio = (cold / pages) / (yardstick / yardstick_pages)
    cold_ratio = cold / yardstick
    rebuild_ratio = rebuild / cold
    log(
        "Peak memory (resident): " + ", ".join(f"{k} {v / 2**20:.0f} MiB" for k, v in peaks.items())
    )
    log("== Targets (issue 5); a shared machine: figures are noisy")
    log(
        f"  cold / yardstick      {cold_ratio:.2f} (per page {per_page_ratio:.2f})  "
        f"target ≤ {TARGET_COLD}  {'PASS' if cold_ratio <= TARGET_COLD else 'FAIL'}"
    )
    log(
        f"  rebuild / cold        {rebuild_ratio:.2f}  target ≤ {TARGET_REBUILD}  "
        f"{'PASS' if rebuild_ratio <= TARGET_REBUILD else 'FAIL'}"
    )
    worst = max(peaks.values())
    log(
        f"  peak memory, any one  {worst / 2**20:.0f} MiB  target < 1024 MiB  "
        f"{'PASS' if worst < TARGET_MEMORY else 'FAIL'}"
    )
    pdf._discard_pool()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
