"""The form editor's configuration (admin/config.yml): in sync with schema.py, covering every field, and /admin/
in the built site: served from the site, kept out of nav, sitemap and search, and a clear error without npm."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import CONTENT, ROOT, TODAY, copy_project, fixture_project, run_build, run_cli
from kenniscentrum.content.labels import FIELD_LABELS
from kenniscentrum.content.schema import CONTENT_TYPES, load_vocabularies
from kenniscentrum.editor.cms import Backend, cms_config, generated_config, organisation_names

VOCABULARIES = load_vocabularies(CONTENT / "vocabularies.yml")
ORGANISATIONS = organisation_names(CONTENT, VOCABULARIES)


def collection(config: dict, folder: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == folder)


def test_checked_in_config_matches_schema_py_and_the_vocabularies() -> None:
    vocabularies = load_vocabularies(ROOT / "content" / "vocabularies.yml")
    expected = generated_config(vocabularies, organisation_names(ROOT / "content", vocabularies))
    present = (ROOT / "admin" / "config.yml").read_text(encoding="utf-8")
    assert present == expected, "admin/config.yml is verouderd: voer 'kenniscentrum cms' uit"


def test_every_field_has_a_dutch_label() -> None:
    missing = sorted({f.name for t in CONTENT_TYPES.values() for f in t.fields} - set(FIELD_LABELS))
    assert missing == [], f"geef deze velden een label in content/labels.py: {missing}"


@pytest.mark.parametrize("ctype", CONTENT_TYPES.values(), ids=list(CONTENT_TYPES))
def test_one_collection_per_type_with_every_field_its_label_hint_and_requiredness(ctype) -> None:
    config = yaml.safe_load(generated_config(VOCABULARIES, ORGANISATIONS))
    found = collection(config, ctype.folder)
    assert found["folder"] == f"content/{ctype.folder}"
    assert found["slug"] == "{{slug}}"
    assert found["format"] == "frontmatter"
    fields = {f["name"]: f for f in found["fields"]}
    assert list(fields) == [*(f.name for f in ctype.fields), "body"]
    for spec in ctype.fields:
        form = fields[spec.name]
        assert form["label"] == FIELD_LABELS[spec.name]
        assert form["hint"] == spec.help
        assert form["required"] is spec.required, spec.name
    assert fields["body"]["widget"] == "markdown"


def test_vocabularies_are_selects_and_project_references_are_relations() -> None:
    config = cms_config(VOCABULARIES)
    project = {f["name"]: f for f in collection(config, "projects")["fields"]}
    themes = project["themes"]
    assert themes["widget"] == "select"
    assert themes["multiple"] is True
    assert themes["min"] == 1
    assert themes["options"] == [{"label": v, "value": k} for k, v in VOCABULARIES["themes"].items()]
    assert project["phase"]["widget"] == "select"
    assert "multiple" not in project["phase"]
    consultation = {f["name"]: f for f in collection(config, "consultations")["fields"]}
    assert consultation["project"] | {"hint": ""} == consultation["project"] | {
        "widget": "relation",
        "collection": "projects",
        "value_field": "{{slug}}",
        "hint": "",
    }
    tip = {f["name"]: f for f in collection(config, "tips")["fields"]}
    assert tip["projects"]["widget"] == "relation"
    assert tip["projects"]["multiple"] is True


def test_the_organisation_is_a_choice_from_the_organisations_list() -> None:
    config = yaml.safe_load(generated_config(VOCABULARIES, ORGANISATIONS))
    for folder in ("projects", "consultations"):
        field = next(f for f in collection(config, folder)["fields"] if f["name"] == "organisation")
        assert field["widget"] == "select", folder
        names = [o["value"] for o in field["options"]]
        assert "Sport Vlaanderen" in names and "Agentschap Wegen en Verkeer" in names
        assert names == sorted(names, key=str.casefold)


def test_dates_and_times_are_pickers_writing_what_check_reads() -> None:
    config = cms_config(VOCABULARIES)
    consultation = {f["name"]: f for f in collection(config, "consultations")["fields"]}
    assert consultation["starts"] | {"hint": "", "label": ""} == {
        "name": "starts",
        "label": "",
        "hint": "",
        "required": consultation["starts"]["required"],
        "widget": "datetime",
        "format": "YYYY-MM-DD HH:mm",  # no offset: check reads it as Belgian time
    }
    published = consultation["published"]
    assert (published["widget"], published["format"], published["time_format"]) == (
        "datetime",
        "YYYY-MM-DD",
        False,
    )


def test_lists_of_links_have_their_parts() -> None:
    project = {f["name"]: f for f in collection(cms_config(VOCABULARIES), "projects")["fields"]}
    links = project["links"]
    assert links["widget"] == "list"
    assert [(f["name"], f["required"]) for f in links["fields"]] == [("title", True), ("url", True)]
    partners = project["partners"]
    assert (partners["widget"], partners["field"]["widget"]) == ("list", "string")


def test_patterns_agree_with_the_validator() -> None:
    project = {f["name"]: f for f in collection(cms_config(VOCABULARIES), "projects")["fields"]}
    no_html = re.compile(project["title"]["pattern"][0])
    assert no_html.match("Slimme verlichting: 2 < 3")
    assert not no_html.match("Slimme <b>verlichting</b>")
    url = re.compile(project["links"]["fields"][1]["pattern"][0])
    assert url.match("https://www.example.org/pagina")
    assert not url.match("www.example.org")


def test_editorial_workflow_on_github_with_the_deploys_settings() -> None:
    committed = cms_config(VOCABULARIES)
    assert committed["publish_mode"] == "editorial_workflow"
    assert committed["backend"] == {"name": "github", "branch": "main"}
    assert committed["locale"] == "nl"
    assert "local_backend" not in committed
    backend = Backend.from_settings(
        {
            "repo": "pio/kenniscentrum",
            "branch": "",
            "auth_url": "https://auth.example.org",
            "local_backend": None,
        }
    )
    built = cms_config(VOCABULARIES, backend)
    assert built["backend"] == {
        "name": "github",
        "branch": "main",
        "repo": "pio/kenniscentrum",
        "base_url": "https://auth.example.org",
    }


def test_cms_command_writes_and_checks_the_config(tmp_path: Path) -> None:
    target = tmp_path / "admin" / "config.yml"
    result = run_cli("cms", "--out", str(target), "--check")
    assert result.returncode == 1
    assert "is verouderd: voer 'kenniscentrum cms' uit" in result.stdout
    assert run_cli("cms", "--out", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8") == generated_config(VOCABULARIES, ORGANISATIONS)
    result = run_cli("cms", "--out", str(target), "--check")
    assert (result.returncode, result.stdout.strip()) == (0, f"{target.as_posix()} is bij.")


def test_admin_is_served_by_the_site_and_kept_out_of_nav_sitemap_and_search(site: Path) -> None:
    admin = site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert '<script src="decap-cms.js"></script>' in page
    # Our Dutch corrections load first and start Decap once they are registered.
    assert page.index('<script src="admin-nl.js">') < page.index('<script src="decap-cms.js">')
    assert "window.CMS_MANUAL_INIT = true" in (admin / "admin-nl.js").read_text(encoding="utf-8")
    assert "http" not in page.replace('content="width=device-width', "")  # nothing from another host
    assert (admin / "decap-cms.js").stat().st_size > 1_000_000
    assert list(admin.glob("*.map")) == []
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["publish_mode"] == "editorial_workflow"
    assert "admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    # Pagefind indexes only the pages marked data-pagefind-body (see pages/search.py).
    assert "data-pagefind-body" not in page
    assert (site / "pagefind").is_dir()
    assert "admin/" not in (site / "index.html").read_text(encoding="utf-8")


def test_backend_comes_from_the_environment(project: Path, tmp_path: Path) -> None:
    env = {
        "KENNISCENTRUM_CMS_REPO": "pio/kenniscentrum",
        "KENNISCENTRUM_CMS_BRANCH": "inhoud",
        "SITE_URL": "https://kenniscentrum.example.org/",
    }
    result = run_build(project, tmp_path / "site", env=env)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((tmp_path / "site" / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {"name": "github", "branch": "inhoud", "repo": "pio/kenniscentrum"}
    assert config["site_url"] == "https://kenniscentrum.example.org/"


def test_build_without_the_cms_script_fails_in_dutch_and_publishes_nothing(
    project: Path, tmp_path: Path
) -> None:
    mkdocs_yml = project / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(
        text.replace("  - kenniscentrum\n", "  - kenniscentrum:\n      cms_dir: ontbreekt\n", 1)
    )
    site_dir = tmp_path / "site"
    result = run_build(project, site_dir)
    assert result.returncode != 0
    assert "De formuliereditor (/admin/) kan niet gebouwd worden" in result.stderr
    assert "npm ci" in result.stderr
    assert not (site_dir / "index.html").exists()


def test_admin_false_builds_a_site_without_admin(project: Path, tmp_path: Path) -> None:
    mkdocs_yml = project / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(text.replace("  - kenniscentrum\n", "  - kenniscentrum:\n      admin: false\n", 1))
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
    assert not (tmp_path / "site" / "admin").exists()


def test_check_reports_a_stale_config(tmp_path: Path) -> None:
    """Adding a theme without regenerating: the pull request's check names the file and the command."""
    project = copy_project(tmp_path / "project")
    (project / "admin").mkdir()
    (project / "admin" / "config.yml").write_text(
        generated_config(VOCABULARIES, ORGANISATIONS), encoding="utf-8"
    )
    assert run_cli("check", cwd=project).returncode == 0
    vocabularies = project / "content" / "vocabularies.yml"
    vocabularies.write_text(
        vocabularies.read_text(encoding="utf-8").replace(
            "themes:\n", "themes:\n  water: Water en klimaat\n", 1
        ),
        encoding="utf-8",
    )
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "admin/config.yml" in result.stdout
    assert "voer 'kenniscentrum cms' uit" in result.stdout


def test_pages_command_writes_admin_too(tmp_path: Path) -> None:
    """The door to an engine without MkDocs plugins includes the form editor, with the deploy's settings."""
    out, outputs = tmp_path / "docs", tmp_path / "site"
    env = {**os.environ, "KENNISCENTRUM_TODAY": TODAY, "GITHUB_REPOSITORY": "pio/kenniscentrum"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kenniscentrum.cli",
            "pages",
            "--out",
            str(out),
            "--outputs",
            str(outputs),
            "--admin",
        ],
        cwd=fixture_project(),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((outputs / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "pio/kenniscentrum"
    assert (outputs / "admin" / "decap-cms.js").is_file()
    assert "noindex" in (outputs / "admin" / "index.html").read_text(encoding="utf-8")
