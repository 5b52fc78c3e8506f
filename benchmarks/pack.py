"""`make bench`, part 2 (python -m benchmarks.pack): the agenda pack against WeasyPrint.

Builds, in a throw-away SQLite database and media folder, a meeting whose pack is about
200 pages: 40 generated documents (headings, numbered paragraphs, a table each) and one
30-page uploaded PDF. Then measures, in one run:

- the yardstick: one plain WeasyPrint pass over the same HTML (all 40 documents in one
  file, through scrutiny.pdf so that the same fetcher and fonts are used);
- the cold build of both packs (empty render cache), documents rendered in parallel;
- the rebuild after one document changed;

in BENCH_PACK_ROUNDS interleaved rounds (default 3), and prints each round's figures,
then the medians: seconds per page, the ratios and the peak memory of every process,
with the targets of issue 5 (cold ≤ 0.75 × yardstick, rebuild ≤ 0.1 × cold, < 1 GiB a
process). The machine's speed drifts from minute to minute, hence rounds and medians.
BENCH_PACK_COLD_PROFILE / BENCH_PACK_PROFILE name files for cProfile's statistics of
the cold build / the rebuild.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = int(os.environ.get("BENCH_PACK_DOCUMENTS", "40"))
UPLOADED_PAGES = 30
ROUNDS = int(os.environ.get("BENCH_PACK_ROUNDS", "3"))
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
    pdf.start_workers()  # start the render processes before timing anything

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
    from meetings.packs.assemble import page_count
    from meetings.packs.build import CACHE_DIR

    def profiled(variable: str, call):
        path = os.environ.get(variable)
        if not path:
            return call()
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(call)
        profiler.dump_stats(path)
        return result

    # Rounds of (yardstick, cold build, rebuild), interleaved so that each ratio compares
    # runs made under the same conditions; the machine's speed drifts by a fifth from one
    # minute to the next, so the medians of the rounds' ratios are the figures.
    rounds = []
    for number in range(1, ROUNDS + 1):
        started = time.perf_counter()
        yardstick_pdf = pdf.render_pdf(combined)
        yardstick = time.perf_counter() - started
        yardstick_pages = page_count(yardstick_pdf)

        shutil.rmtree(work / "media" / CACHE_DIR, ignore_errors=True)  # a cold build
        started = time.perf_counter()
        packs = profiled("BENCH_PACK_COLD_PROFILE", lambda: build_packs(meeting))
        cold = time.perf_counter() - started
        pages = packs["full"].page_count

        changed = documents[DOCUMENTS // 3 + number]
        changed.body_html += "<p>A late correction to one paragraph.</p>"
        changed.save(update_fields=["body_html"])
        started = time.perf_counter()
        profiled("BENCH_PACK_PROFILE", lambda: build_packs(meeting, pack_content(meeting)))
        rebuild = time.perf_counter() - started
        rounds.append((yardstick, cold, rebuild))
        log(
            f"Round {number}: yardstick {yardstick_pages} pages in {yardstick:.2f} s "
            f"({yardstick / yardstick_pages:.3f} s a page); cold build of both packs "
            f"{pages} pages in {cold:.2f} s ({cold / pages:.3f} s a page); rebuild after one "
            f"document changed {rebuild:.2f} s; cold/yardstick {cold / yardstick:.2f}, "
            f"rebuild/cold {rebuild / cold:.2f}"
        )

    peaks = {"main": _peak_rss(os.getpid())}
    for index, pid in enumerate(sorted((pdf._pool.executor._processes or {}) if pdf._pool else {})):
        peaks[f"render {index + 1}"] = _peak_rss(pid)

    yardstick = statistics.median(r[0] for r in rounds)
    cold = statistics.median(r[1] for r in rounds)
    rebuild = statistics.median(r[2] for r in rounds)
    cold_ratio = statistics.median(r[1] / r[0] for r in rounds)
    rebuild_ratio = statistics.median(r[2] / r[1] for r in rounds)
    per_page_ratio = cold_ratio * yardstick_pages / pages
    log(f"Medians of {ROUNDS} rounds:")
    log(
        f"Yardstick: one WeasyPrint pass, {yardstick_pages} pages in {yardstick:.2f} s "
        f"({yardstick / yardstick_pages:.3f} s a page)"
    )
    log(f"Cold build of both packs: {pages} pages in {cold:.2f} s ({cold / pages:.3f} s a page)")
    log(f"Rebuild after one document changed: {rebuild:.2f} s ({rebuild / pages:.3f} s a page)")
    log(
        "Peak memory (resident): " + ", ".join(f"{k} {v / 2**20:.0f} MiB" for k, v in peaks.items())
    )
    log(f"== Targets (issue 5), medians of {ROUNDS} rounds' ratios")
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
