"""Search as a reader uses it, in a real browser: Dutch queries typed key by key into the header's search field.

The table is the heart: compounds found by their parts, one typo on a longer word, plural and singular, names
and metadata, each with the entry (of the fixture content) it must find.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from site_pages import VIEWPORTS, new_page, open_page, open_search, search

pytestmark = pytest.mark.browser

COLD2GOLD = "projecten/cold2gold/"
TURING = "projecten/turing/"
HALLE = "projecten/duurzame-straatverlichting-halle/"
OPTIMO = "projecten/optimo-huisvuilwagen/"
BRAND = "projecten/brandveiligheid-zorggebouwen/"
OPTIMO_CONSULTATION = "marktconsultaties/optimo-afvalinzameling/"
VDAB = "projecten/social-impact-bond-vdab/"
LISTINGS = (
    "projecten/",
    "marktconsultaties/",
    "tips/",
    "financiering/",
    "thema/",
    "organisaties/",
    "nieuwsbrief/",
)

# (query as a reader types it, an entry it must find, why)
QUERIES = [
    ("verlichting", TURING, "deel van de samenstelling snelwegverlichting"),
    ("verlichting", HALLE, "deel van de samenstelling straatverlichting"),
    ("ophaling", OPTIMO, "deel van afvalophaling"),
    ("veiligheid", BRAND, "deel van brandveiligheid"),
    ("gebouwen", BRAND, "deel van zorggebouwen"),
    ("consultatie", "marktconsultaties/turing-workshop/", "deel van marktconsultatie"),
    ("verlichitng", TURING, "twee letters verwisseld"),
    ("brandveilgheid", BRAND, "een letter te weinig"),
    ("koelkleddij", COLD2GOLD, "een letter te veel"),
    ("afvalophalong", OPTIMO, "een letter fout"),
    ("huisvuilwagens", OPTIMO, "meervoud van huisvuilwagen"),
    ("reserveringssystemen", "marktconsultaties/bookaplace-reserveringssysteem/", "meervoud"),
    ("afvalfractie", OPTIMO, "enkelvoud van afvalfracties"),
    ("topsporter", COLD2GOLD, "enkelvoud van topsporters"),
    ("Sport Vlaanderen", COLD2GOLD, "de organisatie"),
    ("VDAB", "projecten/social-impact-bond-vdab/", "de afkorting van de organisatie"),
    ("Fluvius", HALLE, "de partner"),
    ("afgerond", COLD2GOLD, "de fase, alleen in de metadata"),
    ("lokaal bestuur", HALLE, "de soort organisatie"),
    ("circulaire economie", OPTIMO, "het thema"),
    ("Horizon Europe", "financiering/horizon-europe-innovatiegericht-aankopen/", "het programma"),
    ("cold2gold", COLD2GOLD, "de naam zonder leestekens"),
    # A compound no page has, split into real words the site has: "afval" (+ "inzameling", which no page has).
    ("afvalinzameling", OPTIMO, "samenstelling die nergens staat: gezocht op afval"),
    ("afvalinzameling", OPTIMO_CONSULTATION, "samenstelling die nergens staat: gezocht op afval"),
    ("innovatiepartnerschap", "tips/cofinanciering-en-bedragen/", "beide delen: innovatie en partnerschap"),
    ("plekken", "marktconsultaties/bookaplace-reserveringssysteem/", "deel van studieplekken"),
    ("tewerksteling", VDAB, "een letter te weinig"),
    ("geschenkbonnen", "projecten/digitale-mechelenbon/", "meervoud van geschenkbon"),
    ("AWV", "marktconsultaties/turing-pitches/", "de afkorting, alleen in de lijst van organisaties"),
    # Base and related forms of a word the site has only in another form (the same Dutch stem).
    ("duurzaam", HALLE, "de site heeft alleen duurzame"),
    ("duurzaamheid", HALLE, "afleiding van duurzaam, de site heeft duurzame"),
    ("autosnelweg", TURING, "enkelvoud van autosnelwegen"),
    ("apps", "projecten/digitale-mechelenbon/", "het woord zelf"),
    ("apps", "projecten/lv-agrilens/", "enkelvoud app"),
]

# (query, an entry it must not find, why): Pagefind alone put a shorter indexed word in place of a word no
# page has ("af" for "afvalinzameling", "in" for "innovatiepartnerschap").
NOT_FOUND = [
    ("afvalinzameling", "tips/vijf-vragen-van-de-aanvraag/", "heeft alleen het woord af"),
    (
        "innovatiepartnerschap",
        "marktconsultaties/bookaplace-reserveringssysteem/",
        "heeft alleen het woord in",
    ),
    ("innovatiepartnerschap", "projecten/brandveiligheid-zorggebouwen/", "heeft alleen het woord in"),
    # Pagefind also matches "april" (and "Apple") for "apps": not the same word.
    ("apps", "tips/juridisch-kader/", "heeft alleen het woord april"),
    ("apps", "projecten/optimo-huisvuilwagen/", "heeft alleen het woord april"),
    ("apps", "abonneren/", "heeft alleen het woord Apple"),
]


@pytest.fixture(params=list(VIEWPORTS))
def page_at(request, browser, server):
    with new_page(browser, server, request.param) as (page, _):
        open_page(page, "")
        yield page


@pytest.fixture
def desktop(browser, server):
    with new_page(browser, server, "desktop") as (page, _):
        open_page(page, "")
        yield page


def hrefs(results) -> list[str]:
    """The page each result leads to, best first."""
    return [item.locator("a").get_attribute("href") for item in results.all()]


def find_all(page, query: str) -> list[str]:
    """Every result of a query, pressing "Meer resultaten" until the list is complete."""
    results = search(page, query)
    more = page.locator(".kc-search__more")
    while more.is_visible():
        before = results.count()
        more.click()
        expect(results).not_to_have_count(before)
    return hrefs(results)


@pytest.mark.parametrize(("query", "expected", "why"), QUERIES, ids=[f"{q}-{w}" for q, _, w in QUERIES])
def test_a_dutch_query_finds_its_entry(desktop, query, expected, why):
    found = find_all(desktop, query)
    assert any(href.endswith(expected) for href in found), f"{query!r} ({why}) vindt {expected} niet: {found}"


@pytest.mark.parametrize(("query", "unexpected", "why"), NOT_FOUND, ids=[f"{q}-{w}" for q, _, w in NOT_FOUND])
def test_a_word_no_page_has_is_not_swapped_for_a_shorter_one(desktop, query, unexpected, why):
    found = find_all(desktop, query)
    assert not any(href.endswith(unexpected) for href in found), f"{query!r} vindt {unexpected} ({why})"


def test_an_unknown_compound_says_what_it_searched(desktop):
    search(desktop, "afvalinzameling")
    expect(desktop.locator(".kc-search__status")).to_have_text(
        "Geen resultaten voor ‘afvalinzameling’; wel 3 resultaten voor ‘afval’."
    )


def test_a_real_word_no_page_has_is_not_corrected(page_at):
    # "lucht" is Dutch: it is not a typo of "licht", which the site has. No filter is set: none to change.
    search(page_at, "lucht")
    expect(page_at.locator(".kc-search__status")).to_have_text(
        "Geen resultaten voor ‘lucht’. Probeer een ander woord."
    )
    expect(page_at.locator(".kc-search__result")).to_have_count(0)
    elsewhere = page_at.locator(".kc-search__elsewhere")
    expect(elsewhere).to_be_visible()
    expect(elsewhere).to_have_text(
        "Zoek verder in de projectencatalogus of bekijk de lijsten van tips, marktconsultaties en financiering."
    )
    links = elsewhere.locator("a")
    assert links.first.get_attribute("href").endswith("projecten/?q=lucht")
    assert [links.nth(i).get_attribute("href").rsplit("/", 2)[-2] for i in (1, 2, 3)] == [
        "tips",
        "marktconsultaties",
        "financiering",
    ]


def typed(page, query: str, status: str) -> None:
    """Type a query and wait until the status says exactly this."""
    field = page.locator("#kc-search-input")
    if not field.is_visible():
        open_search(page)
    field.fill("")
    field.press_sequentially(query, delay=30)
    expect(page.locator(".kc-search__status")).to_have_text(status)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("led verlichting", "6 resultaten voor ‘verlichting’ (‘led’ komt niet voor)."),
        ("verlichting fiets", "6 resultaten voor ‘verlichting’ (‘fiets’ komt niet voor)."),
    ],
)
def test_an_unknown_word_is_left_out_and_named(page_at, query, status):
    typed(page_at, query, status)
    assert any(href.endswith(TURING) for href in hrefs(page_at.locator(".kc-search__result")))


def test_only_unknown_words_find_nothing(desktop):
    typed(desktop, "led fiets", "Geen resultaten voor ‘led fiets’. Probeer een ander woord.")


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("verlichtng", "6 resultaten voor ‘verlichting’ in plaats van ‘verlichtng’."),
        ("duurzaamheid", "3 resultaten voor ‘duurzame’ in plaats van ‘duurzaamheid’."),
        ("apps", "4 resultaten voor ‘apps’."),
    ],
)
def test_the_status_says_which_word_was_searched(desktop, query, status):
    typed(desktop, query, status)


@pytest.mark.parametrize(
    ("query", "href", "kind"),
    [
        ("koopkracht", "tips/koopkracht-30-tot-40-miljard/", "Weetje"),
        ("Turing", "tips/turing-als-case/", "Verhaal"),
        ("principes", "tips/de-pio-principes/", "Tip"),
    ],
)
def test_a_tip_shows_its_own_kind(desktop, query, href, kind):
    result = search(desktop, query).locator(f'a[href$="{href}"]')
    expect(result.locator(".kc-search__type")).to_have_text(kind)


@pytest.mark.parametrize(("query", "href", "top"), [("traject", "traject/", 3), ("pio", "over/", 5)])
def test_a_static_page_with_the_word_in_its_title_is_among_the_first(desktop, query, href, top):
    found = hrefs(search(desktop, query))
    first = [h.split("://", 1)[-1].split("/", 1)[-1] for h in found[:top]]
    assert href in first, found
    assert sum(1 for path in first if path.startswith(("projecten/", "tips/", "marktconsultaties/"))) >= 2


def test_a_filter_is_named_and_can_be_cleared(page_at):
    search(page_at, "verlichting")
    clear = page_at.locator(".kc-search__clear")
    expect(clear).to_be_hidden()
    page_at.locator("#kc-search-theme").select_option("Mobiliteit")
    status = page_at.locator(".kc-search__status")
    expect(status).to_have_text("4 resultaten voor ‘verlichting’ (gefilterd op Thema: Mobiliteit).")
    typed(
        page_at,
        "koelkledij",
        "Geen resultaten voor ‘koelkledij’ (gefilterd op Thema: Mobiliteit). "
        "Probeer een ander woord of wis de filters.",
    )
    expect(clear).to_be_visible()
    clear.click()
    expect(status).to_have_text("1 resultaat voor ‘koelkledij’.")
    expect(page_at.locator("#kc-search-theme")).to_have_value("")
    expect(clear).to_be_hidden()


def test_the_phone_finds_the_same(browser, server):
    with new_page(browser, server, "phone") as (page, _):
        open_page(page, "")
        assert any(href.endswith(TURING) for href in hrefs(search(page, "verlichting")))


def test_a_result_shows_type_title_and_description(page_at):
    result = search(page_at, "koelkledij").first
    assert result.locator("a").get_attribute("href").endswith(COLD2GOLD)
    assert result.locator(".kc-search__type").inner_text() == "Project"
    assert "Cold2Gold" in result.locator(".kc-search__title").inner_text()
    assert result.locator(".kc-search__description").inner_text() == (
        "Sport Vlaanderen liet met steun van PIO innovatieve koelkledij ontwikkelen voor Vlaamse topsporters."
    )


def test_the_count_is_announced_in_dutch(desktop):
    search(desktop, "koelkledij")
    status = desktop.locator(".kc-search__status")
    assert status.get_attribute("role") == "status"
    expect(status).to_have_text("1 resultaat voor ‘koelkledij’.")
    search(desktop, "verlichitng")
    expect(status).to_have_text("6 resultaten voor ‘verlichting’ in plaats van ‘verlichitng’.")


def test_the_type_is_shown_once(page_at):
    # The consultation's title starts with its type ("Marktconsultatie: duurzame straatverlichting in Halle").
    result = search(page_at, "straatverlichting").locator(
        'a[href$="marktconsultaties/straatverlichting-halle/"]'
    )
    expect(result.locator(".kc-search__type")).to_have_text("Marktconsultatie")
    expect(result.locator(".kc-search__title")).to_have_text("Duurzame straatverlichting in Halle")
    expect(result.locator(".kc-search__description")).to_have_text(
        "Stad Halle en Fluvius verkenden met de markt hoe openbare straatverlichting slim, stuurbaar, "
        "energiezuinig en circulair kan worden."
    )
    assert result.inner_text().count("Marktconsultatie") == 1


def test_entries_come_before_pages_and_listings_never_show(desktop):
    found = find_all(desktop, "projecten")
    kinds = desktop.locator(".kc-search__result .kc-search__type").all_inner_texts()
    assert "Project" in kinds and "Pagina" in kinds
    assert kinds.index("Pagina") > max(i for i, kind in enumerate(kinds) if kind != "Pagina")
    for href in found:
        path = href.split("://", 1)[-1].split("/", 1)[-1]
        assert path not in LISTINGS and not path.startswith(("thema/", "organisaties/", "nieuwsbrief/")), href
        assert path != "", "de startpagina herhaalt alleen items"


def test_related_projects_are_not_the_page_own_text(desktop):
    # Turing's page lists "#Incontinentiezorg 2.0 — ZorgSaam" under "Verwante projecten"; that is not Turing.
    found = find_all(desktop, "ZorgSaam")
    assert any(href.endswith("projecten/incontinentiezorg-2-0/") for href in found)
    assert not any(href.endswith(TURING) for href in found), found


def test_filters_by_type_and_theme(desktop):
    search(desktop, "Turing")
    desktop.locator("#kc-search-type").select_option("Marktconsultatie")
    results = desktop.locator(".kc-search__result")
    expect(results.first.locator(".kc-search__type")).to_have_text("Marktconsultatie")
    assert set(results.locator(".kc-search__type").all_inner_texts()) == {"Marktconsultatie"}

    desktop.locator("#kc-search-type").select_option("")
    search(desktop, "verlichting")
    desktop.locator("#kc-search-theme").select_option("Mobiliteit")
    expect(desktop.locator(".kc-search__status")).to_contain_text("verlichting")
    expect(results.locator(f'a[href$="{HALLE}"]')).to_have_count(0)
    expect(results.locator(f'a[href$="{TURING}"]')).to_have_count(1)


def test_a_lone_stop_word_does_not_match_half_the_site(desktop):
    open_search(desktop).press_sequentially("de", delay=30)
    expect(desktop.locator(".kc-search__status")).to_have_text("Typ een woord dat zegt wat je zoekt.")
    expect(desktop.locator(".kc-search__result")).to_have_count(0)


@pytest.mark.parametrize("key", ["/", "s"])
def test_keyboard_only_from_shortcut_to_page(page_at, key):
    page_at.keyboard.press(key)
    field = page_at.locator("#kc-search-input")
    page_at.wait_for_function("document.activeElement && document.activeElement.id === 'kc-search-input'")
    page_at.keyboard.type("verlichting", delay=30)
    expect(page_at.locator(".kc-search__status")).to_have_text("6 resultaten voor ‘verlichting’.")
    results = page_at.locator(".kc-search__result a")
    page_at.keyboard.press("ArrowDown")
    expect(results.first).to_be_focused()
    page_at.keyboard.press("ArrowDown")
    expect(results.nth(1)).to_be_focused()
    page_at.keyboard.press("ArrowUp")
    page_at.keyboard.press("ArrowUp")
    expect(field).to_be_focused()
    target = results.first.get_attribute("href")
    page_at.keyboard.press("Enter")
    page_at.wait_for_url(f"**{target}")


def test_a_result_opens_the_page(page_at):
    search(page_at, "koelkledij")
    page_at.locator(f'.kc-search__result a[href$="{COLD2GOLD}"]').click()
    page_at.wait_for_url(f"**/{COLD2GOLD}")
    assert "Cold2Gold" in page_at.locator("h1").inner_text()


def test_without_javascript_the_form_opens_the_catalogue_filter(browser, server):
    context = browser.new_context(base_url=server, locale="nl-BE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("tips/")
        field = page.locator("#kc-search-input")
        expect(field).to_be_visible()
        field.fill("koelkledij")
        field.press("Enter")
        page.wait_for_url("**/projecten/?q=koelkledij")
        assert page.locator("h1").inner_text().startswith("Projecten")
        # The catalogue cannot filter without JavaScript: it says so and where else to look.
        notice = page.locator(".kc-noscript")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("je zoekopdracht is dus niet uitgevoerd")
        links = [a.get_attribute("href") for a in notice.locator("a").all()]
        assert links == ["../thema/", "../tips/", "../marktconsultaties/", "../financiering/"]
    finally:
        context.close()


@pytest.mark.parametrize("control", ["#kc-search-type", "#kc-search-theme", ".kc-search__result a"])
def test_escape_closes_the_results_from_any_control(page_at, control):
    search(page_at, "verlichting")
    page_at.locator(control).first.focus()
    page_at.keyboard.press("Escape")
    expect(page_at.locator(".kc-search__result").first).to_be_hidden()
    toggle = page_at.locator(".kc-search__toggle")
    expect(toggle if toggle.is_visible() else page_at.locator("#kc-search-input")).to_be_focused()


def test_escape_closes_the_results(page_at):
    search(page_at, "koelkledij")
    results = page_at.locator(".kc-search__result").first
    expect(results).to_be_visible()
    page_at.keyboard.press("Escape")
    expect(results).to_be_hidden()
    toggle = page_at.locator(".kc-search__toggle")
    expect(toggle if toggle.is_visible() else page_at.locator("#kc-search-input")).to_be_focused()
