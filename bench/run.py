"""make bench: the edition beside plain Sphinx building the same pages, in one run, as ratios.

Every operation runs alternately on the plain projects and on the edition, a
number of rounds, and the medians are compared; nothing here asserts a time.
The headline baseline is plain Sphinx building every page the edition's HTML
build writes, as plain MyST (``plain_project.write_plain_edition_pages``); the
plain chapter alone and the pages as taken from the text build stand beside it.
The results, with the machine they were taken on, are written to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).parent))
import lighthouse
from corpus import write_corpus
from plain_project import write_plain_edition_pages, write_plain_edition_text, write_plain_project

PROJECT = Path(__file__).resolve().parent.parent
SPHINX = [sys.executable, "-m", "sphinx"]


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak memory (MiB) of one command, measured on that child alone."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024


class Project:
    """One project under measurement: how to build it and how to edit one note."""

    def __init__(
        self, name: str, root: Path, srcdir: Path, note_file: Path | None = None, note_old: str = "", note_new: str = ""
    ):
        self.name, self.root, self.srcdir = name, root, srcdir
        self.note_file, self.note_old, self.note_new = note_file, note_old, note_new
        self.out = root / "_bench_build"

    def html(self, *extra: str) -> tuple[float, float]:
        return timed([*SPHINX, "-q", "-b", "html", "-c", str(self.root), *extra, str(self.srcdir), str(self.out / "html")], self.root)

    def clean(self) -> None:
        shutil.rmtree(self.out, ignore_errors=True)

    def edit_note(self, forward: bool) -> None:
        text = self.note_file.read_text(encoding="utf-8")
        old, new = (self.note_old, self.note_new) if forward else (self.note_new, self.note_old)
        self.note_file.write_text(text.replace(old, new, 1), encoding="utf-8")

    def pdf(self) -> tuple[float, float]:
        latex = self.out / "latex"
        first = timed([*SPHINX, "-q", "-b", "latex", "-c", str(self.root), str(self.srcdir), str(latex)], self.root)
        second = timed(["make", "-C", str(latex), "all-pdf", "LATEXMKOPTS=-quiet -interaction=nonstopmode"], self.root)
        return first[0] + second[0], max(first[1], second[1])


def page_weight(html_dir: Path, page: str) -> tuple[int, int, int]:
    """Bytes of a page and of every file it loads (CSS, scripts, fonts, images): raw, gzip, files."""
    seen: set[Path] = set()

    def add(path: Path) -> None:
        path = path.resolve()
        if path in seen or not path.is_file():
            return
        seen.add(path)
        if path.suffix == ".css":
            for url in re.findall(r"url\(\s*['\"]?([^'\")?#]+)", path.read_text(encoding="utf-8", errors="replace")):
                if not urlsplit(url).scheme:
                    add(path.parent / url)

    root_page = html_dir / page
    add(root_page)
    soup = BeautifulSoup(root_page.read_text(encoding="utf-8"), "lxml")
    for element in soup.select("script[src], link[rel~=stylesheet][href], link[rel~=preload][href], img[src]"):
        reference = element.get("src") or element.get("href")
        if not urlsplit(reference).scheme:
            add(html_dir / urlsplit(reference).path)
    raw = sum(p.stat().st_size for p in seen)
    compressed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in seen)
    return raw, compressed, len(seen)


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure(
    plain: Project, edition: Project, plain_pages: Project, plain_text: Project, rounds: int, pdf_rounds: int
) -> tuple[dict[str, dict[str, float]], dict[str, tuple[int, int, int]], dict[str, dict[str, dict[str, float]]]]:
    """Every operation on the plain chapter and the edition; clean builds of the plain pages too."""
    results: dict[str, dict[str, list[float]]] = {p.name: {} for p in (plain, edition, plain_pages, plain_text)}

    def record(project: Project, key: str, value: float) -> None:
        results[project.name].setdefault(key, []).append(value)

    def clean_build(project: Project, build: Callable[[], tuple[float, float]], what: str) -> None:
        project.clean()
        seconds, mib = build()
        record(project, f"clean {what} (s)", seconds)
        record(project, f"peak memory, clean {what} (MiB)", mib)

    for _ in range(rounds):
        for project in (plain, edition):
            clean_build(project, project.html, "HTML")
            record(project, "no-op rebuild (s)", project.html()[0])
            project.edit_note(True)
            record(project, "rebuild after editing one note (s)", project.html()[0])
            project.edit_note(False)
        clean_build(plain_pages, plain_pages.html, "HTML")
        clean_build(plain_text, plain_text.html, "HTML")
    weights = {project.name: page_weight(project.out / "html", "chapter.html") for project in (plain, edition)}
    audits = {}
    if lighthouse.available():
        audits = {project.name: lighthouse.measure(project.out / "html", "chapter.html") for project in (plain, edition)}
    for _ in range(pdf_rounds):
        for project in (plain, edition, plain_pages):
            clean_build(project, project.pdf, "PDF")
    medians = {name: {key: median(values) for key, values in by_key.items()} for name, by_key in results.items()}
    return medians, weights, audits


def scale(project_root: Path, work: Path, sizes: list[int]) -> list[tuple[int, float, float, float]]:
    rows = []
    for size in sizes:
        corpus = write_corpus(project_root, work / f"corpus-{size}", size)
        runs = []
        for jobs in ("1", "2"):
            out = corpus / f"_build-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            runs.append(timed([*SPHINX, "-q", "-j", jobs, "-b", "html", "-c", str(corpus), str(corpus / "source"), str(out)], corpus))
        rows.append((size, runs[0][0], runs[0][1], runs[1][0]))
    return rows


def machine() -> str:
    cpus = os.cpu_count()
    memory = ""
    if Path("/proc/meminfo").exists():
        total = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
        memory = f", {total} GiB memory"
    return f"{platform.machine()}, {cpus} cores{memory}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pdf-rounds", type=int, default=5)
    parser.add_argument("--sizes", default="1,10,50")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--output", default=str(PROJECT / "bench" / "RESULTS.md"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="edition-bench-"))
    plain_root = write_plain_project(PROJECT / "copy-text" / "platform-1927-ch07-the-party.txt", work / "plain")
    edition_root = work / "edition"
    shutil.copytree(PROJECT / "source", edition_root / "source")
    shutil.copytree(PROJECT / "footnotes", edition_root / "footnotes")
    shutil.copytree(PROJECT / "copy-text", edition_root / "copy-text")
    shutil.copy(PROJECT / "conf.py", edition_root / "conf.py")
    if (PROJECT / ".tools").is_dir():  # the search page's library, as conf.py names it
        (edition_root / ".tools").symlink_to(PROJECT / ".tools")
    plain_text_root = write_plain_edition_text(edition_root, edition_root / "source", work / "plain-text")
    plain_text = Project("plain-text", plain_text_root, plain_text_root)
    edition_pages = work / "edition-pages"
    subprocess.run([*SPHINX, "-q", "-b", "html", "-c", str(edition_root), str(edition_root / "source"), str(edition_pages)], check=True)
    plain_pages_root = write_plain_edition_pages(edition_pages, work / "plain-pages")
    plain_pages = Project("plain-pages", plain_pages_root, plain_pages_root)
    plain = Project("plain", plain_root, plain_root, plain_root / "chapter.md", "[^5]: See the chapter", "[^5]: See now the chapter")
    edition = Project(
        "edition", edition_root, edition_root / "source", edition_root / "footnotes" / "authorial.yaml",
        'text: "See the chapter', 'text: "See now the chapter',
    )
    timings, weights, audits = measure(plain, edition, plain_pages, plain_text, args.rounds, 0 if args.no_pdf else args.pdf_rounds)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = scale(PROJECT, work, sizes) if sizes else []
    report = render(timings, weights, {p.name: words(p.srcdir) for p in (plain, plain_pages, plain_text)}, rows, args, audits)
    Path(args.output).write_text(report, encoding="utf-8")
    print(report)
    shutil.rmtree(work, ignore_errors=True)


#: Bounds of the edition against plain Sphinx building the same pages.
TARGETS = {
    "clean HTML (s)": 1.15,
    "peak memory, clean HTML (MiB)": 1.5,
}
#: Bound of the rebuild after editing one note against the edition's own no-op rebuild.
NOTE_REBUILD_TARGET = 1.2


def words(folder: Path) -> int:
    """The words of a plain project's pages."""
    return sum(len(page.read_text(encoding="utf-8").split()) for page in folder.glob("*.md"))


