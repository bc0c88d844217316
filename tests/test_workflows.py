"""Repository conventions: GitHub workflows (linted with actionlint), the pull-request template, pre-commit."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); take it back under its name.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]


def actionlint() -> str:
    """The actionlint installed with the test extras, next to this interpreter."""
    candidate = Path(sys.executable).parent / "actionlint"
    found = str(candidate) if candidate.exists() else shutil.which("actionlint")
    assert found, "actionlint ontbreekt: installeer de test-extra's opnieuw met 'make setup'"
    return found


def test_actionlint_accepts_every_workflow() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) >= 2
    result = subprocess.run(
        [actionlint(), "-no-color", *files], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_request_workflow_checks_builds_tests_and_keeps_a_preview() -> None:
    workflow = load("pr.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    commands = runs(workflow)
    assert "make setup" in commands
    assert "kenniscentrum check --format github" in commands
    assert "mkdocs build --strict" in commands
    assert "make test" in commands
    upload = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "site-voorbeeld"
    # The check runs before the build, so an editor's mistakes arrive as annotations, not as a build trace.
    order = [s.get("run", s.get("uses", "")) for s in steps(workflow)]
    check = next(i for i, s in enumerate(order) if "kenniscentrum check" in s)
    build = next(i for i, s in enumerate(order) if "mkdocs build" in s)
    assert check < build


def test_deploy_workflow_publishes_main_to_pages_daily() -> None:
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["on"]["schedule"], "scheduled entries need a daily build"
    assert workflow["concurrency"]["group"] == "pages"
    assert workflow["permissions"] == {"contents": "read"}
    assert "mkdocs build --strict" in runs(workflow)
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(workflow))
    deploy = next(
        j for j in workflow["jobs"].values() if any("deploy-pages" in s.get("uses", "") for s in j["steps"])
    )
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_every_pull_request_gets_a_marked_preview_under_pr_number() -> None:
    workflow = load("preview.yml")
    assert set(workflow["on"]["pull_request"]["types"]) >= {"opened", "synchronize", "closed"}
    assert workflow["env"]["PREVIEW_DIR"] == "pr-${{ github.event.pull_request.number }}"
    build = next(s for s in steps(workflow) if "mkdocs build --strict" in s.get("run", ""))
    assert build["env"]["KENNISCENTRUM_DRAFTS"] == "always"
    assert build["env"]["SITE_URL"].endswith("/${{ env.PREVIEW_DIR }}/")
    commands = runs(workflow)
    assert "kenniscentrum check" in commands and "kenniscentrum urls" in commands
    assert "git push -q origin voorbeelden" in commands and "gh workflow run deploy.yml" in commands
    # The Pages deploy carries the previews next to the published site.
    assert "origin voorbeelden" in runs(load("deploy.yml"))


def test_pull_request_workflow_checks_the_built_content_html_and_changed_pages() -> None:
    commands = runs(load("pr.yml"))
    assert "vnu.jar --errors-only --skip-non-html" in commands
    assert commands.rstrip().endswith("site")  # the pull request's own build, not the fixture site
    assert "git diff --name-only FETCH_HEAD HEAD -- content docs" in commands
    assert "checks/changed_pages.py site" in commands


def test_pull_request_template_is_a_dutch_checklist() -> None:
    text = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert text.count("- [ ] ") >= 5
    assert "VUL IN" in text and "kenniscentrum check" in text and "make serve" in text


def test_pre_commit_runs_the_content_check() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    check = next(h for h in hooks if h["id"] == "kenniscentrum-check")
    assert check["entry"].endswith("kenniscentrum check")
    assert check["language"] == "system" and check["pass_filenames"] is False
