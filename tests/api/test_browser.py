"""The web page in headless Chromium (Debian's chromium + chromedriver, driven by selenium),
against `thidua serve` started by the test on a free port. Screenshots go to test-artifacts/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from thidua.config import DEFAULT_BACKEND

ROOT = Path(__file__).resolve().parents[2]

ARTIFACTS = ROOT / "test-artifacts"
pytestmark = pytest.mark.slow


def _browser_missing() -> str | None:
    for exe in ("chromium", "chromedriver"):
        if not shutil.which(exe):
            return f"{exe} not installed (Debian: apt-get install chromium chromium-driver; `make test` does it)"
    return None


@pytest.fixture(scope="module")
def server(sample_home):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "THIDUA_HOME": str(sample_home), "THIDUA_BACKEND": DEFAULT_BACKEND}
    proc = subprocess.Popen([sys.executable, "-m", "thidua.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"thidua serve exited: {proc.stdout.read()}")
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("thidua serve did not answer /healthz within 15 s")
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if (why := _browser_missing()) is not None:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tmp_path_factory.mktemp('profile')}", "--window-size=1280,1000", "--lang=vi"):
        opts.add_argument(arg)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
    driver.downloads = downloads
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def navigate(browser, action) -> None:
    """Do something that loads a new page, and wait until the new page is there."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    old = browser.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(browser, 15).until(EC.staleness_of(old))
    WebDriverWait(browser, 15).until(lambda b: b.execute_script("return document.readyState") == "complete")


def test_search_then_facet_narrows(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server + "/")
    navigate(browser, lambda: browser.find_element(By.NAME, "q").send_keys("thi dua", Keys.ENTER))  # no diacritics
    assert "q=thi+dua" in browser.current_url
    before = int(browser.find_element(By.ID, "total").text)
    assert before == 5
    shot(browser, "search")
    facet = browser.find_element(By.CSS_SELECTOR, '[data-facet="district"] a.facet-value')
    expected = int(facet.find_element(By.CSS_SELECTOR, ".n").text)
    navigate(browser, facet.click)
    after = int(browser.find_element(By.ID, "total").text)
    assert after == expected < before
    assert len(browser.find_elements(By.CSS_SELECTOR, "#hits .hit")) == after
    shot(browser, "search-facet")


def test_directive_page_lists_citations(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/van-ban")
    navigate(browser, browser.find_element(By.LINK_TEXT, "34-CT/TW").click)
    assert browser.find_element(By.ID, "citing-total").text == "3"
    rows = browser.find_elements(By.CSS_SELECTOR, "#citing tr")[1:]
    assert len(rows) == 3 and all("34-CT/TW" in r.text for r in rows)
    assert browser.find_elements(By.CSS_SELECTOR, "figure.chart svg rect")
    shot(browser, "directive")


def test_document_view_colours_facts(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/?q=Th%E1%BA%A1ch+Th%E1%BA%A5t")
    navigate(browser, browser.find_element(By.CSS_SELECTOR, "#hits .hit a.title").click)
    text = browser.find_element(By.ID, "doc-text").text
    assert "1.774" in text
    shot(browser, "document")


def test_award_page_downloads_csv(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/khen-thuong")
    assert browser.find_elements(By.CSS_SELECTOR, "#award-rows tr")[1:]
    shot(browser, "awards")
    browser.find_element(By.ID, "export-csv").click()
    for _ in range(100):
        done = [p for p in browser.downloads.iterdir() if p.suffix == ".csv"]
        if done:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the CSV download did not arrive")
    data = done[0].read_bytes()
    assert data.startswith("\ufeff".encode()) and "Lao động tiên tiến".encode() in data
