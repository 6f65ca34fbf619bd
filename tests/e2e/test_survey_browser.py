"""The network survey's forms in a real browser (Debian's chromium, headless,
driven by Selenium): opened from the file, filled in, saved as an answer
file, and taken back in by `tandem survey --collect`; forged, tampered,
duplicated, malformed and foreign answers refused; the rows in the file."""

import json
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import rows, run_tandem

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = [pytest.mark.e2e, pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver "
    "(.ci/setup --test installs them)")]

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover - the test tools install it
    pytestmark.append(pytest.mark.skip(reason="needs selenium (.ci/setup --test)"))


def browser(downloads: Path, width: int = 360, height: int = 740) -> "WebDriver":
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", f"--window-size={width},{height}",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "profile.default_content_setting_values.automatic_downloads": 1})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_window_size(width, height)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


def answer(driver: "WebDriver", form: Path, downloads: Path, choices: dict[tuple[int, str], str]
           ) -> Path:
    """Open a form, choose how often for some (question, person name), save;
    the answer file the browser wrote."""
    before = set(downloads.iterdir())
    driver.get(form.as_uri())
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "save"))
    for (question, name), often in choices.items():
        label = next(e for e in driver.find_elements(By.CSS_SELECTOR, f"fieldset:nth-of-type("
                                                     f"{question + 1}) label")
                     if e.text == name)
        Select(driver.find_element(By.ID, label.get_attribute("for"))).select_by_visible_text(
            often)
    driver.find_element(By.ID, "save").click()
    WebDriverWait(driver, 10).until(lambda d: "Saved." in d.find_element(By.ID, "said").text)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        made = [p for p in set(downloads.iterdir()) - before if p.suffix == ".json"]
        if made:
            return made[0]
        time.sleep(0.05)
    raise AssertionError(f"the browser saved no answer file: {sorted(p.name for p in downloads.iterdir())}")


def people(plan: Path) -> dict[str, tuple[str, str]]:
    return {name: (pid, team) for pid, name, team in rows(
        plan, "SELECT id, name, team FROM person")}


def test_forms_filled_in_a_browser_come_back_as_ties_and_bad_files_are_refused(
        demo: Path, tmp_path: Path) -> None:
    forms, downloads = tmp_path / "forms", tmp_path / "downloads"
    downloads.mkdir()
    from planner.model import Person
    from planner.model.enums import Team
    from planner.operations.rows import edit
    from planner.store.plan_store import PlanStore

    hostile = '<img src=x onerror="document.title=1"><b>Zed</b> & "Q"'
    with PlanStore.open(demo) as store:  # a name with markup: shown as its characters
        last = sorted((p for p in store.rows(Person) if p.team is Team.MARKETING),
                      key=lambda p: p.name)[-1]
        store.commit(edit(last, name=hostile))
    made = run_tandem("survey", str(demo), "--out", str(forms))
    assert made.returncode == 0, made.stderr
    who = people(demo)
    sales = sorted((n for n, (_, team) in who.items() if team == "SALES"), key=str.casefold)
    marketing = sorted((n for n, (_, team) in who.items() if team == "MARKETING"),
                       key=str.casefold)
    assert hostile in marketing and len(list(forms.iterdir())) == len(sales + marketing)
    rep, marketer = sales[1], marketing[2]
    page = (forms / f"{rep}.html").read_text("utf-8")
    assert "Content-Security-Policy" in page and "script-src 'sha256-" in page
    driver = browser(downloads)  # each person in a browser of their own
    try:
        first = answer(driver, forms / f"{rep}.html", downloads,
                       {(0, marketing[0]): "weekly", (1, marketing[0]): "daily",
                        (2, marketing[3]): "monthly"})
        # A form lists only the other team, by name as text.
        labels = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "fieldset:first-of-type "
                                                                        "label")]
        assert labels == marketing  # the markup as text, never as elements
        assert driver.find_elements(By.CSS_SELECTOR, "form img, form b") == []
        assert driver.title != "1"
        assert driver.execute_script("return document.documentElement.scrollWidth") <= \
            driver.execute_script("return window.innerWidth") <= 360
        driver.save_screenshot(str(tmp_path / "survey-360.png"))
    finally:
        driver.quit()
    files = []
    for n, choices in enumerate(({(0, rep): "a few times a year"}, {(1, sales[0]): "daily"})):
        own = downloads / f"person-{n}"  # the same form saved twice, on two occasions
        own.mkdir()
        driver = browser(own)
        try:
            files.append(answer(driver, forms / f"{marketer}.html", own, choices))
        finally:
            driver.quit()
    second, again = files
    saved = json.loads(first.read_text("utf-8"))
    assert "token" not in saved and len(saved["seal"]) == 64
    # Bad files, made from the good ones.
    tampered = tmp_path / "tampered.json"
    doc = json.loads(first.read_text("utf-8"))
    doc["answers"][0][2] = 4
    tampered.write_text(json.dumps(doc), "utf-8")
    forged = tmp_path / "forged.json"  # someone else's invitation, no token to seal it with
    doc = json.loads(first.read_text("utf-8"))
    doc["invite"] = json.loads(second.read_text("utf-8"))["invite"]
    forged.write_text(json.dumps(doc), "utf-8")
    foreign = tmp_path / "foreign.json"
    doc = json.loads(first.read_text("utf-8"))
    doc["plan"] = "another-plan"
    foreign.write_text(json.dumps(doc), "utf-8")
    malformed = tmp_path / "malformed.json"
    malformed.write_text('{"format": "tandem-survey-answers", "version": 1, "answers": [', "utf-8")
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (300 * 1024))
    before = rows(demo, "SELECT count(*) FROM survey_answer")
    bad = run_tandem("survey", str(demo), "--collect", str(tampered), str(forged), str(foreign),
                     str(malformed), str(huge))
    assert bad.returncode == 1
    assert rows(demo, "SELECT count(*) FROM survey_answer") == before == [(0,)]
    said = bad.stderr
    assert "tampered.json does not carry its form's seal" in said
    assert "forged.json does not carry its form's seal" in said
    assert "foreign.json answers another plan's survey" in said
    assert "malformed.json is not an answer file of a Tandem survey (not JSON)" in said
    assert "huge.json is 300 KB" in said and "Traceback" not in said
    # The good ones, and the same form answered twice: the second is refused.
    good = run_tandem("survey", str(demo), "--collect", str(first), str(second), str(again))
    assert good.returncode == 1
    assert f"{first.name}: {rep}'s answers taken." in good.stdout
    assert f"{again.name}: {marketer} has answered this survey already" in good.stderr
    assert "2 of 14 people have answered (14%)." in good.stdout
    ids = {name: pid for name, (pid, _) in who.items()}
    assert sorted(rows(demo, "SELECT respondent_id, question, names_id, often FROM "
                             "survey_answer")) == sorted([
        (ids[rep], 0, ids[marketing[0]], 3), (ids[rep], 1, ids[marketing[0]], 4),
        (ids[rep], 2, ids[marketing[3]], 2), (ids[marketer], 0, ids[rep], 1)])
    twice = run_tandem("survey", str(demo), "--collect", str(first))
    assert twice.returncode == 1 and f"{rep} has answered this survey already" in twice.stderr

