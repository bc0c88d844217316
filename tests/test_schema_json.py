"""The JSON Schemas editors' tooling uses: in sync with schema.py, and agreeing with the sample content."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import CONTENT
from kenniscentrum.content.load import iter_content_files
from kenniscentrum.content.schema import CONTENT_TYPES, load_vocabularies
from kenniscentrum.editor.jsonschema import generated_schemas, schema_file_name

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = load_vocabularies(CONTENT / "vocabularies.yml")
SAMPLES = list(iter_content_files(CONTENT))


class Yaml12Loader(yaml.SafeLoader):
    """Reads scalars as YAML 1.2 (core schema) does, like editors' YAML tooling: dates stay strings, only
    true/false are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def front_matter(text: str) -> dict:
    return yaml.load(text.split("---", 2)[1], Loader=Yaml12Loader)


def validator(type_name: str) -> jsonschema.Draft7Validator:
    schema = json.loads(generated_schemas(VOCABULARIES)[schema_file_name(CONTENT_TYPES[type_name])])
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)


@pytest.mark.parametrize(("ctype", "path"), SAMPLES, ids=[p.relative_to(ROOT).as_posix() for _, p in SAMPLES])
def test_every_sample_file_validates_against_its_json_schema(ctype, path: Path) -> None:
    errors = [
        f"{'/'.join(map(str, e.path))}: {e.message}"
        for e in validator(ctype.name).iter_errors(front_matter(path.read_text(encoding="utf-8")))
    ]
    assert errors == []


def test_schema_describes_fields_and_vocabulary_labels() -> None:
    schema = json.loads((ROOT / "schemas/project.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {f.name for f in CONTENT_TYPES["project"].fields if f.required}
    themes = schema["properties"]["themes"]
    assert themes["description"].startswith("Eén of meer thema's")
    assert themes["items"]["enum"] == list(VOCABULARIES["themes"])
    assert themes["items"]["markdownEnumDescriptions"] == list(VOCABULARIES["themes"].values())
    assert schema["properties"]["published"]["format"] == "date"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("fase: uitvoering", "Additional properties are not allowed ('fase' was unexpected)"),
        ("phase: bezig", "'bezig' is not one of"),
        ("published: 12/03/2024", "does not match"),
        ("year: twintig", "is not of type 'integer'"),
        ("themes: []", "should be non-empty"),
    ],
)
def test_json_schema_flags_typical_mistakes(line: str, fragment: str) -> None:
    data = front_matter((CONTENT / "projects/turing.md").read_text(encoding="utf-8"))
    key, value = line.split(": ", 1)
    if key == "fase":
        data[key] = value
    else:
        data[key] = yaml.load(value, Loader=Yaml12Loader)
    messages = [e.message for e in validator("project").iter_errors(data)]
    assert any(fragment in m for m in messages), messages


def test_vscode_maps_each_schema_to_its_content_folder() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for ctype in CONTENT_TYPES.values():
        assert mapping[f"./schemas/{schema_file_name(ctype)}"] == [f"content/{ctype.folder}/**/*.md"]
        assert (ROOT / "schemas" / schema_file_name(ctype)).is_file()
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_vscode_check_task_turns_github_annotations_into_problems() -> None:
    tasks = json.loads((ROOT / ".vscode/tasks.json").read_text(encoding="utf-8"))
    check = next(t for t in tasks["tasks"] if t["args"][:1] == ["check"])
    pattern = check["problemMatcher"]["pattern"]
    line = (
        "::error file=content/projects/p.md,line=8,title=kenniscentrum%3A year::"
        "year: 'twintig' is geen geheel getal — bv. 2019"
    )
    match = re.match(pattern["regexp"], line)
    assert match is not None
    assert match[pattern["file"]] == "content/projects/p.md"
    assert match[pattern["line"]] == "8"
    assert match[pattern["message"]] == "year: 'twintig' is geen geheel getal — bv. 2019"


@pytest.mark.parametrize("ctype", CONTENT_TYPES.values(), ids=list(CONTENT_TYPES))
def test_a_filled_in_new_file_validates_and_an_unfilled_one_does_not(ctype) -> None:
    from datetime import date

    from test_scaffold import FILLED

    from kenniscentrum.editor.scaffold import scaffold

    text, placeholders = scaffold(ctype, "Titel", date(2026, 11, 25), VOCABULARIES)
    assert list(validator(ctype.name).iter_errors(front_matter(text))) != []
    lines = text.splitlines()
    for placeholder in placeholders:
        if placeholder.field != "tekst":
            lines[placeholder.line - 1] = f"{placeholder.field}: {FILLED[placeholder.field]}"
    assert [e.message for e in validator(ctype.name).iter_errors(front_matter("\n".join(lines)))] == []


def test_a_consultation_has_one_session_or_a_list_of_sessions() -> None:
    check = validator("consultation")
    base = {
        "title": "T",
        "description": "D",
        "organisation": "Stad Halle",
        "themes": ["energie"],
        "published": "2026-11-20",
    }
    single = {**base, "starts": "2027-01-15 14:00", "location": "online"}
    several = {**base, "sessions": [{"starts": "2027-01-15 14:00", "location": "Gent"}]}
    assert check.is_valid(single) and check.is_valid(several)
    assert not check.is_valid(base)
    assert not check.is_valid({**single, "sessions": several["sessions"]})
    assert not check.is_valid({**base, "sessions": [{"starts": "2027-01-15 14:00"}]})
