"""Keyboard only (WCAG 2.1.1, 2.4.1, 2.4.7): a skip link first, every control reachable with Tab, focus visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from site_pages import MAIN_TYPES, PAGE_TYPES, VIEWPORTS, new_page, open_page

pytestmark = pytest.mark.browser

CASES = [(kind, viewport) for kind in MAIN_TYPES for viewport in VIEWPORTS]
IDS = [f"{kind}-{viewport}" for kind, viewport in CASES]

# Every element a keyboard user should be able to reach: visible, enabled, not taken out of the tab order.
REACHABLE = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  return [...document.querySelectorAll(selector)].filter(el => {
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert], [hidden], [aria-hidden="true"]')) return false;
    if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
    if (!el.checkVisibility({visibilityProperty: true})) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > 0 && box.left < document.documentElement.clientWidth;
  }).map((el, i) => { el.dataset.kcControl = String(i); return describe(el); });
  function describe(el) { return el.outerHTML.slice(0, 120); }
}"""

# The focused element, and whether it is on screen with a focus indicator: an outline or a box shadow.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const box = el.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < innerWidth && box.top < innerHeight;
  return {id: el.dataset.kcControl ?? null, html: el.outerHTML.slice(0, 120),
          visible: onScreen && (outline || style.boxShadow !== 'none'), skip: el.classList.contains('md-skip')};
}"""


@pytest.mark.parametrize(("kind", "viewport"), CASES, ids=IDS)
def test_skip_link_comes_first_and_shows_on_focus(browser, server, kind, viewport):
    with new_page(browser, server, viewport) as (page, _):
        open_page(page, PAGE_TYPES[kind])
        page.keyboard.press("Tab")
        skip = page.locator(".md-skip")
        assert skip.evaluate("el => el === document.activeElement"), "de eerste Tab gaat naar de skiplink"
        assert skip.inner_text().strip() == "Ga naar inhoud"
        box = skip.bounding_box()
        assert box and box["width"] > 1 and box["height"] > 1 and box["y"] >= 0
        expect(skip).to_have_css("opacity", "1")  # after Material's fade-in
        target = skip.get_attribute("href")
        page.keyboard.press("Enter")
        page.wait_for_function("hash => location.hash === hash", arg=target[target.index("#") :])


@pytest.mark.parametrize(("kind", "viewport"), CASES, ids=IDS)
def test_every_control_is_reachable_with_tab_and_shows_focus(browser, server, kind, viewport):
    with new_page(browser, server, viewport) as (page, _):
        open_page(page, PAGE_TYPES[kind])
        controls = page.evaluate(REACHABLE)
        reached: set[str] = set()
        invisible: list[str] = []
        for _ in range(len(controls) + 20):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED)
            if focused is None:
                continue
            if focused["skip"] and reached:
                break  # round the page and back at the start
            if not focused["visible"]:
                invisible.append(focused["html"])
            if focused["id"] is not None:
                reached.add(focused["id"])
        missed = [html for i, html in enumerate(controls) if str(i) not in reached]
        assert not missed, f"niet bereikbaar met Tab op {PAGE_TYPES[kind] or '/'}: {missed[:5]}"
        assert not invisible, f"focus niet zichtbaar op {PAGE_TYPES[kind] or '/'}: {invisible[:5]}"


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} niet bereikt met Tab")


def test_phone_menu_opens_with_the_keyboard(browser, server):
    with new_page(browser, server, "phone") as (page, _):
        open_page(page, "")
        tab_to(page, 'label[for="__drawer"]')
        page.keyboard.press("Enter")
        link = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Toegankelijkheid")
        expect(link).to_be_visible()
        tab_to(page, ".md-sidebar--primary a.md-nav__link")  # the drawer's links come next in the tab order


def test_phone_search_opens_with_the_keyboard(browser, server):
    with new_page(browser, server, "phone") as (page, _):
        open_page(page, "")
        tab_to(page, ".kc-search__toggle")
        page.keyboard.press(" ")
        field = page.locator("#kc-search-input")
        expect(field).to_be_focused()
        page.keyboard.type("koelkledij", delay=30)
        expect(page.locator(".kc-search__result").first).to_contain_text("Cold2Gold")
