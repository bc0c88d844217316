"""`make bench`: the kenniscentrum build measured against bare Material on the same pages, at several sizes.

For each size N the script generates N synthetic entries (benchmarks/generator.py) into a throw-away copy of
the site, and builds, alternating, run after run:

- the kenniscentrum site (our plugin, macros and template overrides: `mkdocs build` on mkdocs.yml);
- a bare Material site made of the same rendered Markdown (`kenniscentrum pages --out` plus docs/): same theme
  settings, Markdown extensions, validation and explicit nav, so entries stay out of the nav in both, with
  Material's own (lunr) search where ours runs Pagefind, and no kenniscentrum plugin and no macros.

Every build runs in its own process, so wall time includes start-up as an editor or CI sees it, and peak RSS
is the child's own maximum (`os.wait4`). Results: a Markdown table on stdout, benchmarks/results.md, and the
"Benchmark" section of README.md. `--preview` also measures edit-to-preview time under `mkdocs serve` at
`--preview-sizes` (300 and 5,000 entries), and `--check-sizes` times `kenniscentrum check` alone on sizes too
large to build on every run (10,000).

Search payload: Debian's chromium (Playwright) opens the home page of the built site, served gzipped as a static
host serves it, types a query into the search field and waits for the first result; the payload is every byte
the browser received for the search from the moment the field got the focus until then (Pagefind's script,
worker, WebAssembly, index chunks, fragments, our typo word lists), plus the search script and styles every page
loads. Once for a word and once for the same word with a typo.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import version
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generator import generate

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")
TODAY = "2026-11-25"  # fixed build date, as in the test suite
ENV = {
    **os.environ,
    "KENNISCENTRUM_TODAY": TODAY,
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
    "PYTHONDONTWRITEBYTECODE": "1",
}
RESULTS = ROOT / "benchmarks" / "results.md"
README = ROOT / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
# Targets from issue 7.
RATIO_MAX = 1.10  # issue 18: full build overhead within 10 % of bare Material
LINEAR_MAX = 5.5
RSS_MAX_MB = 1024
CHECK_MAX_S = 1.0  # issue 18: check at 1,000 entries
CHECK_MAX_S_10000 = 5.0  # issue 18: check at 10,000 entries
PREVIEW_MAX_S = {300: 2.0, 5000: 5.0}  # issue 18: edit to preview (median) by number of entries
# Issue 17: search payload before the first result at 10,000 entries.
SEARCH_MAX_KB = 300
SEARCH_QUERIES = ("verlichting", "verlichitng")  # a word of the synthetic content, and one typo in it
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@dataclass
class Run:
    seconds: float  # wall time
    cpu: float  # user + system time of the process: steadier than wall time on a busy machine
    rss_mb: float


@dataclass
class SizeResult:
    n: int
    pages: int = 0
    kc: list[Run] = field(default_factory=list)
    bare: list[Run] = field(default_factory=list)
    check: list[float] = field(default_factory=list)
    check_cpu: list[float] = field(default_factory=list)
    site_mb: float = 0.0
    bare_site_mb: float = 0.0
    index_mb: float = 0.0
    index_gz_mb: float = 0.0
    search_kb: dict[str, float] = field(default_factory=dict)  # query -> kB received before the first result

    @property
    def kc_s(self) -> float:
        return statistics.median(r.seconds for r in self.kc)

    @property
    def bare_s(self) -> float:
        return statistics.median(r.seconds for r in self.bare)

    @property
    def ratio(self) -> float:
        return self.kc_s / self.bare_s

    @property
    def kc_cpu(self) -> float:
        return statistics.median(r.cpu for r in self.kc)

    @property
    def bare_cpu(self) -> float:
        return statistics.median(r.cpu for r in self.bare)

    @property
    def cpu_ratio(self) -> float:
        return self.kc_cpu / self.bare_cpu

    @property
    def kc_rss(self) -> float:
        return max(r.rss_mb for r in self.kc)

    @property
    def bare_rss(self) -> float:
        return max(r.rss_mb for r in self.bare)

    @property
    def check_s(self) -> float:
        return statistics.median(self.check)


def timed(cmd: list[str], cwd: Path) -> Run:
    """Run a command to completion; wall time and the child's own peak RSS (Linux reports KiB)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} mislukte:\n{err.read().decode(errors='replace')[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def mkdocs_build(project: Path, site: Path) -> Run:
    return timed(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        project,
    )


