"""The web app end to end in a real headless Chromium: map, filters, an event's evidence, English, search.

The server (uvicorn, in a thread, on 127.0.0.1) serves a database holding the ingested seed pages and the
sample events. Chromium runs with networking features off; every resource a page loads must come from the
server itself.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.ingest import read_sources
from rasd.pipeline import ingest_document
from rasd.serve.app import create_app
from tests.pg_server import free_port
from tests.sample_events import fill

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT_S = 20


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        message = (
            f"Chromium is not installed ({', '.join(missing)}): apt-get install chromium chromium-driver"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory, seed_dump: Path, seed_enab: Path) -> Iterator[str]:
    import uvicorn

    _require_browser()
    os.environ.pop("RASD_API_TOKEN", None)
    db = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    app = create_app(db)
    store = app.state.store
    for result in read_sources([str(seed_dump), str(seed_enab)]):
        assert result.document is not None
        ingest_document(store, result.document)
    fill(store)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_S
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server_url: str) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="rasd-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    # An explicit driver path: Selenium Manager never looks for (or downloads) a driver.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(driver: object, script: str) -> object:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S).until(lambda d: d.execute_script(script))  # type: ignore[attr-defined]


def external_requests(driver: object, origin: str) -> list[str]:
    names = driver.execute_script(  # type: ignore[attr-defined]
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    return [n for n in names if not n.startswith(origin)]


def api(server_url: str, path: str) -> dict:
    with urllib.request.urlopen(server_url + path, timeout=WAIT_S) as response:  # 127.0.0.1 only
        return json.loads(response.read())


def located(server_url: str, query: str = "") -> int:
    """How many located events the API gives for ``query`` (the seeds' events and the sample events)."""
    return len(api(server_url, "/api/events/points?limit=10000&" + query)["items"])


def test_map_shows_the_events_on_bundled_boundaries(browser: object, server_url: str) -> None:
    driver = browser
    driver.get(server_url + "/")  # type: ignore[attr-defined]
    assert driver.execute_script("return document.documentElement.dir") == "rtl"  # type: ignore[attr-defined]
    assert driver.execute_script("return document.documentElement.lang") == "ar"  # type: ignore[attr-defined]
    wait_for(driver, "return window.RASD && window.RASD.mapReady")
    expected = located(server_url)
    assert expected >= 4  # the four sample events, and those the pipeline found in the seeds
    assert wait_for(driver, "return document.getElementById('map-count').dataset.count") == str(expected)
    # Country polygons drawn from the bundled GeoJSON (no tiles anywhere).
    assert wait_for(driver, "return window.RASD.boundaryCount") > 200
    assert driver.execute_script("return document.querySelectorAll('.leaflet-tile').length") == 0  # type: ignore[attr-defined]
    assert external_requests(driver, server_url) == []


def test_filtering_the_map_by_type(browser: object, server_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    driver.get(server_url + "/")  # type: ignore[attr-defined]
    Select(driver.find_element(By.ID, "filter-plover")).select_by_value("ASSAULT")  # type: ignore[attr-defined]
    driver.find_element(By.ID, "apply-filters").click()  # type: ignore[attr-defined]
    wait_for(driver, "return location.search.includes('plover=ASSAULT') && window.RASD.mapReady")
    assaults = located(server_url, "plover=ASSAULT")
    assert 2 <= assaults < located(server_url)
    assert wait_for(driver, "return document.getElementById('map-count').dataset.count") == str(assaults)
    # The filter carries over to the list and the timeline.
    driver.find_element(By.CSS_SELECTOR, "nav a[href^='/events']").click()  # type: ignore[attr-defined]
    rows = driver.find_elements(By.CSS_SELECTOR, "#event-list tr.event-row")  # type: ignore[attr-defined]
    assert len(rows) == min(50, api(server_url, "/api/events?plover=ASSAULT&limit=1")["total"])
    driver.get(server_url + "/timeline?plover=ASSAULT")  # type: ignore[attr-defined]
    wait_for(driver, "return window.RASD.timelineReady")
    days = [
        r for r in api(server_url, "/api/events/timeline?plover=ASSAULT")["items"] if len(r["date"]) == 10
    ]
    assert driver.execute_script("return document.querySelectorAll('#timeline rect.day-bar').length") == len(
        days
    )  # type: ignore[attr-defined]


def test_opening_an_event_from_the_map_shows_its_evidence(browser: object, server_url: str) -> None:
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(server_url + "/?country=LB&source=Al+Mayadeen")  # type: ignore[attr-defined]
    wait_for(driver, "return window.RASD.mapReady")
    # Click the one marker where the map draws it (viewport coordinates).
    x, y = driver.execute_script(  # type: ignore[attr-defined]
        "const m = window.RASD.clusters.getLayers()[0];"
        "const p = window.RASD.map.latLngToContainerPoint(m.getLatLng());"
        "const box = document.getElementById('map').getBoundingClientRect();"
        "return [Math.round(box.left + p.x), Math.round(box.top + p.y)];"
    )
    actions = ActionBuilder(driver)  # type: ignore[arg-type]
    actions.pointer_action.move_to_location(x, y).click()
    actions.perform()
    link = wait_for(driver, "return document.querySelector('.leaflet-popup a.open-event')")
    link.click()  # type: ignore[attr-defined]
    wait_for(driver, "return location.pathname.startsWith('/events/')")
    marks = driver.find_elements(By.CSS_SELECTOR, "#article-text mark.evidence")  # type: ignore[attr-defined]
    assert [m.text for m in marks] == ["قتل ثلاثة مدنيين بغارة إسرائيلية استهدفت سيارة في بلدة بنت جبيل"]
    fields = driver.find_element(By.ID, "event-fields").text  # type: ignore[attr-defined]
    assert "ASSAULT" in fields and "Air/drone strike" in fields and "ثلاثة" in fields


def test_one_click_switches_to_english(browser: object, server_url: str) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(server_url + "/events/ev-borno-arrests")  # type: ignore[attr-defined]
    assert "الجيش النيجيري" in driver.find_element(By.ID, "event-fields").text  # type: ignore[attr-defined]
    driver.find_element(By.ID, "lang-switch").click()  # type: ignore[attr-defined]
    wait_for(driver, "return document.documentElement.lang === 'en'")
    assert driver.execute_script("return document.documentElement.dir") == "ltr"  # type: ignore[attr-defined]
    summary = driver.find_element(By.ID, "event-summary").text  # type: ignore[attr-defined]
    assert summary == "The Nigerian army said it arrested twenty Boko Haram fighters near Maiduguri."
    fields = driver.find_element(By.ID, "event-fields").text  # type: ignore[attr-defined]
    assert "Military Forces of Nigeria" in fields and "Maiduguri" in fields and "Fatalities" in fields
    # The choice sticks (cookie) on the next page; one click goes back to Arabic.
    driver.get(server_url + "/stories/story-coalition")  # type: ignore[attr-defined]
    assert driver.execute_script("return document.documentElement.lang") == "en"  # type: ignore[attr-defined]
    driver.find_element(By.ID, "lang-switch").click()  # type: ignore[attr-defined]
    wait_for(driver, "return document.documentElement.lang === 'ar'")


def test_searching_in_arabic(browser: object, server_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser
    driver.get(server_url + "/")  # type: ignore[attr-defined]
    box = driver.find_element(By.ID, "search-box")  # type: ignore[attr-defined]
    box.send_keys("غارة")
    box.send_keys(Keys.ENTER)
    wait_for(driver, "return location.pathname === '/search'")
    hits = driver.find_elements(By.CSS_SELECTOR, "#search-results .hit")  # type: ignore[attr-defined]
    assert len(hits) >= 2
    marked = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]  # type: ignore[attr-defined]
    assert "بغارة" in marked
    # The seed pages are searchable too: both outlets tell of the coalition.
    driver.get(server_url + "/search?q=" + "التحالف الدولي")  # type: ignore[attr-defined]
    metas = " ".join(m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results .meta"))  # type: ignore[attr-defined]
    assert "Asharq Al-Awsat" in metas and "Enab Baladi" in metas
