"""Synthetic content for performance tests: N valid entries across the four types, reproducible from a seed.

The mix follows the real portfolio (45 % projects, 25 % market consultations, 20 % tips, 10 % funding). Every
entry is marked as synthetic (a title prefix and a line in its body), refers to real vocabulary codes and to
other generated entries (consultations and tips point at projects), and passes the real validator. The
generator only writes into the folder it is given and refuses the repository's own `content/`.

    python benchmarks/generator.py 1000 /tmp/bench-content --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REPO_CONTENT = ROOT / "content"
VOCABULARY_FILE = "vocabularies.yml"
MARKER = "Synthetische inhoud voor prestatietests."
TITLE_PREFIX = "[synthetisch]"
MIX = (("project", 0.45), ("consultation", 0.25), ("tip", 0.20), ("funding", 0.10))
FOLDERS = {"project": "projects", "consultation": "consultations", "tip": "tips", "funding": "funding"}
# Everything is published on or before this day, so a build with the benchmark's fixed date shows it all.
LAST_PUBLISHED = date(2026, 9, 30)

# Dutch building blocks: enough variety that pages, search index and slugs look like the real thing.
CITIES = [
    "Aalst",
    "Antwerpen",
    "Brugge",
    "Gent",
    "Genk",
    "Hasselt",
    "Halle",
    "Kortrijk",
    "Leuven",
    "Mechelen",
    "Oostende",
    "Roeselare",
    "Sint-Niklaas",
    "Turnhout",
    "Vilvoorde",
    "Dendermonde",
    "Geel",
    "Lier",
    "Lokeren",
    "Ninove",
    "Tienen",
    "Waregem",
    "Ieper",
    "Beveren",
    "Mol",
    "Diest",
    "Tongeren",
    "Herentals",
    "Zottegem",
    "Deinze",
    "Eeklo",
    "Menen",
    "Poperinge",
    "Wetteren",
    "Heist-op-den-Berg",
    "Maasmechelen",
    "Lommel",
    "Bilzen",
]
AGENCIES = (
    "Agentschap Wegen en Verkeer",
    "Agentschap Zorg en Gezondheid",
    "Agentschap Digitaal Vlaanderen",
    "Agentschap Facilitair Bedrijf",
    "Vlaamse Milieumaatschappij",
    "De Vlaamse Waterweg",
    "Departement Omgeving",
    "Departement Onderwijs en Vorming",
    "VDAB",
    "De Lijn",
    "Sport Vlaanderen",
    "Agentschap Natuur en Bos",
    "Vlaams Energie- en Klimaatagentschap",
    "Departement Landbouw en Visserij",
)
INTERCOMMUNALES = ("Interleuven", "IOK", "Veneco", "Haviland", "IGEMO", "Limburg.net", "IVAGO", "Mirom")
CARE = ("Woonzorgcentrum De Linde", "Zorgbedrijf", "Ziekenhuisnetwerk", "Revalidatiecentrum Het Anker")
SCHOOLS = ("Hogeschool", "Scholengroep", "Centrum voor Volwassenenonderwijs", "Universiteit")
NEEDS = (
    "het voorspellend aansturen van de openbare verlichting",
    "de inzameling van huishoudelijk afval met minder uitstoot",
    "het plannen van zorgmomenten in woonzorgcentra",
    "het opvolgen van de waterkwaliteit in rivieren en kanalen",
    "het vinden van vrije plaatsen in sporthallen en vergaderzalen",
    "het herbruiken van bouwmaterialen uit gesloopte gebouwen",
    "het meten van de luchtkwaliteit rond scholen",
    "het begeleiden van werkzoekenden naar duurzaam werk",
    "het beheren van slimme laadpalen voor elektrische voertuigen",
    "het vroegtijdig opsporen van brandgevaar in zorggebouwen",
    "het digitaal aanvragen van premies en vergunningen",
    "het verminderen van voedselverlies in schoolrefters",
    "het inspecteren van bruggen en tunnels met sensoren",
    "het verduurzamen van het wagenpark van de gemeente",
    "het ondersteunen van lokale handelaars met een digitale bon",
    "het leren van Nederlands door anderstalige nieuwkomers",
    "het verwarmen van publieke gebouwen met restwarmte",
    "het voorspellen van overstromingen in laaggelegen wijken",
)
ADJECTIVES = (
    "slimme",
    "duurzame",
    "innovatieve",
    "digitale",
    "circulaire",
    "betaalbare",
    "gebruiksvriendelijke",
    "veilige",
    "schaalbare",
    "toegankelijke",
)
SUBJECTS = (
    "De aanbestedende overheid",
    "Het projectteam",
    "De eindgebruiker",
    "De leverancier",
    "Het consortium",
    "De stuurgroep",
    "De dienst aankoop",
    "Het kenniscentrum",
    "De projectleider",
    "Een onderzoeksgroep",
)
VERBS = (
    "onderzoekt",
    "test",
    "beschrijft",
    "bespreekt",
    "verbetert",
    "evalueert",
    "ontwikkelt",
    "vergelijkt",
    "documenteert",
    "deelt",
)
OBJECTS = (
    "de functionele vereisten van de opdracht",
    "de resultaten van het proefproject",
    "de risico's van de nieuwe aanpak",
    "de noden van burgers en bezoekers",
    "de kosten over de hele levensduur",
    "de stand van de techniek in Europa",
    "de ervaringen van andere steden en gemeenten",
    "een prototype in reële omstandigheden",
    "de criteria voor de gunning",
    "de impact op het klimaat en de omgeving",
    "de samenwerking met kennis- en onderzoekscentra",
    "het intellectuele eigendom van de oplossing",
)
CLAUSES = (
    "zodat de oplossing later ook elders bruikbaar is",
    "in nauw overleg met de eindgebruikers",
    "nog vóór de opdracht wordt uitgeschreven",
    "met cofinanciering van het PIO-programma",
    "binnen een haalbare termijn en een vast budget",
    "op basis van de conclusies van de marktconsultatie",
    "samen met een ontwerper en een onderzoekscentrum",
    "zonder de werking van de dienst te verstoren",
)
HEADINGS = (
    "De vraag",
    "Wat willen we bereiken?",
    "Aanpak",
    "Resultaten",
    "Volgende stappen",
    "Wat leerden we?",
    "Voor wie?",
    "Meer informatie",
)
TIP_OPENERS = (
    "Begin klein en betrek de eindgebruikers van bij de start",
    "Formuleer je vraag functioneel, niet als technische specificatie",
    "Plan genoeg tijd in voor de marktconsultatie",
    "Spreek vooraf af wie het intellectuele eigendom krijgt",
    "Zoek partners die dezelfde uitdaging hebben",
    "Reken de kosten over de hele levensduur door",
)
PROGRAMMES = ("Horizon Europe", "Digital Europe", "LIFE", "Interreg Vlaanderen-Nederland", "PIO-oproep")
SUPPLIERS = (
    "Lumitech NV",
    "Datawijs BV",
    "Circulair Bouwen CVBA",
    "Sensorix",
    "Zorgslim BV",
    "Mobilab",
    "Groenwarmte NV",
    "Taaltuin BV",
    "Aquameet",
    "Brugwacht",
)
LOCATIONS = (
    "online",
    "Koning Albert II-laan 35, Brussel",
    "Stadhuis, Grote Markt 1",
    "Ellipsgebouw, Brussel",
)


_STOPWORDS = {"het", "de", "van", "een", "met", "in", "voor", "en", "om", "op", "rond", "naar", "door", "uit"}


@dataclass
class Generated:
    """What was written, for the caller's report and the tests."""

    root: Path
    counts: dict[str, int] = field(default_factory=dict)
    references: int = 0  # slug references from consultations and tips to projects
    files: list[Path] = field(default_factory=list)