def render(timings, weights, words, rows, args, audits=None) -> str:
    edition, pages, chapter = (timings[name] for name in ("edition", "plain-pages", "plain"))
    lines = [
        "# Benchmarks",
        "",
        "Measured by `make bench`: the edition and plain Sphinx projects (Sphinx, myst-parser, sphinx-book-theme),",
        f"built alternately in one run; medians of {args.rounds} rounds ({args.pdf_rounds if not args.no_pdf else 0} for the PDF).",
        "Times are comparable only within one run.",
        "",
        f"Machine: {machine()}. Date: {time.strftime('%Y-%m-%d')}.",
        "",
        "## The edition against plain Sphinx building the same pages",
        "",
        "The baseline holds every page the edition's HTML build writes (front matter, chapter, registers), each",
        f"heading, paragraph, list item, definition and table cell as plain MyST: {words['plain-pages']:,} words.",
        "",
        "| operation | plain, same pages | edition | edition / plain | target |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for key in [k for k in ("clean HTML (s)", "peak memory, clean HTML (MiB)", "clean PDF (s)") if k in edition]:
        target = f"≤ {TARGETS[key]}" if key in TARGETS else ""
        lines.append(f"| {key} | {pages[key]:.3f} | {edition[key]:.3f} | {edition[key] / pages[key]:.2f} | {target} |")
    note, noop = edition["rebuild after editing one note (s)"], edition["no-op rebuild (s)"]
    plain_note, plain_noop = chapter["rebuild after editing one note (s)"], chapter["no-op rebuild (s)"]
    lines += [
        "",
        "## Editing one note: the rebuild against a no-op rebuild",
        "",
        "| project | no-op rebuild (s) | after editing one note (s) | ratio | target |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| the edition | {noop:.3f} | {note:.3f} | {note / noop:.2f} | ≤ {NOTE_REBUILD_TARGET} |",
        f"| plain, the chapter | {plain_noop:.3f} | {plain_note:.3f} | {plain_note / plain_noop:.2f} | |",
        "",
        "## The other plain projects",
        "",
        f"The chapter alone, from the copy-text ({words['plain']:,} words), and the edition's pages as its text build",
        f"gives them ({words['plain-text']:,} words, lines wrapped at 70 characters: each wrapped line a soft break).",
        "",
        "| operation | plain chapter | plain pages, from the text build | plain pages, from the HTML | edition |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for key in edition:
        cells = [f"{timings[name][key]:.3f}" if key in timings[name] else "" for name in ("plain", "plain-text", "plain-pages", "edition")]
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Page weight: the chapter page and every file it loads",
        "",
        "| project | files | raw (KB) | gzip (KB) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, (raw, compressed, files) in weights.items():
        lines.append(f"| {name} | {files} | {raw / 1000:.1f} | {compressed / 1000:.1f} |")
    if audits:
        lines += [
            "",
            "## Lighthouse, mobile preset: the chapter page served from loopback",
            "",
            "Lighthouse's default (mobile) settings, one run each, with Debian's chromium; the page served",
            "with gzip and served as it is (as some hosts serve it). Its performance score is simulated from",
            "what it measures on this machine: a busy machine lowers it.",
            "",
            "| project | served | performance | accessibility | best practices | SEO | largest paint (s) | transferred (KB) |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, by_serving in audits.items():
            for served, figures in by_serving.items():
                lines.append(
                    f"| {name} | {served} | {figures['performance']} | {figures['accessibility']} | "
                    f"{figures['best-practices']} | {figures['seo']} | {figures['largest paint (s)']:.1f} | "
                    f"{figures['transferred (KB)']:.0f} |"
                )
    if rows:
        lines += [
            "",
            "## Scale: a synthetic corpus of N chapters (clean HTML build)",
            "",
            "| chapters | serial (s) | peak memory (MiB) | -j 2 (s) |",
            "| ---: | ---: | ---: | ---: |",
        ]
        lines += [f"| {n} | {serial:.2f} | {mib:.0f} | {parallel:.2f} |" for n, serial, mib, parallel in rows]
        by_size = {n: serial for n, serial, _, _ in rows}
        if 10 in by_size and 50 in by_size:
            lines += ["", f"Time at 50 chapters / time at 10: {by_size[50] / by_size[10]:.2f} (linear growth gives at most 5)."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
