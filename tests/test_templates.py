"""Markup lives in templates: a site restyles it by overriding one file, and no editor value becomes markup."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import lxml.html
import markdown
import pytest

from conftest import CONTENT, ROOT, TODAY, run_build, run_cli
from kenniscentrum.content.catalogue import load_catalogue
from kenniscentrum.pages import generate_pages
from kenniscentrum.render.blocks import CardLists
from kenniscentrum.render.templates import dest
from kenniscentrum.site import from_mkdocs_yml

PACKAGE = ROOT / "plugins" / "kenniscentrum"
# An HTML tag (not a comment: the body markers and the editor guide's markers are comments).
TAG = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*)(\s|/?>)")

CARD = """{#- A site's own card: a plain list item with the title link and the description. -#}
{%- macro card(card) -%}
<li class="mijn-kaart" data-soort="{{ card.type }}">
{%- if card.type == "project" %}<strong>{{ card.organisation }}</strong> {% endif -%}
<a href="{{ card.href|dest }}">{{ card.title }}</a> <em>{{ card.description }}</em></li>
{%- endmacro -%}
"""


def test_a_site_restyles_every_card_by_overriding_one_template(project: Path, tmp_path: Path) -> None:
    override = project / "overrides" / "kenniscentrum" / "fragments" / "card.html"
    override.parent.mkdir(parents=True)
    override.write_text(CARD, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    projects = len(list((project / "content" / "projects").glob("*.md")))
    for page, count in (("projecten/index.html", projects), ("thema/energie/index.html", None)):
        doc = lxml.html.parse(str(site / page)).getroot()
        cards = doc.cssselect("article li.mijn-kaart")
        assert cards and not doc.cssselect(".kc-card"), page
        if count is not None:
            assert len(cards) == count
        assert all(card.find("a").get("href").endswith("/") for card in cards)
    # A card knows its entry's type and organisation, so a site can show them its own way.
    catalogue = lxml.html.parse(str(site / "projecten/index.html")).getroot()
    cold2gold = next(c for c in catalogue.cssselect("li.mijn-kaart") if "Cold2Gold" in c.text_content())
    assert cold2gold.get("data-soort") == "project"
    assert cold2gold.find("strong").text == "Sport Vlaanderen"
    energie = lxml.html.parse(str(site / "thema/energie/index.html")).getroot()
    assert {c.get("data-soort") for c in energie.cssselect("li.mijn-kaart")} >= {"project", "consultation"}
    # The override is a template of the plugin, not a file of the published site.
    assert not (site / "kenniscentrum").exists()


def _strings(path: Path) -> list[tuple[int, str]]:
    """String literals of a module (f-string parts included), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_no_markup_in_python_string_literals() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, text in _strings(path)
        if TAG.search(text)
    ]
    assert found == []


def test_the_check_above_finds_markup() -> None:
    assert TAG.search("f'<li class=\"kc-card\">{x}'") and TAG.search("</a>") and TAG.search("<br/>")
    assert not TAG.search("a < b and c > d") and not TAG.search("<{url}>")


HOSTILE = {
    "title": "Project {onmouseover=alert(1)} <script>alert(2)</script>",
    "description": "Zie [hier](javascript:alert(3)) en ![x](javascript:alert(4))",
    "organisation": "[Stad](javascript:alert(5)){: onclick=alert(6) }",
}


@pytest.fixture(scope="module")
def hostile_pages() -> dict[str, str]:
    """Every generated page, with one project's texts made hostile (a catalogue of this test's own)."""
    catalogue = load_catalogue(CONTENT, date.fromisoformat(TODAY))
    project = catalogue.entries["project"][0]
    project.title, project.description = HOSTILE["title"], HOSTILE["description"]
    project.data["organisation"] = HOSTILE["organisation"]
    project.data["partners"] = ["<img src=x onerror=alert(7)>"]
    return generate_pages(catalogue)


