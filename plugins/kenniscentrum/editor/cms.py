"""The form editor at /admin/ (Decap CMS): its configuration derived from the schema and the vocabularies.

The form shows the same fields, help texts, required fields and choices as `kenniscentrum check` validates,
because both read `content/schema.py` and `content/vocabularies.yml`: a field added to the schema appears in
the form without code here. `kenniscentrum cms` writes the configuration to `admin/config.yml` (checked in, so a
reviewer sees what changed); the build writes the same configuration, completed with the GitHub repository and
sign-in settings of `mkdocs.yml` (`extra.cms`), into the site's `/admin/`, next to Decap's script from npm.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kenniscentrum.content.labels import field_label
from kenniscentrum.content.organisations import load_organisations
from kenniscentrum.content.schema import CONTENT_TYPES, STRUCTURES, ContentType, Field, Kind, Vocabularies
from kenniscentrum.render.templates import PACKAGE, render

CONFIG_FILE = "admin/config.yml"
ADMIN_DIR = "admin"  # in the built site: /admin/
CMS_PACKAGE = "decap-cms"  # the npm package; its version is pinned in package.json and package-lock.json
# Images and attachments live in content/media/, linked from an entry as `../media/<file>` (relative to the
# entry's file in content/<type>/): the one media folder `check` knows and the build publishes.
MEDIA_FOLDER = "content/media"
PUBLIC_FOLDER = "../media"
LOCAL_BACKEND = "http://localhost:8081/api/v1"  # decap-server's default address, used by `mkdocs serve`

# Mirrors of the validator's rules (validate.py), as JavaScript regular expressions for the form.
_NO_HTML = r"^(?![\s\S]*<\s*/?\s*[a-zA-Z!])[\s\S]*$"
_URL = r"^https?://[^\s/]+\S*$"
_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_DATE_FORMAT = "YYYY-MM-DD"  # dayjs tokens: what `check` reads as a date
_DATETIME_FORMAT = "YYYY-MM-DD HH:mm"  # without offset: `check` reads it as Belgian time


class CmsConfigError(ValueError):
    """A field kind the form cannot show yet: add it to `_widget` when the schema gains a kind."""


ORGANISATIONS = "organisations"  # the choices of the organisation field, beside the vocabularies


@dataclass(frozen=True)
class Backend:
    """Where the form saves: a GitHub repository, through pull requests (Decap's editorial workflow).

    Read from `mkdocs.yml` (`extra.cms`, filled from environment variables), never written in code, so a fork
    or a test points the same site at another repository or at a local backend.
    """

    repo: str = ""
    branch: str = "main"
    auth_url: str = ""  # the OAuth client's address (Decap's `base_url`); empty: Decap's default
    auth_endpoint: str = ""
    local_backend: str = ""  # URL of decap-server's API; empty: none

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None) -> Backend:
        """From `extra.cms` in mkdocs.yml; a missing or empty branch means `main`."""
        settings = settings or {}
        values = {name: str(settings.get(name) or "").strip() for name in cls.__dataclass_fields__}
        values["branch"] = values["branch"] or "main"
        return cls(**values)


# The environment variables mkdocs.yml reads into `extra.cms` (`!ENV`), for builds without MkDocs.
ENVIRONMENT = {
    "repo": ("KENNISCENTRUM_CMS_REPO", "GITHUB_REPOSITORY"),
    "branch": ("KENNISCENTRUM_CMS_BRANCH",),
    "auth_url": ("KENNISCENTRUM_CMS_AUTH_URL",),
    "auth_endpoint": ("KENNISCENTRUM_CMS_AUTH_ENDPOINT",),
    "local_backend": ("KENNISCENTRUM_CMS_LOCAL_BACKEND",),
}


def backend_from_environment(environ: Mapping[str, str]) -> Backend:
    """The same settings as mkdocs.yml's `extra.cms`, for `kenniscentrum pages --outputs`."""
    settings = {
        key: next((environ[name] for name in names if environ.get(name)), "")
        for key, names in ENVIRONMENT.items()
    }
    return Backend.from_settings(settings)


def cms_config(
    vocabularies: Vocabularies,
    backend: Backend | None = None,
    site_url: str = "",
    organisations: Sequence[str] = (),
) -> dict[str, Any]:
    """The whole Decap configuration: one collection per content type.

    `organisations` are the full names of content/organisations.yml: the organisation field is a choice of
    them (the check also accepts a short name; the form writes the full one).
    """
    backend = backend or Backend()
    backend_config: dict[str, Any] = {"name": "github", "branch": backend.branch}
    if backend.repo:
        backend_config["repo"] = backend.repo
    if backend.auth_url:
        backend_config["base_url"] = backend.auth_url
    if backend.auth_endpoint:
        backend_config["auth_endpoint"] = backend.auth_endpoint
    config: dict[str, Any] = {
        "locale": "nl",
        "backend": backend_config,
        "publish_mode": "editorial_workflow",
    }
    if backend.local_backend:
        config["local_backend"] = {"url": backend.local_backend}
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    config |= {
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        # File names as `check` wants them: lower case, digits and single hyphens.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            _collection(ctype, {**vocabularies, ORGANISATIONS: {name: name for name in organisations}})
            for ctype in CONTENT_TYPES.values()
        ],
    }
    return config