def make_projects(n: int, seed: int, work: Path) -> tuple[Path, Path]:
    """The kenniscentrum project with N generated entries, and the bare Material project of the same pages."""
    kc = work / "kenniscentrum"
    kc.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, kc / part)
        else:
            shutil.copy2(src, kc / part)
    generate(kc / "content", n, seed)
    bare = work / "bare"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kenniscentrum.cli",
            "pages",
            "--content",
            "content",
            "--out",
            str(bare / "docs"),
        ],
        cwd=kc,
        env=ENV,
        check=True,
    )
    shutil.copytree(kc / "docs", bare / "docs", dirs_exist_ok=True)
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(bare_config(kc / "mkdocs.yml"), allow_unicode=True))
    return kc, bare


def bare_config(kc_config: Path) -> dict:
    """Our mkdocs.yml minus everything of ours: no plugin but search, no macros, no template overrides."""
    with kc_config.open(encoding="utf-8") as stream:
        config = yaml_load(stream)  # MkDocs' own loader: it resolves !ENV
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    search = next(
        (p["search"] for p in config.get("plugins", []) if isinstance(p, dict) and "search" in p),
        {"lang": "nl"},
    )
    keep = ("site_name", "site_url", "site_description", "markdown_extensions", "validation", "nav")
    return {
        **{k: config[k] for k in keep if k in config},
        "theme": theme,
        "plugins": [{"search": search}],
    }


def measure_size(n: int, runs: int, seed: int, work: Path, log) -> SizeResult:
    result = SizeResult(n)
    kc, bare = make_projects(n, seed, work)
    kc_site, bare_site = work / "site-kc", work / "site-bare"
    for i in range(runs):
        # Alternate which build goes first, so neither always profits from a warm page cache.
        order = [("kc", kc, kc_site), ("bare", bare, bare_site)]
        for name, project, site in order if i % 2 == 0 else order[::-1]:
            run = mkdocs_build(project, site)
            getattr(result, name).append(run)
            log(
                f"  N={n} {name:4} run {i + 1}: {run.seconds:6.1f} s (CPU {run.cpu:5.1f} s), {run.rss_mb:5.0f} MB"
            )
        check = timed([sys.executable, "-m", "kenniscentrum.cli", "check", "--content", "content"], kc)
        result.check.append(check.seconds)
        result.check_cpu.append(check.cpu)
    result.pages = sum(1 for _ in kc_site.rglob("*.html"))
    result.site_mb = _tree_mb(kc_site)
    result.bare_site_mb = _tree_mb(bare_site)
    # The whole search index a reader could ever load: Pagefind's bundle and our typo word lists.
    index_files = [p for d in ("pagefind", "search") for p in (kc_site / d).rglob("*") if p.is_file()]
    result.index_mb = sum(p.stat().st_size for p in index_files) / 2**20
    result.index_gz_mb = sum(len(_served(p)) for p in index_files) / 2**20
    result.search_kb = measure_search_payload(kc_site, SEARCH_QUERIES)
    log(f"  N={n} zoeken: " + ", ".join(f"{q} {kb:.0f} kB" for q, kb in result.search_kb.items()))
    return result


def search_payload(n: int, seed: int, work: Path, log) -> dict[str, float]:
    """Only the search payload at N entries: one build of our site (no bare Material), then the browser."""
    kc = work / f"search-{n}" / "kenniscentrum"
    kc.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, kc / part)
    generate(kc / "content", n, seed)
    site = kc.parent / "site-kc"
    run = mkdocs_build(kc, site)
    log(f"  N={n} kc: {run.seconds:6.1f} s (CPU {run.cpu:5.1f} s), {run.rss_mb:5.0f} MB")
    return measure_search_payload(site, SEARCH_QUERIES)


def _tree_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


# --- search payload ------------------------------------------------------------------------------------

_COMPRESSED = {".html", ".js", ".css", ".json", ".txt", ".xml", ".svg"}  # what static hosts send gzipped


def _served(path: Path) -> bytes:
    """A file as a static host sends it: text gzipped, Pagefind's binary chunks as they are (already gzip)."""
    data = path.read_bytes()
    return gzip.compress(data, compresslevel=6) if path.suffix in _COMPRESSED else data


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site gzipped where a static host would, so the browser sees real transfer sizes."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in _COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if not path.is_file():
            self.send_error(404)
            return None
        body = _served(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):
        pass


