"""`kenniscentrum` command line: check content without building, and write generated pages for other engines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .catalogue import load_catalogue
from .plugin import build_date
from .problems import ContentError, Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="kenniscentrum", description="Werktuigen voor de inhoud van het kenniscentrum."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer alle inhoud zonder de site te bouwen")
    check.add_argument("--content", default="content", help="map met de inhoud (standaard: content)")
    check.add_argument("--format", choices=("human", "github"), default="human", help="uitvoerformaat")
    pages = sub.add_parser("pages", help="schrijf de gegenereerde Markdown-pagina's naar een map")
    pages.add_argument("--content", default="content")
    pages.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(Path(args.content), args.format)
    return run_pages(Path(args.content), Path(args.out))


def run_check(content: Path, fmt: str, out=None) -> int:
    out = out or sys.stdout
    if not content.is_dir():
        print(f"De map '{content}' bestaat niet.", file=out)
        return EXIT_USAGE
    try:
        catalogue = load_catalogue(content, build_date(None), include_drafts=True)
    except ContentError as exc:
        print(format_report(exc.problems, fmt, color=fmt == "human" and out.isatty()), file=out)
        return EXIT_PROBLEMS
    count = sum(len(v) for v in catalogue.entries.values())
    if fmt == "human":
        print(f"Alles in orde: {count} items gecontroleerd.", file=out)
    return EXIT_OK


def format_report(problems: list[Problem], fmt: str, color: bool = False) -> str:
    if fmt == "github":
        return "\n".join(
            f"::error file={_gh(p.path, True)},line={p.line},title={_gh(p.field or 'inhoud', True)}::{_gh(str(p))}"
            for p in problems
        )
    lines: list[str] = []
    current = None
    for problem in problems:
        if problem.path != current:
            current = problem.path
            lines.append(f"\n\033[1m{current}\033[0m" if color else f"\n{current}")
        field = f"{problem.field}: " if problem.field else ""
        expected = f" — {problem.expected}" if problem.expected else ""
        marker = "\033[31mregel\033[0m" if color else "regel"
        lines.append(f"  {marker} {problem.line}: {field}{problem.message}{expected}")
    noun = "probleem" if len(problems) == 1 else "problemen"
    files = len({p.path for p in problems})
    lines.append(f"\n{len(problems)} {noun} in {files} bestand{'en' if files != 1 else ''}.")
    return "\n".join(lines).lstrip("\n")


def _gh(text: str, prop: bool = False) -> str:
    """Escape for a GitHub workflow command; property values also escape ':' and ','."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def run_pages(content: Path, out_dir: Path) -> int:
    from .pages import generate_pages

    try:
        catalogue = load_catalogue(content, build_date(None))
    except ContentError as exc:
        print(format_report(exc.problems, "human"))
        return EXIT_PROBLEMS
    for src, markdown in generate_pages(catalogue).items():
        target = out_dir / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