def test_editor_text_stays_text_in_every_generated_page(hostile_pages: dict[str, str]) -> None:
    """Rendered with the site's own Markdown extensions, as MkDocs renders them (before any sanitizing)."""
    site = from_mkdocs_yml(ROOT / "mkdocs.yml")
    extensions, configs = site.feed_extensions
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    shown = 0
    for src, text in hostile_pages.items():
        body = text.split("---\n", 2)[2]
        html = converter.reset().convert(body)
        doc = lxml.html.fragment_fromstring(html, create_parent="div")
        assert not doc.xpath("//script | //img[@onerror]"), src
        assert not doc.xpath("//@*[starts-with(name(), 'on')]"), src
        assert not [v for v in doc.xpath("//@href | //@src") if "javascript" in v.lower()], src
        if "onmouseover=alert(1)" in doc.text_content():
            shown += 1
    assert shown > 3  # the hostile title is shown as text on its page, its listings and its related pages


def test_a_link_target_with_another_scheme_goes_nowhere() -> None:
    assert dest("JavaScript:alert(1)") == "#"
    assert dest("data:text/html,x") == "#"
    assert dest("https://example.org/a b?x=1&y=<2>") == "https://example.org/a%20b?x=1&amp;y=%3C2%3E"
    assert dest("../thema/energie.md#conclusies") == "../thema/energie.md#conclusies"


def test_kenniscentrum_pages_uses_the_same_overrides(project: Path, tmp_path: Path) -> None:
    """The engine-free door (`kenniscentrum pages`) writes the site's own card too."""
    override = project / "overrides" / "kenniscentrum" / "fragments" / "card.html"
    override.parent.mkdir(parents=True)
    override.write_text(CARD, encoding="utf-8")
    result = run_cli("pages", "--out", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    catalogue = (tmp_path / "out" / "projecten" / "index.md").read_text(encoding="utf-8")
    assert catalogue.count('<li class="mijn-kaart" data-soort="project">') == len(
        list((project / "content" / "projects").glob("*.md"))
    )
    assert 'kc-card"' not in catalogue and "kc-card__" not in catalogue


SITE_PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Tips en verhalen"
msgstr "Praktijkverhalen"
"""


def test_a_site_rewords_a_ui_string_with_its_own_catalog(project: Path, tmp_path: Path) -> None:
    """Only the changed message, in the site's overrides: the plugin's catalog fills in the rest."""
    po = project / "overrides" / "kenniscentrum" / "locale" / "nl" / "LC_MESSAGES" / "kenniscentrum.po"
    po.parent.mkdir(parents=True)
    po.write_text(SITE_PO, encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    theme = lxml.html.parse(str(site / "thema/energie/index.html")).getroot()
    headings = [h.text_content().strip().rstrip("¶") for h in theme.cssselect("article h2")]
    assert "Praktijkverhalen" in headings and "Tips en verhalen" not in headings
    assert "Projecten" in headings  # untouched messages keep the plugin's wording


def test_card_lists_set_aside_render_as_python_markdown_renders_them() -> None:
    """Every generated page (listings, the catalogue with its card list inside the results, entries): the
    same HTML whether its card lists are stored for Python-Markdown or parsed by it as raw HTML."""
    site = from_mkdocs_yml(ROOT / "mkdocs.yml")
    extensions = list(site.markdown_extensions)
    parsed = markdown.Markdown(extensions=extensions, extension_configs=site.extension_configs)
    stored = markdown.Markdown(
        extensions=[*extensions, CardLists()], extension_configs=site.extension_configs
    )
    assert "kenniscentrum_cards" in stored.preprocessors and "kenniscentrum_cards" not in parsed.preprocessors
    pages = generate_pages(load_catalogue(CONTENT, date.fromisoformat(TODAY)))
    with_cards = 0
    for src, text in pages.items():
        body = text.split("---\n", 2)[2]
        html = stored.reset().convert(body)
        assert html == parsed.reset().convert(body), src
        with_cards += 'class="kc-cards"' in html
    assert with_cards > 10 and 'class="kc-cards"' in pages["projecten/index.md"]