def measure_search_payload(site: Path, queries: tuple[str, ...]) -> dict[str, float]:
    """kB received for each query, in a fresh browser, from focusing the search field to the first result."""
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    sizes: dict[str, float] = {}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
            for query in queries:
                context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
                received: list[tuple[str, int]] = []
                context.on(
                    "requestfinished",
                    lambda request, r=received: r.append((request.url, request.sizes()["responseBodySize"])),
                )
                page = context.new_page()
                page.goto(base, wait_until="networkidle")
                ui = sum(size for url, size in received if url.endswith(("/search.js", "/search.css")))
                received.clear()
                page.locator("#kc-search-input").click()
                page.keyboard.type(query)
                page.locator(".kc-search__result").first.wait_for(state="visible", timeout=120_000)
                sizes[query] = (ui + sum(size for _, size in received)) / 1000
                parts: dict[str, int] = {"search.js/css": ui}
                for url, size in received:
                    kind = _payload_kind(url)
                    parts[kind] = parts.get(kind, 0) + size
                print(
                    f"    {query}: " + ", ".join(f"{k} {v / 1000:.1f} kB" for k, v in parts.items()),
                    file=sys.stderr,
                )
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return sizes


def _payload_kind(url: str) -> str:
    """What a search request fetched, for the breakdown in the log."""
    for marker, kind in (
        ("/search/woorden/", "typo word lists"),
        ("/search/woordenboek/", "Dutch word lists"),
        (".pf_fragment", "result fragments"),
        (".pf_index", "index chunks"),
        (".pf_filter", "filter chunks"),
        (".pf_meta", "page list"),
        ("wasm.", "WebAssembly"),
        ("/pagefind/", "Pagefind scripts"),
    ):
        if marker in url:
            return kind
    return "other"


# --- check only ---------------------------------------------------------------------------------------


def measure_check(n: int, runs: int, seed: int, work: Path, log) -> list[Run]:
    """Seconds of `kenniscentrum check` on N generated entries, without building (sizes too large to build often)."""
    project = work / "kenniscentrum"
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / part)
    generate(project / "content", n, seed)
    timings = []
    for i in range(runs):
        run = timed([sys.executable, "-m", "kenniscentrum.cli", "check", "--content", "content"], project)
        timings.append(run)
        log(f"  check N={n} run {i + 1}: {run.seconds:.2f} s (CPU {run.cpu:.2f} s)")
    return timings


# --- edit to preview ------------------------------------------------------------------------------------


def measure_preview(n: int, edits: int, seed: int, work: Path, log) -> list[Run]:
    """Seconds from saving a content file to `mkdocs serve --livereload` serving the page with the change."""
    kc, _ = make_projects(n, seed, work)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"],
            cwd=kc,
            env=ENV,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
        try:
            _wait_for(lambda: _get(base) is not None, 600, server, out)
            path = sorted((kc / "content" / "projects").glob("*.md"))[0]
            url = base + f"projecten/{path.stem}/"
            timings = []
            for i in range(edits):
                marker = f"Bewerkte titel {i + 1} {seed}"
                text = path.read_text(encoding="utf-8")
                text = re.sub(r"^title: .*$", f'title: "{marker}"', text, count=1, flags=re.M)
                time.sleep(1.0)  # let the watcher settle after the previous rebuild
                start, cpu = time.perf_counter(), _cpu_seconds(server.pid)
                path.write_text(text, encoding="utf-8")
                _wait_for(lambda m=marker: m in (_get(url) or ""), 300, server, out)
                seconds = time.perf_counter() - start
                cpu = _cpu_seconds(server.pid) - cpu
                timings.append(Run(seconds, cpu, 0.0))
                log(
                    f"  preview N={n} edit {i + 1}: {seconds:.2f} s (CPU of mkdocs serve meanwhile {cpu:.2f} s)"
                )
            return timings
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, 15)
            server.wait(timeout=30)


