"""`kenniscentrum` command line: what editors run besides `make serve`.

`check` validates content without building, `new` scaffolds an entry, `schema` and `guide` regenerate the files
derived from the schema, and `pages` writes the generated pages for engines that run no MkDocs plugins.
Everything an editor reads here is Dutch.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import yaml

from kenniscentrum.content.bodylinks import MEDIA_FOLDER
from kenniscentrum.content.catalogue import VOCABULARY_FILE, load_catalogue, load_catalogues
from kenniscentrum.content.load import scan_content
from kenniscentrum.content.problems import ContentError, Problem
from kenniscentrum.content.schema import Vocabularies, load_vocabularies
from kenniscentrum.content.status import build_date
from kenniscentrum.editor.cms import CONFIG_FILE, generated_config, organisation_names
from kenniscentrum.editor.guide import GUIDE_FILE, update_guide
from kenniscentrum.editor.jsonschema import SCHEMA_DIR, stale_schemas, write_schemas
from kenniscentrum.editor.published import URLS_FILE, disappearing, write_list
from kenniscentrum.editor.scaffold import ScaffoldError, new_entry

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

EPILOG = """\
afsluitcodes:
  0  alles in orde
  1  problemen gevonden (check), of een gegenereerd bestand is verouderd (schema, guide of cms met --check)
  2  verkeerd gebruik: onbekende opdracht of optie, map niet gevonden, bestand bestaat al (new)

