"""The browser pages in a real headless Chromium (Debian's package, driven by Playwright).

Every test checks that the page asked nothing of any host but the app, and saves a screenshot
under test-artifacts/. Without Chromium (`make browser` installs it) the tests are skipped and
the summary says why."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from api.app import create_app
from api.keys import KeyRing
from graph.curation import CurationLog, Status
from graph.memory import MemoryStore
from schema.auth import KeyRole
from tests.conftest import curated_app, serving
from tests.helpers import sid
from tests.test_curation import ask

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

ARTEFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
#: As root in a container, without a GPU, and without the background calls to Google's hosts
#: that a closed network refuses.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
TIMEOUT_MS = 20_000


def chromium_path() -> str | None:
    return (
        os.environ.get("PLANGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "Chromium is not installed (make browser installs Debian's chromium): browser tests skipped"
        )
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(memory_store: MemoryStore) -> Iterator[str]:
    with serving(memory_store) as url:
        yield url


class Visit:
    """A page of the site in a fresh browser context, with every request and script error it saw."""

    def __init__(self, browser: object, site: str) -> None:
        self.site = site
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: str) -> None:
        self.page.goto(self.site + path)

    def screenshot(self, name: str) -> None:
        ARTEFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)

    def foreign_requests(self) -> list[str]:
        own = urlsplit(self.site).netloc
        return [
            url for url in self.requests if urlsplit(url).scheme != "data" and urlsplit(url).netloc != own
        ]


@pytest.fixture
def visit(browser: object, site: str, request: pytest.FixtureRequest) -> Iterator[Visit]:
    visit = Visit(browser, site)
    yield visit
    visit.screenshot(request.node.name)
    visit.context.close()
    assert visit.requests, "the page made no request at all"
    assert visit.foreign_requests() == [], "the page reached beyond the app"
    assert visit.errors == [], "the page's scripts failed"


def result_text(visit: Visit) -> str:
    return visit.page.locator(".result-window").inner_text()


def run_graphiql_query(visit: Visit, expected: str) -> str:
    visit.page.wait_for_selector(".graphiql-container")
    visit.page.click(".graphiql-execute-button")
    visit.page.wait_for_function(
        "text => (document.querySelector('.result-window')?.innerText || '').includes(text)", arg=expected
    )
    return result_text(visit)


def test_graphiql_runs_its_example_queries_from_the_apps_own_assets(visit: Visit) -> None:
    visit.open("/graphql")
    answer = run_graphiql_query(visit, "转变标准供给方式")
    assert sid("task/1.1") in answer and "countsByKind" in answer
    tabs = visit.page.locator(".graphiql-tab").all_inner_texts()
    assert [t.strip() for t in tabs] == [
        "TaskImpact", "DepartmentResponsibilities", "IndicatorSupport", "PathBetween",
    ]  # fmt: skip
    visit.page.get_by_text("IndicatorSupport", exact=True).click()
    # The result pane draws only the lines in view: the first indicator of the plan.
    answer = run_graphiql_query(visit, "supportedBy")
    assert '"name": "国家标准"' in answer and '"value": 300' in answer


def explored_names(visit: Visit) -> set[str]:
    visit.page.wait_for_function("document.body.dataset.state === 'ready'")
    return set(visit.page.evaluate("plangraphExplorer.cy.nodes().map(node => node.data('name'))"))


def test_explorer_finds_an_entity_and_draws_its_neighbourhood(visit: Visit) -> None:
    visit.open("/explore")
    visit.page.fill("#search", "物流")
    visit.page.click("#search-form button[type=submit]")
    visit.page.get_by_role("button", name="现代物流标准化工程").click()
    names = explored_names(visit)
    # Its section, the standards it calls for, the plan it cites and its lead department.
    assert {
        "重大工程",
        "冷链",
        "仓储",
        "物流业发展中长期规划（2014-2020年）",
        "湖北省发展和改革委员会",
    } <= names
    cy = "plangraphExplorer.cy"
    colours = visit.page.evaluate(
        f"[{cy}.$('node[kind = \"PROJECT\"]').style('background-color'), "
        f"{cy}.$('node[kind = \"STANDARD\"]').style('background-color')]"
    )
    assert colours[0] != colours[1], "nodes are coloured by kind"
    styles = visit.page.evaluate(
        f"{cy}.edges().map(edge => [edge.data('type'), edge.data('origin'), edge.style('line-style'), edge.style('label')])"
    )
    assert ["FORMULATES", "TEXT", "solid", "FORMULATES"] in styles
    assert ["RESPONSIBLE_FOR", "CURATED", "dashed", "RESPONSIBLE_FOR"] in styles
    details = visit.page.locator("#details")
    assert details.locator("h2").inner_text() == "现代物流标准化工程"
    assert "围绕物流业发展中长期规划（2014-2020年）" in details.locator(".passage").inner_text()


def test_explorer_shows_impact_and_marks_the_source_passage(visit: Visit) -> None:
    standard = sid("standard/政府购买公共服务")
    visit.open(f"/explore?id={standard}&view=impact")
    names = explored_names(visit)
    assert {"政府购买公共服务", "基本公共服务", "社会公共服务标准化工程", "重大工程"} <= names
    assert visit.page.locator(".passage mark").inner_text() == "政府购买公共服务"
    # The same question, opened in GraphiQL, gives the same entities.
    link = visit.page.get_attribute("#graphiql-link", "href")
    visit.open(link)
    answer = run_graphiql_query(visit, "社会公共服务标准化工程")
    assert "基本公共服务" in answer


def test_chinese_text_renders_with_real_glyphs(visit: Visit) -> None:
    """Two different characters drawn in the page's font must differ: a browser without a CJK
    font draws both as the same empty box."""
    visit.open("/explore")
    visit.page.wait_for_selector("#overview h2")
    differ = visit.page.evaluate(
        """() => {
          const font = getComputedStyle(document.body).fontFamily;
          const draw = (text) => {
            const canvas = document.createElement("canvas");
            canvas.width = 64; canvas.height = 64;
            const context = canvas.getContext("2d");
            context.font = `48px ${font}`;
            context.fillText(text, 4, 52);
            return Array.from(context.getImageData(0, 0, 64, 64).data).join();
          };
          return draw("湖") !== draw("北") && draw("标") !== draw("准");
        }"""
    )
    assert differ, "Chinese characters render as identical boxes: no CJK font"


@pytest.fixture(scope="module")
def curated_site(seed, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """A site of its own (its changes stay out of the other tests), with a curator's key and
    one task already DELAYED."""
    folder = tmp_path_factory.mktemp("curated-site")
    store = MemoryStore()
    store.load(seed)
    log = CurationLog.open(folder / "curation.yaml")
    log.set_status("王规划", sid("task/2.4"), Status.DELAYED, "评价体系建设滞后")
    ring = KeyRing(folder / "keys.json")
    key = ring.add("王规划", KeyRole.CURATOR)
    with serving(store, create_app(store, curation=log, keyring=ring)) as url:
        yield url, key


@pytest.fixture
def curated_visit(
    browser: object, curated_site: tuple[str, str], request: pytest.FixtureRequest
) -> Iterator[Visit]:
    visit = Visit(browser, curated_site[0])
    yield visit
    visit.screenshot(request.node.name)
    visit.context.close()
    assert visit.foreign_requests() == [], "the page reached beyond the app"
    assert visit.errors == [], "the page's scripts failed"


def wait_ready(visit: Visit) -> None:
    visit.page.wait_for_function("document.body.dataset.state === 'ready'")


def test_explorer_opens_on_the_plans_overview(curated_visit: Visit) -> None:
    visit = curated_visit
    visit.open("/explore")
    wait_ready(visit)
    overview = visit.page.locator("#overview")
    assert overview.locator("h2").inner_text() == "湖北省标准化体系建设发展规划（2016-2020年）"
    chapters = overview.locator(".chapters button").all_inner_texts()
    assert chapters == ["总体要求", "主要任务", "重点领域", "重大工程", "保障措施"]
    assert "TASK" in overview.locator(".counts").inner_text()
    late = overview.locator(".late li").all_inner_texts()
    assert len(late) == 1 and "DELAYED" in late[0] and "完善标准监督评价体系" in late[0]
    assert visit.page.locator("#cy").is_hidden(), "no empty canvas on opening"
    # A chapter opens in the graph.
    overview.get_by_role("button", name="重大工程").click()
    assert "现代物流标准化工程" in explored_names(visit)


def test_the_review_panel_confirms_and_rejects_with_a_key_entered_once(
    curated_visit: Visit, curated_site: tuple[str, str]
) -> None:
    visit = curated_visit
    visit.open("/explore?pane=review")
    wait_ready(visit)
    cards = visit.page.locator("#queue .suggestion")
    assert cards.count() == 10
    first, second = cards.nth(0), cards.nth(1)
    # The shared terms are marked in both passages.
    ends = first.locator(".end")
    assert ends.nth(0).locator("mark").count() >= 1 and ends.nth(1).locator("mark").count() >= 1
    terms = first.locator(".heading").inner_text().split("：")[1].split("、")
    assert set(ends.nth(0).locator("mark").all_inner_texts()) <= set(terms)

    # Without a key the buttons that change the graph are hidden, and the page says why.
    visit.page.locator("#key-state", has_text="no key").wait_for()
    assert first.get_by_role("button", name="Confirm").is_hidden()

    visit.page.fill("#key", curated_site[1])
    visit.page.click("#key-form button[type=submit]")
    visit.page.locator("#key-state", has_text="王规划 (curator): you may review links").wait_for()
    first.get_by_role("button", name="Confirm").click()
    first.locator(".outcome", has_text="Confirmed").wait_for()
    second.get_by_role("button", name="Reject").click()
    second.locator(".outcome", has_text="Rejected").wait_for()
    assert [first.get_attribute("data-status"), second.get_attribute("data-status")] == [
        "CONFIRMED",
        "REJECTED",
    ]
    visit.page.evaluate("window.scrollTo(0, 0)")


def test_a_tasks_status_is_set_from_its_details(curated_visit: Visit, curated_site: tuple[str, str]) -> None:
    visit = curated_visit
    visit.open("/explore")
    wait_ready(visit)
    visit.page.evaluate("key => sessionStorage.setItem('plangraph.key', key)", curated_site[1])
    visit.open(f"/explore?id={sid('task/1.1')}")
    wait_ready(visit)
    control = visit.page.locator(".status-control")
    control.locator("select").select_option("AT_RISK")
    control.get_by_role("button", name="Set status").click()
    control.locator(".outcome", has_text="Status is now AT_RISK").wait_for()
    visit.page.click("#tab-overview")
    wait_ready(visit)
    late = visit.page.locator("#overview .late li").all_inner_texts()
    assert any("AT_RISK" in item and "转变标准供给方式" in item for item in late)


def test_two_pages_see_each_others_changes_live(
    browser: object, seed, tmp_path: Path, request: pytest.FixtureRequest
) -> None:  # type: ignore[no-untyped-def]
    """A curator's page and a reader's page open on the same plan: the reader's page has no
    buttons that change the graph and says why; the curator's decision on a suggestion, and a
    status set elsewhere, reach the reader's page without a reload."""
    ring = KeyRing(tmp_path / "keys.json")
    keys = {"curator": ring.add("王规划", KeyRole.CURATOR), "reader": ring.add("李读者", KeyRole.READER)}
    store, app = curated_app(seed, ring, tmp_path / "curation.yaml")
    with serving(store, app) as url:
        pages = {who: Visit(browser, url) for who in ("curator", "reader")}
        try:
            for who, visit in pages.items():
                visit.open("/explore")
                visit.page.evaluate("key => sessionStorage.setItem('plangraph.key', key)", keys[who])
                visit.open("/explore?pane=review")
                wait_ready(visit)
            curator, reader = pages["curator"], pages["reader"]
            reader.page.locator("#key-state", has_text="李读者 is a reader's key").wait_for()
            assert "changes need a curator's key" in reader.page.locator("#key-state").inner_text()
            assert (
                reader.page.locator("#queue .suggestion")
                .first.get_by_role("button", name="Confirm")
                .is_hidden()
            )

            first = curator.page.locator("#queue .suggestion").first
            suggestion = first.get_attribute("data-id")
            first.get_by_role("button", name="Confirm").click()
            first.locator(".outcome", has_text="Confirmed").wait_for()
            seen = reader.page.locator(f'#queue .suggestion[data-id="{suggestion}"]')
            seen.locator(".outcome", has_text="Confirmed by 王规划").wait_for()
            assert seen.get_attribute("data-status") == "CONFIRMED"
            reader.screenshot(f"{request.node.name}-review")

            reader.page.click("#tab-overview")
            wait_ready(reader)
            assert reader.page.locator("#overview .late li").count() == 0
            set_status = "mutation($id: ID!) { setStatus(id: $id, status: DELAYED) { id } }"
            assert ask(url, set_status, keys["curator"], id=sid("task/1.1"))["data"]
            reader.page.locator("#overview .late li", has_text="转变标准供给方式").wait_for()
            assert "DELAYED" in reader.page.locator("#overview .late li").first.inner_text()
            reader.screenshot(f"{request.node.name}-overview")
            curator.screenshot(f"{request.node.name}-curator")
        finally:
            for visit in pages.values():
                visit.context.close()
    for visit in pages.values():
        assert visit.foreign_requests() == [], "the page reached beyond the app"
        assert visit.errors == [], "the page's scripts failed"
