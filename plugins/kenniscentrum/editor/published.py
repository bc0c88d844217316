"""The list of every published URL (`published-urls.txt`): no address disappears without a redirect.

Subscribers, other sites and search engines keep links to our pages. The list is committed; `kenniscentrum
check` compares it with the pages the content produces now (plus the redirect pages of `aliases`) and reports,
in Dutch at the list's line, every address that would vanish. Deliberately removing a page is removing its line.
New pages are no problem: `kenniscentrum urls` adds them (the deploy workflow does so after every publication).
"""

from __future__ import annotations

from pathlib import Path

from kenniscentrum.content.catalogue import Catalogue
from kenniscentrum.content.problems import Problem, did_you_mean
from kenniscentrum.pages import listing_pages
from kenniscentrum.pages.digest import digest_pages
from kenniscentrum.routes import page_url

URLS_FILE = "published-urls.txt"
HEADER = (
    "# Elk adres dat de site publiceert (één per regel, zonder domein). Gegenereerd met 'kenniscentrum urls'.\n"
    "# 'kenniscentrum check' meldt een adres dat verdwijnt zonder doorverwijzing (zie CONTRIBUTING.md).\n"
)


# Pages that exist because of other entries (an organisation's, a month's digest, a theme's): they go when
# their last entry goes, which is not an editor's mistake. `kenniscentrum urls` drops their lines.
DERIVED = ("/organisaties/", "/nieuwsbrief/", "/thema/")


def current_urls(catalogue: Catalogue, docs_dir: Path) -> set[str]:
    """Every page URL of a build of this (public) catalogue: generated pages and the static pages in docs/."""
    # The same pages as generate_pages(), without rendering every entry page just to learn its address.
    derived = {**listing_pages(catalogue), **digest_pages(catalogue)}
    urls = {"/" + entry.url for entry in catalogue.all()} | {"/" + page_url(src) for src in derived}
    if docs_dir.is_dir():
        for path in docs_dir.rglob("*.md"):
            src = path.relative_to(docs_dir).as_posix()
            if not src.startswith("404"):
                urls.add("/" + page_url(src))
    return {url.replace("//", "/") for url in urls}


def redirected_urls(catalogue: Catalogue) -> set[str]:
    return {f"/{entry.type.url_prefix}/{alias}/" for (_, alias), entry in catalogue.aliases.items()}


def read_list(path: Path) -> list[tuple[int, str]]:
    """(line number, URL) for every URL in the list; comments and blank lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (n, line.strip())
        for n, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    ]


def disappearing(catalogue: Catalogue, root: Path, rel: str = URLS_FILE) -> list[Problem]:
    """A problem for every listed URL the site would no longer serve, with the closest current page as hint."""
    path = root / rel
    if not path.is_file():
        return []
    served = current_urls(catalogue, root / "docs") | redirected_urls(catalogue)
    problems = []
    for line, url in read_list(path):
        if url in served or url.startswith(DERIVED):
            continue
        prefix, _, slug = url.strip("/").rpartition("/")
        entry = next((e for e in catalogue.all() if e.type.url_prefix == prefix), None)
        hint = ""
        if entry is not None:
            slugs = [e.slug for e in catalogue.all() if e.type.url_prefix == prefix]
            if suggestion := did_you_mean(slug, slugs):
                new = suggestion.removeprefix("bedoelde je '").removesuffix("'?")
                hint = f"hernoemd naar '{new}'? Zet dan 'aliases: [{slug}]' in content/{entry.type.folder}/{new}.md"
        problems.append(
            Problem(
                rel,
                line,
                "",
                f"het adres {url} verdwijnt zonder doorverwijzing",
                (hint + "; " if hint else "")
                + "hernoem je een item, zet de oude naam in 'aliases'; verwijder je het echt, schrap dan deze regel",
            )
        )
    return problems


def new_urls(catalogue: Catalogue, root: Path, rel: str = URLS_FILE) -> list[str]:
    """Pages the list does not hold yet (informative only: adding pages is always fine)."""
    path = root / rel
    if not path.is_file():
        return []
    listed = {url for _, url in read_list(path)}
    return sorted(current_urls(catalogue, root / "docs") - listed)


def write_list(catalogue: Catalogue, root: Path, rel: str = URLS_FILE) -> Path:
    """The list as the site is now, plus every listed URL still served by a redirect (old addresses stay)."""
    path = root / rel
    urls = current_urls(catalogue, root / "docs")
    if path.is_file():
        urls |= {url for _, url in read_list(path)} & redirected_urls(catalogue)
    path.write_text(HEADER + "".join(f"{url}\n" for url in sorted(urls)), encoding="utf-8")
    return path