def _collection(ctype: ContentType, vocabularies: Vocabularies) -> dict[str, Any]:
    return {
        "name": ctype.folder,
        "label": ctype.label_plural.capitalize(),
        "label_singular": ctype.label.capitalize(),
        "folder": f"content/{ctype.folder}",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": "{{slug}}",  # the file name, made from the title; it becomes the address
        "identifier_field": "title",
        "summary": "{{title}}",
        "sortable_fields": ["title", "published"],
        "editor": {"preview": False},  # the real preview is the site built for the pull request
        "fields": [
            *(_field(spec, vocabularies) for spec in ctype.fields),
            {
                "name": "body",
                "label": "Tekst",
                "widget": "markdown",
                "required": False,
                "hint": "De tekst van de pagina, in Markdown. Afbeeldingen komen in content/media/.",
            },
        ],
    }


def _field(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    """One form field: label, help text and whether it is required, then the widget for its kind."""
    field: dict[str, Any] = {"name": spec.name, "label": field_label(spec.name)}
    if spec.help:
        field["hint"] = spec.help
    field["required"] = spec.required
    if spec.kind is Kind.VOCAB:
        return field | _select(spec, vocabularies)
    if spec.name == "organisation" and vocabularies.get(ORGANISATIONS):
        options = [{"label": name, "value": name} for name in vocabularies[ORGANISATIONS]]
        return field | {"widget": "select", "options": options}
    if spec.kind is Kind.SLUG and spec.ref:
        return field | _relation(spec)
    if structure := STRUCTURES.get(spec.kind):
        parts = [_field(part.field, vocabularies) for part in structure.parts]
        if not spec.many:
            return field | {"widget": "object", "fields": parts}
        summary = "{{fields." + parts[0]["name"] + "}}"
        listing = {"widget": "list", "fields": parts, "summary": summary}
        return field | listing | ({"min": 1} if spec.required else {})
    if spec.many:
        item = {"name": spec.name, "label": field["label"], **_widget(spec)}
        return field | {"widget": "list", "field": item} | ({"min": 1} if spec.required else {})
    return field | _widget(spec)


def _select(spec: Field, vocabularies: Vocabularies) -> dict[str, Any]:
    vocabulary = vocabularies.get(spec.vocab or "", {})
    options = [{"label": label, "value": code} for code, label in vocabulary.items()]
    widget: dict[str, Any] = {"widget": "select", "options": options}
    if spec.many:
        widget["multiple"] = True
        if spec.required:
            widget["min"] = 1
    return widget


def _relation(spec: Field) -> dict[str, Any]:
    """A reference by file name, chosen by title from the entries of that type."""
    target = CONTENT_TYPES[spec.ref or ""]
    widget: dict[str, Any] = {
        "widget": "relation",
        "collection": target.folder,
        "value_field": "{{slug}}",
        "search_fields": ["title"],
        "display_fields": ["title"],
    }
    if spec.many:
        widget["multiple"] = True
    return widget


def _widget(spec: Field) -> dict[str, Any]:
    """The input for one value of a field."""
    match spec.kind:
        case Kind.TEXT:
            return {"widget": "string", "pattern": [_NO_HTML, "Gewone tekst, zonder HTML-tags."]}
        case Kind.SLUG:
            return {"widget": "string", "pattern": [_SLUG, "Kleine letters, cijfers en koppeltekens."]}
        case Kind.URL:
            return {"widget": "string", "pattern": [_URL, "Een volledig adres dat begint met https://."]}
        case Kind.INT:
            low, high = (2000, 2100) if spec.name == "year" else (0, None)
            return {"widget": "number", "value_type": "int", "min": low} | ({"max": high} if high else {})
        case Kind.MONEY:
            return {"widget": "number", "value_type": "float", "min": 0, "step": 0.01}
        case Kind.PERCENT:
            return {"widget": "number", "value_type": "float", "min": 0.01, "max": 100, "step": 0.01}
        case Kind.BOOL:
            return {"widget": "boolean", "default": False}
        case Kind.DATE:
            return {
                "widget": "datetime",
                "format": _DATE_FORMAT,
                "date_format": _DATE_FORMAT,
                "time_format": False,
            }
        case Kind.DATETIME | Kind.DATE_OR_DATETIME:
            return {"widget": "datetime", "format": _DATETIME_FORMAT}
    raise CmsConfigError(f"het formulier kent de soort '{spec.kind}' van veld '{spec.name}' nog niet")


def render_config(config: Mapping[str, Any]) -> str:
    """Stable YAML text, so a changed field or theme is a small diff in review."""
    header = (
        "# Formuliereditor (Decap CMS) op /admin/. Gegenereerd met 'kenniscentrum cms' uit\n"
        "# plugins/kenniscentrum/content/schema.py en content/vocabularies.yml: niet met de hand aanpassen.\n"
        "# De bouw vult de GitHub-repository en de aanmelding aan uit mkdocs.yml (extra.cms).\n"
    )
    return header + yaml.safe_dump(dict(config), allow_unicode=True, sort_keys=False, width=110)


def generated_config(vocabularies: Vocabularies, organisations: Sequence[str] = ()) -> str:
    """The checked-in `admin/config.yml`: everything but the deploy's own settings."""
    return render_config(cms_config(vocabularies, organisations=organisations))


def organisation_names(content: Path, vocabularies: Vocabularies) -> tuple[str, ...]:
    """The full names of content/organisations.yml, alphabetically; none when the list is missing or broken
    (the content check reports a broken list)."""
    found, problems = load_organisations(content, content.parent, vocabularies)
    if found is None or problems:
        return ()
    return tuple(sorted((info.name for info in found.items.values()), key=str.casefold))


def find_cms_dist(search_from: Iterable[Path]) -> Path | None:
    """Decap's `dist` folder from npm, looked up as Node does: in `node_modules` of each folder and its parents.

    The build looks from the project and from this package's own checkout, so a throw-away copy of the
    project (tests, benchmarks) finds the script the checkout installed.
    """
    for start in search_from:
        for folder in (start, *start.parents):
            dist = folder / "node_modules" / CMS_PACKAGE / "dist"
            if (dist / "decap-cms.js").is_file():
                return dist
    return None


def _dist_files(dist: Path) -> list[Path]:
    """The script, the chunks and WebAssembly it loads from its own folder, and its licence; no source maps."""
    names = ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")
    return sorted({path for pattern in names for path in dist.glob(pattern)})


ADMIN_TEMPLATE = "admin/index.html"  # kenniscentrum/templates/; a site may override it like any template
# Decap's Dutch texts in the register of the rest of the site ("je"), loaded before Decap starts.
ADMIN_SCRIPT = PACKAGE / "templates" / "admin" / "admin-nl.js"


def write_admin(site_dir: Path, dist: Path, config_text: str, site_name: str) -> list[Path]:
    """Write /admin/: the page, its configuration and Decap's files, all served by the site itself."""
    target = site_dir / ADMIN_DIR
    target.mkdir(parents=True, exist_ok=True)
    page = target / "index.html"
    page.write_text(str(render(ADMIN_TEMPLATE, site_name=site_name)), encoding="utf-8")
    config = target / "config.yml"
    config.write_text(config_text, encoding="utf-8")
    texts = target / ADMIN_SCRIPT.name
    shutil.copyfile(ADMIN_SCRIPT, texts)
    written = [page, config, texts]
    for source in _dist_files(dist):
        destination = target / source.name
        # `serve` rebuilds into the same folder: the 6 MB of Decap are copied once, not after every edit.
        if not destination.is_file() or destination.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, destination)
        written.append(destination)
    return written