def type_counts(n: int) -> dict[str, int]:
    """Split N over the types by the real mix; the last type takes the rounding rest."""
    counts = {name: round(n * share) for name, share in MIX[:-1]}
    counts[MIX[-1][0]] = n - sum(counts.values())
    return counts


def _guard(target: Path) -> None:
    """Never write into the repository: synthetic entries must not be published, nor real files replaced."""
    target = target.resolve()
    repo = ROOT.resolve()
    if target.is_relative_to(repo) or repo.is_relative_to(target):
        raise ValueError(f"weigert te schrijven in {target}: kies een tijdelijke map buiten de repository")


def generate(target: Path, n: int, seed: int = 7, vocabularies: Path | None = None) -> Generated:
    """Write N synthetic entries plus the vocabulary file into `target` (a content folder), replacing it."""
    if n < 4:
        raise ValueError("minstens 4 items: één per soort")
    target = Path(target)
    _guard(target)
    if target.exists():
        shutil.rmtree(target)
    vocab_path = vocabularies or REPO_CONTENT / VOCABULARY_FILE
    vocab = yaml.safe_load(vocab_path.read_text(encoding="utf-8"))
    target.mkdir(parents=True)
    shutil.copy2(vocab_path, target / VOCABULARY_FILE)
    writer = _Writer(random.Random(seed), vocab, target, type_counts(n))
    return writer.run()


