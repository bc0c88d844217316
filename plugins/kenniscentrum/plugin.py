"""MkDocs adapter: wires MkDocs events to the engine-free core. No content logic lives here."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kenniscentrum.buildstate import EarlySearchIndex, OutputError, Outputs, PreviewState
from kenniscentrum.content.bodylinks import MEDIA_FOLDER
from kenniscentrum.content.catalogue import Catalogue, empty_catalogue, load_catalogue
from kenniscentrum.content.problems import ContentError
from kenniscentrum.content.status import build_date
from kenniscentrum.editor.cms import (
    LOCAL_BACKEND,
    Backend,
    cms_config,
    find_cms_dist,
    render_config,
    write_admin,
)
from kenniscentrum.feedlist import Feed, feeds
from kenniscentrum.forked import Forked
from kenniscentrum.outputs.feeds import DEFAULT_ITEMS, autodiscovery, follow_texts
from kenniscentrum.outputs.ical import Calendars, build_calendars
from kenniscentrum.outputs.publication import for_publication, publication_problem
from kenniscentrum.outputs.redirects import content_error_html
from kenniscentrum.pages import generate_pages, pages_beside
from kenniscentrum.pages.entries import rendered_body
from kenniscentrum.pages.markdown import front_matter
from kenniscentrum.pages.search import SiteSearch, filter_options
from kenniscentrum.render.blocks import CardLists
from kenniscentrum.render.jsonld import entry_for_page, page_jsonld
from kenniscentrum.render.sanitize import DOCS_META_KEYS, confined, docs_meta, escape_title, sanitize
from kenniscentrum.render.templates import OVERRIDES_SUBDIR, configure
from kenniscentrum.render.templates import gettext as _
from kenniscentrum.routes import NAV_LISTINGS
from kenniscentrum.site import Site, from_mkdocs

log = logging.getLogger("mkdocs.plugins.kenniscentrum")


class KenniscentrumConfig(base.Config):
    content_dir = c.Type(str, default="content")
    # Build date for status and scheduling; tests fix it. Overridden by the KENNISCENTRUM_TODAY variable.
    today = c.Optional(c.Type(str))
    # Show drafts and scheduled entries: "auto" does so in `mkdocs serve` only.
    drafts = c.Choice(("auto", "always", "never"), default="auto")
    feed_items = c.Type(int, default=DEFAULT_ITEMS)
    # The form editor at /admin/ (Decap CMS from npm); `cms_dir` points at its dist folder when not in node_modules.
    admin = c.Type(bool, default=True)
    cms_dir = c.Optional(c.Type(str))
    # A build for publication refuses a placeholder site_url. Overridden by the KENNISCENTRUM_PUBLISH variable.
    publish = c.Type(bool, default=False)
    id_authority = c.Type(str, default="vlaio.be")  # feed ids and calendar UIDs: never change after launch


class KenniscentrumPlugin(BasePlugin[KenniscentrumConfig]):
    """Loads the catalogue once per build and hands MkDocs the pages and files it produces."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.catalogue: Catalogue | None = None
        self.pages: dict[str, str] = {}
        self._pages: Callable[[], dict[str, str]] = dict  # this build's pages, once made
        self.calendars: Calendars | None = None
        self.cms_dist: Path | None = None
        self.docs_outputs: dict[str, str] = {}  # site path -> docs/ source, for files from docs/
        self.dest_uris: dict[str, str] = {}  # page source -> its site path
        self.feeds: list[Feed] = []  # every feed the site publishes, for its page and its files
        self.site = Site()
        self.page_context: dict[str, object] = {}
        self.content_dir = Path("content")
        self.content_error: ContentError | None = None
        self.state = PreviewState()  # what `serve --dirty` keeps between builds
        self.search: SiteSearch | None = None
        self.outputs: Forked[None] | None = None  # a full build's feeds and calendars, beside the templates
        self.early_index: EarlySearchIndex | None = None  # a full build's search index, beside the last pages

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """MkDocs keeps this instance across the rebuilds of `serve`, so the previous build's state survives."""
        self.command = command
        self.state = PreviewState(incremental=command == "serve" and dirty)
        if self.state.incremental:
            # MkDocs warns that a dirty build may leave stale pages (and --strict stops on it); ours decides per
            # page from its generated Markdown, so the warning does not apply.
            logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarningFilter())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Validate all content before MkDocs cleans or writes anything: a bad file leaves no half-built site."""
        self.state.begin()  # the previous preview's outputs are stopped: this build writes them anew
        if for_publication(self.config.publish) and (problem := publication_problem(config.site_url or "")):
            raise PluginError(problem)
        content_dir = Path(config.config_file_path).parent / self.config.content_dir
        self.content_dir = content_dir
        # KENNISCENTRUM_DRAFTS=always: the pull-request preview shows drafts and scheduled entries, marked.
        mode = os.environ.get("KENNISCENTRUM_DRAFTS") or self.config.drafts
        drafts = mode == "always" or (mode == "auto" and self.command == "serve")
        # Name, address, language and Markdown extensions of the site, as MkDocs has them.
        self.site = from_mkdocs(
            config.site_name,
            config.site_url or "",
            config.theme["language"],
            config.markdown_extensions,
            config.mdx_configs,
            self.config.id_authority,
        )
        custom_dir = config.theme.custom_dir
        configure(self.site.language, Path(custom_dir) if custom_dir else None)
        # Card lists skip Python-Markdown's HTML parse. MkDocs types the list as names; it accepts instances.
        config.markdown_extensions.append(CardLists())  # type: ignore[arg-type]
        self.content_error = None
        try:
            self.catalogue = load_catalogue(
                content_dir,
                build_date(self.config.today),
                include_drafts=drafts,
                site_url=config.site_url or "",
                parallel=self.command != "serve",
            )
        except ContentError as exc:
            if self.command != "serve":
                raise PluginError(str(exc)) from None
            # A failed rebuild would leave `mkdocs serve` hanging every request: serve the problems instead.
            # Not through MkDocs' logger: its strict counter would abort this build too (and hang the browser).
            print(f"FOUT    -  {exc}", file=sys.stderr)
            self.content_error = exc
            self.state.failed()  # the error pages replaced built ones: the next good build renders everything
            self.catalogue = self.catalogue or empty_catalogue(build_date(self.config.today))
            config["strict"] = False
            # One menu item: every page shows the problems, and a menu of all pages would make each page list
            # every other (slow, and hundreds of feed pages in the menu).
            config["nav"] = [{_("Fout in de inhoud"): "index.md"}]
            config.theme.static_templates.discard("404.html")  # our 404.md shows the problems instead
            return config
        self.feeds = feeds(self.catalogue)  # their pages now, their files after the pages
        if self.command == "serve":  # the preview reuses the pages whose inputs did not change
            pages = generate_pages(self.catalogue, self.state.pages_cache(_watched(config)), self.feeds)
            self._pages = lambda: pages
        else:  # a full build makes them on a second core while MkDocs cleans the site folder (until on_files)
            self._pages = pages_beside(self.catalogue, self.feeds)
        # What every page's template gets alike: the feed links, the copy buttons' texts, the search filters.
        self.page_context = {
            "kc_feeds": autodiscovery(),
            "kc_ui": follow_texts(),
            "kc_search_filters": filter_options(self.catalogue),
        }
        self.search = self.state.site_search(self.catalogue)
        # Each consultation's .ics is a real file, so strict mode checks its "Zet in je agenda" link.
        self.calendars = build_calendars(self.catalogue, self.site)
        if self.catalogue.hidden:
            log.info("%d ontwerp(en) of geplande items niet gepubliceerd", self.catalogue.hidden)
        self.cms_dist = self._find_cms(Path(config.config_file_path).parent)
        return config

    def _find_cms(self, project: Path) -> Path | None:
        """A published site always has its editor; the preview (`serve`) runs without it when npm is missing."""
        if not self.config.admin:
            return None
        if self.config.cms_dir:
            dist = project / self.config.cms_dir
            found = dist if (dist / "decap-cms.js").is_file() else None
        else:
            found = find_cms_dist([project, Path(__file__).resolve().parent])
        if found is None and self.command == "serve":
            log.info("Formuliereditor /admin/ overgeslagen: Decap CMS ontbreekt (voer 'npm ci' uit)")
        elif found is None:
            raise PluginError(
                "De formuliereditor (/admin/) kan niet gebouwd worden: het script van Decap CMS ontbreekt "
                "(node_modules/decap-cms). Voer 'npm ci' uit of bouw met 'make build'; wil je een site "
                "zonder /admin/, zet dan 'admin: false' bij de plugin kenniscentrum in mkdocs.yml."
            )
        return found

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the generated pages; every URL has one owner, so a docs/ page never silently replaces one."""
        if self.content_error is not None:
            page = front_matter(_("Fout in de inhoud")) + "# " + _("Fout in de inhoud") + "\n\n"
            page += content_error_html(self.content_error.problems) + "\n"
            # Every page (the static ones, the last good build's generated ones, 404) shows the problems, so the
            # page the editor has open reloads into them; theme assets stay.
            sources = {f.src_uri for f in files if f.is_documentation_page()} | set(self.pages) | {"404.md"}
            kept = [f for f in files if not f.is_documentation_page() and f.src_uri != "404.html"]
            errors = [File.generated(config, src, content=page) for src in sorted(sources)]
            for error in errors:
                if error.src_uri == "404.md":  # where `mkdocs serve` looks for the page of an unknown address
                    error.dest_uri, error.url = "404.html", "404.html"
            return Files(kept + errors)
        # Images and attachments live in content/media/ and keep that path on the site (see bodylinks.py).
        media = self.content_dir / MEDIA_FOLDER
        root = media.resolve()
        for path in sorted(media.rglob("*")) if media.is_dir() else []:
            # A symlink could publish any file of the machine: only real files inside content/media/.
            if (
                path.is_file()
                and not path.is_symlink()
                and path.resolve().is_relative_to(root)
                and not path.name.startswith(".")
            ):
                src = path.relative_to(self.content_dir).as_posix()
                files.append(File(src, str(self.content_dir), config.site_dir, config.use_directory_urls))
        # Our template overrides live in the theme's custom_dir (overrides/kenniscentrum/): not site files.
        for file in [
            f for f in files if f.src_uri.startswith(f"{OVERRIDES_SUBDIR}/") and not f.is_documentation_page()
        ]:
            files.remove(file)
        assert self.catalogue is not None and self.calendars is not None
        self.pages = self._pages()
        docs = {f.dest_uri: f for f in files}
        owners = {e.src_uri: e.path for e in self.catalogue.all()}
        clashes = []
        generated: list[_GeneratedFile] = []
        outputs: list[tuple[str, str | bytes]] = [*self.pages.items(), *self.calendars.consultations.items()]
        for src_uri, content in outputs:
            if not confined(src_uri):
                clashes.append(f"{src_uri}: een gegenereerde pagina buiten de site-map")
                continue
            inclusion = InclusionLevel.INCLUDED if src_uri in NAV_LISTINGS else InclusionLevel.NOT_IN_NAV
            file = _GeneratedFile.generated(config, src_uri, content=content, inclusion=inclusion)
            assert isinstance(file, _GeneratedFile)
            if (other := docs.get(file.dest_uri)) is not None:
                owner = owners.get(src_uri, f"de gegenereerde pagina {src_uri}")
                clashes.append(
                    f"docs/{other.src_uri} krijgt hetzelfde adres ({file.url or '/'}) als {owner}: "
                    "geef het bestand in docs/ een andere naam"
                )
            generated.append(file)
        if clashes:
            raise PluginError("\n".join(clashes))
        reuse = self._prepare_incremental(files, config, {f.src_uri: f.dest_uri for f in generated})
        for file in generated:
            file.unchanged = file.src_uri in reuse
            files.append(file)
        self.docs_outputs = {f.dest_uri: f.src_uri for f in files if f.generated_by is None}
        self.dest_uris = {f.src_uri: f.dest_uri for f in files.documentation_pages()}
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Every page's Markdown is rendered: a full build starts its feeds, calendars and /admin/ on a second
        core, and its search index as soon as the last page the index may hold is written."""
        self.state.theme_environment(env)
        if self.command != "serve" and self.content_error is None:
            steps = [partial(self._outputs().write_files, Path(config.site_dir))]
            if self.cms_dist is not None:
                steps.append(partial(self._write_admin, config))
            self.outputs = Forked(partial(_run_all, steps))
            order = (f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_included))
            self.early_index = EarlySearchIndex(order, self._may_be_indexed)
        return env

    def _may_be_indexed(self, src_uri: str) -> bool:
        """Our listings, digests and feed pages never are; entries and docs/ pages may be."""
        assert self.catalogue is not None
        return src_uri not in self.pages or entry_for_page(self.catalogue, src_uri) is not None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A docs/ page's front matter holds only keys Material prints safely; its description is escaped."""
        if page.file.generated_by is None or page.file.src_uri not in self.pages:
            page.meta, refused = docs_meta(page.meta)
            if refused:
                raise PluginError(
                    f"docs/{page.file.src_uri}: de front matter mag alleen {', '.join(DOCS_META_KEYS)} bevatten, "
                    f"niet {', '.join(refused)}: verwijder die velden"
                )
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Editor HTML is published inert; listings are built only from escaped values and keep their forms.

        Which pages skip the sanitizer is decided by what this plugin generated, never by a front matter key
        a docs/ page could set. Page titles are printed unescaped by Material: `<` and `>` are escaped here.
        """
        if page.title and ("<" in page.title or ">" in page.title):
            page.meta["title"] = escape_title(page.title)
        ours = page.file.generated_by is not None and page.file.src_uri in self.pages
        if ours and page.meta.get("kc_type") == "listing":
            return html
        if (body := rendered_body(html)) is not None:
            self.state.rendered_bodies[page.file.src_uri] = body
        return sanitize(html)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """For overrides/main.html: the feed links of every page and the JSON-LD of an entry (script-safe)."""
        if self.content_error is not None:  # the pages that show the problems: no feeds, data or search
            return context
        assert self.catalogue is not None
        for key, value in self.page_context.items():
            context[key] = value  # type: ignore[literal-required]  # our own keys, for overrides/main.html
        context["kc_jsonld"] = page_jsonld(
            self.catalogue, page.file.src_uri, self.site.url, self.site.language
        )
        # What Pagefind indexes beyond the visible text (overrides/main.html), and the search form's filters.
        assert self.search is not None
        context["kc_search"] = self.search.page(page.file.src_uri, page.meta, page.content, page.is_homepage)
        if self.early_index is not None:
            try:
                self.early_index.page(page.file.src_uri, Path(config.site_dir), self._indexed)
            except OutputError as exc:  # Pagefind missing or not starting: said in Dutch, no traceback
                raise PluginError(str(exc)) from None
        return context

    def _prepare_incremental(self, files: Files, config: MkDocsConfig, dests: dict[str, str]) -> set[str]:
        """In `serve --dirty`: the generated pages to leave as rendered; static and removed pages are cleared."""
        if not self.state.incremental:
            return set()
        for file in files.documentation_pages():  # macros may show any entry: render them every time
            Path(file.abs_dest_path).unlink(missing_ok=True)
        return self.state.reusable(
            self._generated(),
            (f.src_uri for f in files.documentation_pages()),
            _watched(config),
            Path(config.site_dir),
            lambda uri: (
                dests.get(uri) or File(uri, None, config.site_dir, config.use_directory_urls).dest_uri
            ),
        )

    def _generated(self) -> dict[str, str | bytes]:
        """Every file this plugin hands MkDocs: the generated pages and each consultation's calendar."""
        return {**self.pages, **(self.calendars.consultations if self.calendars else {})}

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Feeds, calendars, open data and the search index; in the preview on a worker thread, after the pages."""
        assert self.catalogue is not None
        if self.content_error is not None:
            return
        self.state.succeeded(self._generated())
        site_dir = Path(config.site_dir)
        if self.command == "serve":
            if self.cms_dist is not None:
                self._write_admin(config)  # before the search index starts: /admin/ is never indexed
            outputs = self._outputs()
            background = self.state.background
            background.start(
                [
                    lambda: self.state.outputs_written(outputs.write(site_dir, background.cancelled)),
                    lambda: log.info("Zoekindex: %s", outputs.index(site_dir, background.on_cancel)),
                ],
                _report_background_error,
            )
            return
        try:
            indexing = self.early_index.indexing if self.early_index else None
            log.info("Zoekindex: %s", self._outputs().write_all(site_dir, self.outputs, indexing))
        except OutputError as exc:
            raise PluginError(str(exc)) from None

    def _indexed(self) -> tuple[str, ...]:
        """The site paths of the pages the search index holds (so far)."""
        assert self.search is not None
        return tuple(self.dest_uris[src] for src in self.search.page_words if src in self.dest_uris)

    def _outputs(self) -> Outputs:
        """What the outputs are made of, as this build left it: in the preview the next build replaces it."""
        assert self.catalogue is not None and self.search is not None
        return Outputs(
            self.catalogue,
            dict(self.state.rendered_bodies),
            self.calendars,
            self.search,
            self.docs_outputs,
            self.site,
            self.config.feed_items,
            self._indexed(),
            self.feeds,
        )

    def on_shutdown(self) -> None:
        """`mkdocs serve` stops: finish the outputs of the last preview build rather than leave them half written."""
        self.state.background.wait()

    def _write_admin(self, config: MkDocsConfig) -> None:
        """/admin/ is written beside the site, not as a MkDocs page: never in nav, sitemap or search index."""
        assert self.catalogue is not None and self.cms_dist is not None
        backend = Backend.from_settings(config.extra.get("cms"))
        if self.command == "serve" and not backend.local_backend:
            # The preview edits the files on this computer, through `npx decap-server` (see CONTRIBUTING.md).
            backend = dataclasses.replace(backend, local_backend=LOCAL_BACKEND)
        if not backend.repo and not backend.local_backend:
            log.info("Formuliereditor: geen GitHub-repository ingesteld (extra.cms.repo in mkdocs.yml)")
        listed = self.catalogue.organisation_list
        names = sorted((o.name for o in listed.items.values()), key=str.casefold) if listed else []
        text = render_config(cms_config(self.catalogue.vocabularies, backend, config.site_url or "", names))
        write_admin(Path(config.site_dir), self.cms_dist, text, config.site_name)

    def on_build_error(self, *, error: Exception) -> None:
        """Never leave a half-written site behind for a deploy step to publish."""
        self.state.failed()  # the next preview renders everything again
        if self.outputs is not None:
            self.outputs.kill()
        if self.early_index is not None:
            self.early_index.kill()
        site_dir = getattr(self, "_site_dir", None)
        if site_dir and Path(site_dir).is_dir():
            shutil.rmtree(site_dir, ignore_errors=True)
            log.error("Bouw mislukt: de onvolledige site in %s is verwijderd", site_dir)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._site_dir = config.site_dir


def _run_all(steps: Sequence[Callable[[], object]]) -> None:
    for step in steps:
        step()


def _report_background_error(error: BaseException) -> None:
    """A preview's outputs failed after its pages were served: say so, as the content errors are said."""
    print(f"FOUT    -  {error}", file=sys.stderr)


class _DirtyWarningFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class _GeneratedFile(File):
    """A generated page; `unchanged` when its Markdown, templates and configuration are those of the previous
    preview build, so MkDocs' dirty mode leaves its HTML as it is."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def _watched(config: MkDocsConfig) -> list[Path]:
    """What every page's HTML depends on besides its Markdown: the configuration and our templates."""
    package_templates = Path(__file__).parent / "templates"
    custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    return [Path(config.config_file_path), *custom, package_templates]