def _cpu_seconds(pid: int) -> float:
    """User + system time of a running process, all its threads (Linux: /proc/<pid>/stat)."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(condition, timeout: float, server: subprocess.Popen, out) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if condition():
            return
        if server.poll() is not None:
            out.seek(0)
            raise RuntimeError("mkdocs serve stopte:\n" + out.read().decode(errors="replace")[-3000:])
        time.sleep(0.05)
    raise TimeoutError(f"niet klaar na {timeout} s")


# --- report ---------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or "onbekende cpu"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GB RAM"
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}"
    )


def table(results: list[SizeResult]) -> str:
    head = (
        "| entries | pages | kenniscentrum (s) | bare Material (s) | ratio | CPU kc / bare (s) | CPU ratio "
        "| peak RSS kc / bare (MB) | site (MB) | search index raw / gzip (MB) | search payload word / typo (kB) "
        "| check wall / CPU (s) |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
    )
    rows = [
        f"| {r.n:,} | {r.pages:,} | {r.kc_s:.1f} | {r.bare_s:.1f} | {r.ratio:.2f} | "
        f"{r.kc_cpu:.1f} / {r.bare_cpu:.1f} | {r.cpu_ratio:.2f} | "
        f"{r.kc_rss:.0f} / {r.bare_rss:.0f} | {r.site_mb:.1f} | {r.index_mb:.1f} / {r.index_gz_mb:.2f} | "
        f"{' / '.join(f'{kb:.0f}' for kb in r.search_kb.values())} | {r.check_s:.2f} / "
        f"{statistics.median(r.check_cpu):.2f} |"
        for r in results
    ]
    return head + "\n".join(rows) + "\n"


def verdicts(
    results: list[SizeResult], previews: dict[int, list[Run]], checks: dict[int, list[Run]] | None = None
) -> list[str]:
    """One line per target of issue 7: met or missed, with the number."""
    by_n = {r.n: r for r in results}
    lines = []

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    for n in (1000, 5000):
        if n in by_n:
            ratio = by_n[n].ratio
            cpu = by_n[n].cpu_ratio
            lines.append(
                f"ratio ≤ {RATIO_MAX} at {n:,}: {ratio:.2f} (CPU time {cpu:.2f}) — {verdict(ratio <= RATIO_MAX)}"
            )
    if 1000 in by_n and 5000 in by_n:
        growth = by_n[5000].kc_s / by_n[1000].kc_s
        lines.append(
            f"linear, t(5,000) / t(1,000) ≤ {LINEAR_MAX}: {growth:.2f} — {verdict(growth <= LINEAR_MAX)}"
        )
    if 10000 in by_n and 1000 in by_n:
        growth = by_n[10000].kc_s / by_n[1000].kc_s
        lines.append(
            f"t(10,000) / t(1,000) ≤ {2 * LINEAR_MAX}: {growth:.2f} — {verdict(growth <= 2 * LINEAR_MAX)}"
        )
    if 5000 in by_n:
        rss = by_n[5000].kc_rss
        lines.append(f"peak RSS ≤ 1 GB at 5,000: {rss:.0f} MB — {verdict(rss <= RSS_MAX_MB)}")
    if 1000 in by_n:
        check = by_n[1000].check_s
        lines.append(
            f"`kenniscentrum check` ≤ {CHECK_MAX_S:.0f} s at 1,000: {check:.2f} s — {verdict(check <= CHECK_MAX_S)}"
        )
    if 10000 in by_n and by_n[10000].search_kb:
        worst = max(by_n[10000].search_kb.values())
        lines.append(
            f"search payload before the first result ≤ {SEARCH_MAX_KB} kB at 10,000 (gzip, chromium; word and "
            f"typo): {worst:.0f} kB at most — {verdict(worst <= SEARCH_MAX_KB)}"
        )
    for n, runs in sorted((checks or {}).items()):
        median = statistics.median(r.seconds for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        limit = CHECK_MAX_S_10000 if n >= 10000 else CHECK_MAX_S
        lines.append(
            f"`kenniscentrum check` ≤ {limit:.0f} s at {n:,} (check only, median of {len(runs)}): "
            f"{median:.2f} s (CPU {cpu:.2f} s) — {verdict(median <= limit)}"
        )
    for n, preview in sorted(previews.items()):
        median = statistics.median(r.seconds for r in preview)
        cpu = statistics.median(r.cpu for r in preview)
        limit = PREVIEW_MAX_S.get(n, PREVIEW_MAX_S[5000])
        lines.append(
            f"edit to preview ≤ {limit:.0f} s at {n:,} (`make serve`: `mkdocs serve --livereload --dirty`, median "
            f"of {len(preview)} edits, from saving to the changed page served): {median:.1f} s "
            f"({', '.join(f'{r.seconds:.1f}' for r in preview)}; CPU of the serve process {cpu:.1f} s) — "
            f"{verdict(median <= limit)}"
        )
    return lines


def report(
    results: list[SizeResult],
    previews: dict[int, list[Run]],
    runs: int,
    load: str = "",
    checks: dict[int, list[Run]] | None = None,
) -> str:
    lines = "\n".join(f"- {line}" for line in verdicts(results, previews, checks))
    return (
        f"Measured {date.today().isoformat()} on {machine()}. Median wall time of {runs} builds per size, "
        "kenniscentrum and bare Material alternating, each build a fresh `mkdocs build` process; peak RSS is "
        "the largest of those processes. Bare Material builds the same rendered Markdown pages "
        "(`kenniscentrum pages`) with the same theme, Markdown extensions and nav and Material's own (lunr) "
        "search, without our plugin (and its Pagefind index), macros and template overrides. Content is synthetic (`benchmarks/generator.py`, seed fixed)."
        + (f" {load}" if load else "")
        + "\n\n"
        + table(results)
        + "\n"
        + lines
        + "\n"
    )


def update_readme(section: str) -> None:
    """Replace the text between the bench markers in README.md; add the section near the end when missing."""
    block = f"{BEGIN}\n{section}{END}"
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END) :]
    else:
        text = (
            text.rstrip("\n")
            + ("\n\n" if text else "")
            + "## Benchmark\n\n`make bench` "
            + ("builds the site with synthetic content and compares it with bare Material.\n\n")
            + block
            + "\n"
        )
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Meet de bouwtijd van het kenniscentrum tegenover kale Material."
    )
    parser.add_argument(
        "--sizes", default="300,1000,5000", help="aantallen items, komma-gescheiden (bv. 300,1000,5000,10000)"
    )
    parser.add_argument("--runs", type=int, default=3, help="builds per variant en grootte (standaard 3)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--preview", action="store_true", help="meet ook bewerken-tot-preview onder mkdocs serve"
    )
    parser.add_argument("--preview-edits", type=int, default=5)
    parser.add_argument(
        "--preview-sizes",
        default="300,5000",
        help="aantallen items voor bewerken-tot-preview (standaard 300,5000)",
    )
    parser.add_argument(
        "--check-sizes",
        default="10000",
        help="aantallen items waarop alleen check gemeten wordt (standaard 10000)",
    )
    parser.add_argument("--no-write", action="store_true", help="schrijf results.md en README.md niet bij")
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="bouw alleen het kenniscentrum (één keer per grootte) en meet de zoekpayload; schrijft niets bij",
    )
    args = parser.parse_args(argv)
    sizes = _sizes(args.sizes)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.search_only:
        with tempfile.TemporaryDirectory(prefix="kc-bench-") as tmp:
            for n in sizes:
                log(f"N={n}: genereren en bouwen (alleen zoeken)…")
                print(
                    f"{n}: "
                    + ", ".join(
                        f"{q} {kb:.0f} kB" for q, kb in search_payload(n, args.seed, Path(tmp), log).items()
                    )
                )
        return 0

    # Stopped with a signal, still remove the temporary projects.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    results: list[SizeResult] = []
    previews: dict[int, list[Run]] = {}
    checks: dict[int, list[Run]] = {}
    with tempfile.TemporaryDirectory(prefix="kc-bench-") as tmp:
        for n in sizes:
            log(f"N={n}: genereren en bouwen…")
            results.append(measure_size(n, args.runs, args.seed, Path(tmp) / f"n{n}", log))
        for n in _sizes(args.check_sizes):
            log(f"N={n}: alleen check…")
            checks[n] = measure_check(n, args.runs, args.seed, Path(tmp) / f"check{n}", log)
        if args.preview:
            for n in _sizes(args.preview_sizes):
                log(f"N={n}: bewerken tot preview…")
                previews[n] = measure_preview(
                    n, args.preview_edits, args.seed, Path(tmp) / f"preview{n}", log
                )
    load = (
        f"Load average (1 min) {load_before:.1f} before and {os.getloadavg()[0]:.1f} after the run, "
        f"on {os.cpu_count()} cores: above that, wall times stretch and the CPU columns are the steadier measure."
    )
    section = report(results, previews, args.runs, load, checks)
    print(section)
    log(f"totale duur: {time.perf_counter() - started:.0f} s")
    if not args.no_write:
        RESULTS.write_text(
            "# Benchmark results\n\n`make bench` (benchmarks/run.py).\n\n" + section, encoding="utf-8"
        )
        update_readme(section)
    return 0


def _sizes(text: str) -> list[int]:
    return [int(s.replace("_", "")) for s in text.split(",") if s.strip()]


if __name__ == "__main__":
    sys.exit(main())