voorbeelden:
  kenniscentrum new project "Slimme straatverlichting"
  kenniscentrum check
  kenniscentrum check --format github
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kenniscentrum",
        description="Werktuigen voor de inhoud van het kenniscentrum.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    check = command("check", "controleer alle inhoud zonder de site te bouwen")
    check.add_argument("--content", default="content", help="map met de inhoud (standaard: content)")
    check.add_argument(
        "--format",
        choices=("human", "github"),
        default="human",
        help="human: per bestand, leesbaar (standaard); github: meldingen bij de regels van een pull request",
    )

    new = command("new", "maak een nieuw item aan, met alle velden en invulinstructies")
    new.add_argument("soort", help="project, marktconsultatie, tip of financiering")
    new.add_argument("titel", help='de titel, tussen aanhalingstekens: "Slimme straatverlichting"')
    new.add_argument("--slug", help="bestandsnaam (zonder .md) als je een kortere wilt dan de titel")
    new.add_argument("--content", default="content", help="map met de inhoud (standaard: content)")

    schema = command("schema", "schrijf de JSON Schema's voor automatisch aanvullen in de editor")
    schema.add_argument("--content", default="content", help="map met de inhoud (standaard: content)")
    schema.add_argument("--out", default=SCHEMA_DIR, help="doelmap (standaard: schemas)")
    schema.add_argument(
        "--check", action="store_true", help="schrijf niets, meld alleen verouderde bestanden"
    )

    guide = command("guide", "werk de veldenlijst in de handleiding (CONTRIBUTING.md) bij")
    guide.add_argument("--file", default=GUIDE_FILE, help="de handleiding (standaard: CONTRIBUTING.md)")
    guide.add_argument("--check", action="store_true", help="schrijf niets, meld alleen of ze verouderd is")

    urls = command("urls", f"werk de lijst van gepubliceerde adressen ({URLS_FILE}) bij")
    urls.add_argument("--content", default="content", help="map met de inhoud (standaard: content)")
    cms = command(
        "cms", "schrijf de instellingen van de formuliereditor (/admin/) uit de velden en woordenlijsten"
    )
    cms.add_argument("--content", default="content", help="map met de inhoud (standaard: content)")
    cms.add_argument("--out", default=CONFIG_FILE, help=f"doelbestand (standaard: {CONFIG_FILE})")
    cms.add_argument("--check", action="store_true", help="schrijf niets, meld alleen of het verouderd is")

    pages = command("pages", "schrijf de gegenereerde Markdown-pagina's naar een map")
    pages.add_argument("--content", default="content")
    pages.add_argument(
        "--out", required=True, help="map voor de Markdown-pagina's (en de agenda per marktconsultatie)"
    )
    pages.add_argument("--outputs", help="map waarin ook feeds, agenda, nieuwsbrieven en open data komen")
    pages.add_argument("--site-url", default="", help="adres van de site, voor absolute links in feeds")
    pages.add_argument(
        "--admin", action="store_true", help="schrijf ook de formuliereditor /admin/ in de map van --outputs"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "check":
        return run_check(Path(args.content), args.format)
    if args.command == "new":
        return run_new(Path(args.content), args.soort, args.titel, args.slug)
    if args.command == "schema":
        return run_schema(Path(args.content), Path(args.out), args.check)
    if args.command == "guide":
        return run_guide(Path(args.file), args.check)
    if args.command == "urls":
        return run_urls(Path(args.content))
    if args.command == "cms":
        return run_cms(Path(args.content), Path(args.out), args.check)
    outputs = Path(args.outputs) if args.outputs else None
    return run_pages(Path(args.content), Path(args.out), outputs, args.site_url, args.admin)


def run_check(content: Path, fmt: str, out: TextIO | None = None) -> int:
    """Validate everything, drafts and scheduled entries included: they are published later as they are."""
    out = out or sys.stdout
    if not content.is_dir():
        print(f"De map '{content}' bestaat niet.", file=out)
        return EXIT_USAGE
    problems: list[Problem] = []
    count = 0
    skipped: list[str] | None = None
    try:
        catalogue, published = load_catalogues(content, build_date())
        count = sum(len(v) for v in catalogue.entries.values())
        skipped = catalogue.skipped
        # Published addresses are judged on what a build publishes today: drafts and scheduled entries aside.
        problems.extend(disappearing(published, content.parent))
    except ContentError as exc:
        problems.extend(exc.problems)
    _refresh_schemas(content, out)
    problems.extend(_schema_problems(content))  # after the refresh: what remains is the CMS configuration
    if fmt == "human":
        for item in scan_content(content).skipped if skipped is None else skipped:
            print(f"Overgeslagen: {item}", file=out)
    if problems:
        color = fmt == "human" and out.isatty() and not os.environ.get("NO_COLOR")
        print(format_report(problems, fmt, color=color), file=out)
        return EXIT_PROBLEMS
    print(f"Alles in orde: {count} items gecontroleerd.", file=out)
    return EXIT_OK


def _schema_problems(content: Path) -> list[Problem]:
    """Checked-in JSON Schemas and CMS configuration that lag behind the schema or the vocabularies, when the
    project has them."""
    schema_dir = content.parent / SCHEMA_DIR
    if not (content / VOCABULARY_FILE).is_file():
        return []
    try:
        vocabularies = load_vocabularies(content / VOCABULARY_FILE)
    except (
        OSError,
        ValueError,
        yaml.YAMLError,
    ):  # a broken vocabulary file is already reported by the content check
        return []
    stale = stale_schemas(schema_dir, vocabularies) if schema_dir.is_dir() else []
    return [
        Problem(
            f"{SCHEMA_DIR}/{name}",
            1,
            "",
            "is verouderd: de velden of de woordenlijsten zijn gewijzigd",
            "voer 'kenniscentrum schema' uit en neem het bijgewerkte bestand mee in je wijziging",
        )
        for name in stale
    ] + _cms_problems(content, vocabularies)


def _cms_problems(content: Path, vocabularies: Vocabularies) -> list[Problem]:
    """The form editor's checked-in configuration, when the project has one, lagging behind like a schema."""
    path = content.parent / CONFIG_FILE
    expected = generated_config(vocabularies, organisation_names(content, vocabularies))
    if not path.is_file() or path.read_text(encoding="utf-8") == expected:
        return []
    return [
        Problem(
            CONFIG_FILE,
            1,
            "",
            "is verouderd: de velden of de woordenlijsten zijn gewijzigd",
            "voer 'kenniscentrum cms' uit en neem het bijgewerkte bestand mee in je wijziging",
        )
    ]


def _refresh_schemas(content: Path, out: TextIO) -> None:
    """Rewrite checked-in JSON Schemas that lag behind the schema or the vocabularies, when the project has them.

    Derived files never block an editor: a theme added in GitHub's web editor gives a green check, and the
    schemas follow (locally in the same step; on a pull request preview.yml commits them).
    """
    schema_dir = content.parent / SCHEMA_DIR
    if not schema_dir.is_dir() or not (content / VOCABULARY_FILE).is_file():
        return
    try:
        vocabularies = load_vocabularies(content / VOCABULARY_FILE)
    except (OSError, ValueError, yaml.YAMLError):  # a broken vocabulary file is reported by the content check
        return
    for path in write_schemas(schema_dir, vocabularies):
        print(
            f"Bijgewerkt: {path.relative_to(content.parent).as_posix()} (volgt de woordenlijsten)", file=out
        )
    config = content.parent / CONFIG_FILE  # the form editor's lists follow the vocabularies too
    text = generated_config(vocabularies, organisation_names(content, vocabularies))
    if config.is_file() and config.read_text(encoding="utf-8") != text:
        config.write_text(text, encoding="utf-8")
        print(f"Bijgewerkt: {CONFIG_FILE} (volgt de woordenlijsten)", file=out)


def format_report(problems: list[Problem], fmt: str, color: bool = False) -> str:
    """Every problem, grouped per file (human) or as GitHub annotations on the lines of a pull request."""
    problems = sorted(problems)
    noun = "probleem" if len(problems) == 1 else "problemen"
    files = len({p.path for p in problems})
    summary = f"{len(problems)} {noun} in {files} bestand{'en' if files != 1 else ''}."
    if fmt == "github":
        lines = [
            f"::error file={_gh(p.path, True)},line={p.line},title={_gh(_title(p), True)}::{_gh(_what(p))}"
            for p in problems
        ]
        return "\n".join([*lines, summary])
    bold, red, reset = ("\033[1m", "\033[31m", "\033[0m") if color else ("", "", "")
    lines = []
    current = None
    for problem in problems:
        if problem.path != current:
            current = problem.path
            lines.append(f"\n{bold}{current}{reset}")
        lines.append(f"  {red}regel {problem.line}{reset}: {_what(problem)}")
    lines.append(f"\n{summary}")
    return "\n".join(lines).lstrip("\n")


def _what(problem: Problem) -> str:
    field = f"{problem.field}: " if problem.field else ""
    expected = f" — {problem.expected}" if problem.expected else ""
    return f"{field}{problem.message}{expected}"


def _title(problem: Problem) -> str:
    return f"kenniscentrum: {problem.field}" if problem.field else "kenniscentrum"


def _gh(text: str, prop: bool = False) -> str:
    """Escape for a GitHub workflow command; property values also escape ':' and ','."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def run_new(
    content: Path, type_name: str, title: str, slug: str | None = None, out: TextIO | None = None
) -> int:
    """Scaffold an entry and tell the editor which lines still need them."""
    out = out or sys.stdout
    if not content.is_dir():
        print(
            f"De map '{content}' bestaat niet: voer de opdracht uit in de map van het kenniscentrum.",
            file=out,
        )
        return EXIT_USAGE
    try:
        path, placeholders = new_entry(content, type_name, title, build_date(), _vocabularies(content), slug)
    except (ScaffoldError, FileExistsError) as exc:
        reason = exc if isinstance(exc, ScaffoldError) else f"{exc.filename} bestaat al"
        print(f"Niet aangemaakt: {reason}.", file=out)
        return EXIT_USAGE
    shown = path.as_posix()
    print(f"Aangemaakt: {shown}", file=out)
    print("Vul nog in (elk van deze regels bevat 'VUL IN'):", file=out)
    for placeholder in placeholders:
        print(f"  {shown}:{placeholder.line}: {placeholder.field} — {placeholder.hint}", file=out)
    print(
        "Niet-verplichte velden staan in commentaar (#): haal het # weg en vervang VUL IN om ze te gebruiken.\n"
        "Controleer daarna met 'kenniscentrum check' en bekijk het resultaat met 'make serve'.",
        file=out,
    )
    return EXIT_OK


def _vocabularies(content: Path) -> Vocabularies:
    path = content / VOCABULARY_FILE
    return load_vocabularies(path) if path.is_file() else {}


def run_schema(content: Path, out_dir: Path, check: bool, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if not (content / VOCABULARY_FILE).is_file():
        print(f"{content / VOCABULARY_FILE} bestaat niet.", file=out)
        return EXIT_USAGE
    vocabularies = load_vocabularies(content / VOCABULARY_FILE)
    if check:
        stale = stale_schemas(out_dir, vocabularies)
        for name in stale:
            print(f"{(out_dir / name).as_posix()} is verouderd: voer 'kenniscentrum schema' uit.", file=out)
        if not stale:
            print("De schema's zijn bij.", file=out)
        return EXIT_PROBLEMS if stale else EXIT_OK
    written = write_schemas(out_dir, vocabularies)
    for path in written:
        print(f"Bijgewerkt: {path.as_posix()}", file=out)
    if not written:
        print("De schema's waren al bij.", file=out)
    return EXIT_OK


def run_guide(path: Path, check: bool, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if not path.is_file():
        print(f"{path} bestaat niet.", file=out)
        return EXIT_USAGE
    text = path.read_text(encoding="utf-8")
    try:
        updated = update_guide(text)
    except ValueError as exc:
        print(f"{path}: {exc}.", file=out)
        return EXIT_USAGE
    if updated == text:
        print(f"{path} is bij.", file=out)
        return EXIT_OK
    if check:
        print(f"{path} is verouderd: voer 'kenniscentrum guide' uit.", file=out)
        return EXIT_PROBLEMS
    path.write_text(updated, encoding="utf-8")
    print(f"Bijgewerkt: {path}", file=out)
    return EXIT_OK


def run_urls(content: Path, out: TextIO | None = None) -> int:
    """Write the list of published URLs as a build of today's content publishes them."""
    out = out or sys.stdout
    try:
        catalogue = load_catalogue(content, build_date())
    except ContentError as exc:
        print(format_report(exc.problems, "human"), file=out)
        return EXIT_PROBLEMS
    path = write_list(catalogue, content.parent)
    print(f"Bijgewerkt: {path.relative_to(content.parent).as_posix()}", file=out)
    return EXIT_OK


def _symlinks(folder: str, names: list[str]) -> list[str]:
    """Never copy what a symlink points at: it could be any file of the machine."""
    return [name for name in names if Path(folder, name).is_symlink()]


def run_cms(content: Path, path: Path, check: bool, out: TextIO | None = None) -> int:
    """Regenerate the form editor's configuration, or only report that it lags behind (`--check`)."""
    out = out or sys.stdout
    if not (content / VOCABULARY_FILE).is_file():
        print(f"{content / VOCABULARY_FILE} bestaat niet.", file=out)
        return EXIT_USAGE
    vocabularies = load_vocabularies(content / VOCABULARY_FILE)
    text = generated_config(vocabularies, organisation_names(content, vocabularies))
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        print(f"{path.as_posix()} is bij.", file=out)
        return EXIT_OK
    if check:
        print(f"{path.as_posix()} is verouderd: voer 'kenniscentrum cms' uit.", file=out)
        return EXIT_PROBLEMS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Bijgewerkt: {path.as_posix()}", file=out)
    return EXIT_OK


def run_pages(
    content: Path, out_dir: Path, outputs_dir: Path | None = None, site_url: str = "", admin: bool = False
) -> int:
    """Everything the plugin adds to a site, as files: the door to an engine that runs no MkDocs plugins.

    Site name, language and Markdown extensions come from the mkdocs.yml next to the content folder.
    """
    from kenniscentrum.outputs import write_outputs
    from kenniscentrum.outputs.feeds import DEFAULT_ITEMS
    from kenniscentrum.outputs.ical import build_calendars
    from kenniscentrum.pages import generate_pages
    from kenniscentrum.render.templates import configure
    from kenniscentrum.site import from_mkdocs_yml

    project = content.resolve().parent
    site = from_mkdocs_yml(project / "mkdocs.yml", site_url)
    overrides = project / "overrides"
    configure(site.language, overrides if overrides.is_dir() else None)
    try:
        catalogue = load_catalogue(content, build_date())
    except ContentError as exc:
        print(format_report(exc.problems, "human"))
        return EXIT_PROBLEMS
    calendars = build_calendars(catalogue, site)
    files: dict[str, str | bytes] = {**generate_pages(catalogue), **calendars.consultations}
    for src, data in files.items():
        target = out_dir / src
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    media = content / MEDIA_FOLDER  # images and attachments keep their path (content/media/x -> media/x)
    if media.is_dir():
        shutil.copytree(media, out_dir / MEDIA_FOLDER, dirs_exist_ok=True, symlinks=True, ignore=_symlinks)
    if outputs_dir is not None:
        write_outputs(catalogue, outputs_dir, site, DEFAULT_ITEMS, calendars)
        if admin:
            _write_admin(catalogue.vocabularies, outputs_dir, site.url, site.name)
    return EXIT_OK


def _write_admin(vocabularies: Vocabularies, outputs_dir: Path, site_url: str, site_name: str) -> None:
    """/admin/ as the plugin writes it, when Decap's script is installed; otherwise say why it is missing."""
    from kenniscentrum.editor.cms import (
        backend_from_environment,
        cms_config,
        find_cms_dist,
        render_config,
        write_admin,
    )

    dist = find_cms_dist([Path.cwd(), Path(__file__).resolve().parent])
    if dist is None:
        print("Formuliereditor /admin/ niet geschreven: Decap CMS ontbreekt (voer 'npm ci' uit).")
        return
    backend = backend_from_environment(os.environ)
    write_admin(outputs_dir, dist, render_config(cms_config(vocabularies, backend, site_url)), site_name)


if __name__ == "__main__":
    raise SystemExit(main())
