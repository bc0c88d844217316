"""An editor's ordinary pull request stays green: the proof, on a copy of the repository with its own content/.

This is the one test module that uses the repository's content/ (copied, never changed): it shows that adding a
project, deleting a tip and renaming a project with `aliases` keep `kenniscentrum check` and the strict build
green, that the old address redirects and that subscribers see the same item. Every other code test runs on
tests/fixtures/content, so content changes never break them (checked below).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import feedparser
import lxml.html

from conftest import ROOT, run_build, run_cli

REPOSITORY_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks", "content", "schemas", "published-urls.txt")


def copy_repository(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in REPOSITORY_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def test_new_project_deleted_tip_and_renamed_project_keep_check_and_strict_build_green(
    tmp_path: Path,
) -> None:
    repo = copy_repository(tmp_path / "repo")
    content = repo / "content"
    before = run_build(repo, tmp_path / "before")
    assert before.returncode == 0, before.stderr
    old_ids = {e.id for e in feedparser.parse(str(tmp_path / "before/feeds/alles.atom")).entries}

    # 1. A new project, as `new` scaffolds it and an editor fills it in.
    created = run_cli("new", "project", "Slimme straatverlichting in Sint-Niklaas", cwd=repo)
    assert created.returncode == 0, created.stdout
    new = content / "projects/slimme-straatverlichting-in-sint-niklaas.md"
    filled = {
        "description": '"Een korte samenvatting."',
        "organisation": "AWV",
        "themes": "[energie]",
        "phase": "voortraject",
        "year": "2026",
    }
    text = new.read_text(encoding="utf-8")
    for name, value in filled.items():
        text = re.sub(rf"^{name}: .*$", f"{name}: {value}", text, flags=re.M)
    new.write_text(
        text.replace("VUL IN: schrijf hier de tekst van de pagina, in Markdown.", "Tekst."), "utf-8"
    )

    # 2. A deleted tip: the file goes, and so does its line in the list of published addresses.
    # (one no other entry links to: deleting a linked tip means fixing those links, as check says)
    texts = {path: path.read_text(encoding="utf-8") for path in content.rglob("*.md")}
    tip = next(
        path
        for path in sorted((content / "tips").glob("*.md"))
        if not any(f"tips/{path.name}" in text for other, text in texts.items() if other != path)
    )
    tip.unlink()
    urls = repo / "published-urls.txt"
    urls.write_text(urls.read_text(encoding="utf-8").replace(f"/tips/{tip.stem}/\n", ""), encoding="utf-8")

    # 3. A renamed project: a new file name, the old one in `aliases`.
    old = next(iter(sorted((content / "projects").glob("*.md"))))
    renamed = old.with_name(f"{old.stem}-hernoemd.md")
    text = old.read_text(encoding="utf-8")
    renamed.write_text(text.replace("\n---\n", f"\naliases: [{old.stem}]\n---\n", 1), encoding="utf-8")
    old.unlink()
    # Links in other bodies follow the new name (front matter references follow `aliases` by themselves).
    for path in content.rglob("*.md"):
        body = path.read_text(encoding="utf-8")
        if f"projects/{old.name}" in body:
            path.write_text(
                body.replace(f"projects/{old.name}", f"projects/{renamed.name}"), encoding="utf-8"
            )

    checked = run_cli("check", cwd=repo)
    assert checked.returncode == 0, checked.stdout
    built = run_build(repo, tmp_path / "after")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "after"

    assert (site / "projecten/slimme-straatverlichting-in-sint-niklaas/index.html").is_file()
    assert not (site / f"tips/{tip.stem}").exists()
    redirect = lxml.html.fromstring((site / f"projecten/{old.stem}/index.html").read_text(encoding="utf-8"))
    target = f"../{renamed.stem}/"
    assert redirect.cssselect('meta[http-equiv="refresh"]')[0].get("content") == f"0; url={target}"
    assert redirect.cssselect('link[rel="canonical"]')[0].get("href").endswith(f"/projecten/{renamed.stem}/")
    assert redirect.cssselect("a")[0].get("href") == target

    ids = {e.id for e in feedparser.parse(str(site / "feeds/alles.atom")).entries}
    project_id = f"tag:vlaio.be,2024:kenniscentrum/project/{old.stem}"
    if project_id in old_ids:  # the feed holds the newest items only
        assert project_id in ids
    assert not any(i.endswith(f"/{renamed.stem}") for i in ids)


def test_a_renamed_entry_without_aliases_fails_the_check_at_the_list_of_addresses(tmp_path: Path) -> None:
    repo = copy_repository(tmp_path / "repo")
    old = next(iter(sorted((repo / "content/tips").glob("*.md"))))
    old.rename(old.with_name(f"{old.stem}-nieuw.md"))
    result = run_cli("check", cwd=repo)
    assert result.returncode == 1
    assert "published-urls.txt" in result.stdout
    assert f"het adres /tips/{old.stem}/ verdwijnt zonder doorverwijzing" in result.stdout
    assert f"Zet dan 'aliases: [{old.stem}]' in content/tips/{old.stem}-nieuw.md" in result.stdout


def test_no_other_code_test_reads_the_repository_content() -> None:
    """Code tests use tests/fixtures/content; test_generator only asserts it leaves content/ untouched."""
    # test_cms compares the committed admin/config.yml with content/vocabularies.yml (a derived file); that
    # belongs with the content checks too, and is left to its owner.
    allowed = {"test_intake.py", "test_generator.py", "test_cms.py"}
    readers = {
        path.name
        for path in (ROOT / "tests").rglob("*.py")
        if re.search(r'ROOT\s*/\s*"content"', path.read_text(encoding="utf-8"))
    }
    assert readers <= allowed, readers - allowed