class _Writer:
    def __init__(self, rng: random.Random, vocab: dict, target: Path, counts: dict[str, int]) -> None:
        self.rng = rng
        self.vocab = {name: list(values) for name, values in vocab.items()}
        self.result = Generated(target, dict(counts))
        self.counts = counts
        self.organisations = self._organisations(max(4, counts["project"] // 4))
        self.projects: list[dict] = []
        self.used_slugs: set[str] = set()

    def run(self) -> Generated:
        for _ in range(self.counts["project"]):
            self._project()
        for _ in range(self.counts["consultation"]):
            self._consultation()
        for _ in range(self.counts["tip"]):
            self._tip()
        for _ in range(self.counts["funding"]):
            self._funding()
        return self.result

    # --- building blocks -------------------------------------------------------------------------------

    def _organisations(self, count: int) -> list[tuple[str, str]]:
        """(name, organisation type) pairs; several projects share one organisation, as in reality."""
        rng = self.rng
        pool: list[tuple[str, str]] = [(a, "vlaamse-overheid") for a in AGENCIES]
        pool += [(i, "intercommunale") for i in INTERCOMMUNALES]
        for city in CITIES:
            pool.append((f"Stad {city}", "lokaal-bestuur"))
            pool.append((f"Gemeente {city}-Noord", "lokaal-bestuur"))
            pool.append((f"{rng.choice(CARE)} {city}", "zorg-en-welzijnsorganisatie"))
            pool.append((f"{rng.choice(SCHOOLS)} {city}", "onderwijsinstelling"))
            pool.append((f"Politiezone {city}", "andere-publieke-organisatie"))
        rng.shuffle(pool)
        while len(pool) < count:  # very large N: more local authorities, numbered districts
            city = rng.choice(CITIES)
            pool.append((f"District {city} {len(pool)}", "lokaal-bestuur"))
        return pool[:count]

    def _slug(self, words: str) -> str:
        """A file name as an editor would choose it: a few meaningful words, numbered when taken."""
        kept = [w for w in words.lower().replace("-", " ").split() if w not in _STOPWORDS]
        base = "-".join("".join(c for c in w if c.isascii() and c.isalnum()) for w in kept[:4])
        base = "-".join(part for part in base.split("-") if part) or "item"
        slug, i = base, 2
        while slug in self.used_slugs:
            slug, i = f"{base}-{i}", i + 1
        self.used_slugs.add(slug)
        return slug

    def _date(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randrange(max(1, (end - start).days)))

    def _themes(self, k_max: int = 3) -> list[str]:
        return self.rng.sample(self.vocab["themes"], self.rng.randint(1, k_max))

    def _sentence(self) -> str:
        rng = self.rng
        text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
        if rng.random() < 0.6:
            text += f", {rng.choice(CLAUSES)}"
        return text + "."

    def _paragraph(self, sentences: tuple[int, int] = (3, 6)) -> str:
        words = " ".join(self._sentence() for _ in range(self.rng.randint(*sentences)))
        return _wrap(words)

    def _body(self, opening: str) -> str:
        rng = self.rng
        parts = [_wrap(opening + " " + self._sentence()), MARKER]
        for heading in rng.sample(HEADINGS, rng.randint(2, 4)):
            parts.append(f"## {heading}")
            parts.append(self._paragraph())
            if rng.random() < 0.3:
                parts.append("\n".join(f"- {self._sentence()}" for _ in range(rng.randint(2, 4))))
        return "\n\n".join(parts) + "\n"

    def _write(self, type_name: str, slug: str, fields: dict[str, object], body: str) -> None:
        lines = ["---"]
        for key, value in fields.items():
            if value is None or value == []:
                continue
            lines.append(f"{key}: {_yaml(value)}")
        lines.append("---")
        path = self.result.root / FOLDERS[type_name] / f"{slug}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
        self.result.files.append(path)

    # --- the four types --------------------------------------------------------------------------------

    def _project(self) -> None:
        rng = self.rng
        org, org_type = rng.choice(self.organisations)
        need = rng.choice(NEEDS)
        adjective = rng.choice(ADJECTIVES)
        title = f"{TITLE_PREFIX} {adjective.capitalize()} aanpak voor {need}"
        slug = self._slug(f"{adjective} {need}")
        year = rng.randint(2016, 2026)
        published = self._date(date(max(year, 2019), 1, 1), LAST_PUBLISHED)
        updated = published + timedelta(days=rng.randint(1, 200)) if rng.random() < 0.3 else None
        project = {
            "slug": slug,
            "organisation": org,
            "themes": self._themes(),
            "year": year,
            "need": need,
        }
        self.projects.append(project)
        fields = {
            "title": title,
            "description": f"{org} zoekt een {adjective} oplossing voor {need}.",
            "organisation": org,
            "organisation_type": org_type,
            "partners": [o for o, _ in rng.sample(self.organisations, rng.randint(0, 2)) if o != org],
            "themes": project["themes"],
            "phase": rng.choice(self.vocab["phases"]),
            "procurement": rng.choice(self.vocab["procurement_types"]) if rng.random() < 0.8 else None,
            "call": f"{year}-{rng.randint(1, 2)}",
            "year": year,
            "cofinancing": rng.randrange(50_000, 600_000, 5_000) if rng.random() < 0.85 else None,
            "suppliers": rng.sample(SUPPLIERS, rng.randint(0, 2)),
            "links": [{"title": "Projectpagina", "url": f"https://www.example.org/projecten/{slug}"}]
            if rng.random() < 0.4
            else None,
            "published": published,
            "updated": updated if updated and updated <= LAST_PUBLISHED else None,
        }
        self._write("project", slug, fields, self._body(f"Met dit project wil {org} werk maken van {need}."))

    def _consultation(self) -> None:
        rng = self.rng
        project = rng.choice(self.projects) if rng.random() < 0.85 else None
        if project:
            org, themes, need = project["organisation"], project["themes"], project["need"]
        else:
            org, _ = rng.choice(self.organisations)
            themes, need = self._themes(), rng.choice(NEEDS)
        day = self._date(date(2019, 1, 1), date(2027, 6, 30))
        starts = datetime(day.year, day.month, day.day, rng.choice((9, 10, 13, 14)), rng.choice((0, 30)))
        ends = starts + timedelta(hours=rng.choice((1, 2, 3)))
        published = min(day - timedelta(days=rng.randint(14, 60)), LAST_PUBLISHED)
        past = day < LAST_PUBLISHED
        title = f"{TITLE_PREFIX} Marktconsultatie over {need}"
        slug = self._slug(f"marktconsultatie {need}")
        fields = {
            "title": title,
            "description": f"{org} nodigt bedrijven en onderzoekers uit om mee na te denken over {need}.",
            "organisation": org,
            "themes": themes,
            "project": project["slug"] if project else None,
            "starts": starts.strftime("%Y-%m-%d %H:%M"),
            "ends": ends.strftime("%Y-%m-%d %H:%M"),
            "location": rng.choice(LOCATIONS),
            "registration_url": f"https://www.example.org/inschrijven/{slug}" if rng.random() < 0.7 else None,
            "registration_deadline": day - timedelta(days=rng.randint(1, 10)) if rng.random() < 0.6 else None,
            "registrations": rng.randint(5, 120) if past and rng.random() < 0.5 else None,
            "conclusions": day + timedelta(days=rng.randint(20, 60))
            if past and rng.random() < 0.6 and day + timedelta(days=60) < LAST_PUBLISHED
            else None,
            "published": published,
        }
        if project:
            self.result.references += 1
        opening = f"Op deze marktconsultatie licht {org} zijn vraag toe over {need}."
        body = self._body(opening)
        # A conclusions date goes with a conclusions section: the validator asks for both.
        if fields["conclusions"]:
            body += f"\n\n## Conclusies\n\nDe deelnemers deelden hun kijk op {need}; {org} neemt ze mee.\n"
        self._write("consultation", slug, fields, body)

    def _tip(self) -> None:
        rng = self.rng
        opener = rng.choice(TIP_OPENERS)
        projects = rng.sample(self.projects, rng.randint(1, 3)) if rng.random() < 0.7 else []
        self.result.references += len(projects)
        slug = self._slug(opener)
        fields = {
            "title": f"{TITLE_PREFIX} {opener}",
            "description": f"{opener}: zo haal je meer uit een innovatieve overheidsopdracht.",
            "kind": rng.choice(self.vocab["tip_kinds"]),
            "themes": self._themes(2) if rng.random() < 0.7 else None,
            "projects": [p["slug"] for p in projects],
            "author": "Team PIO" if rng.random() < 0.5 else None,
            "published": self._date(date(2019, 1, 1), LAST_PUBLISHED),
        }
        self._write("tip", slug, fields, self._body(opener + "."))

    def _funding(self) -> None:
        rng = self.rng
        programme = rng.choice(PROGRAMMES)
        instrument = rng.choice(self.vocab["instruments"])
        opens = self._date(date(2019, 1, 1), date(2027, 3, 1))
        deadline = opens + timedelta(days=rng.randint(30, 150))
        theme_words = rng.choice(NEEDS)
        slug = self._slug(f"oproep {programme} {instrument}")
        fields = {
            "title": f"{TITLE_PREFIX} {programme}: oproep voor {theme_words}",
            "description": f"Een oproep van {programme} die innovatieve aankopen rond {theme_words} financiert.",
            "programme": programme,
            "instrument": instrument,
            "themes": self._themes(2) if rng.random() < 0.6 else None,
            "funding_rate": rng.choice((35, 50, 70, 90, 100)),
            "opens": opens,
            "deadline": f"{deadline.isoformat()} 17:00" if rng.random() < 0.5 else deadline,
            "url": f"https://www.example.org/oproepen/{slug}",
            "published": min(opens - timedelta(days=rng.randint(0, 30)), LAST_PUBLISHED),
        }
        opening = f"{programme} financiert innovatieve overheidsopdrachten rond {theme_words}."
        self._write("funding", slug, fields, self._body(opening))


def _yaml(value: object) -> str:
    """A front matter value: JSON strings are valid YAML, dates stay bare, link lists go in flow style."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml(v)}" for k, v in value.items()) + "}"
    text = str(value)
    # Dates with an hour are written bare, as editors do; other text is quoted.
    if len(text) == 16 and text[4] == "-" and text[10] == " ":
        return text
    return json.dumps(text, ensure_ascii=False)


def _wrap(text: str, width: int = 110) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf synthetische inhoud voor prestatietests.")
    parser.add_argument("n", type=int, help="aantal items")
    parser.add_argument("out", type=Path, help="doelmap (wordt een content-map; nooit de echte content/)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    result = generate(args.out, args.n, args.seed)
    print(f"{len(result.files)} items geschreven in {result.root}: {result.counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
