"""The room's page in a real browser (Debian's chromium, driven by Selenium):
five participants join, write cards, vote and follow the slide; the cards
the facilitator takes in are rows of the plan file."""

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.operations import room as room_ops
from planner.outline.build import build_outline
from planner.outline.slides import slides_from_outline
from planner.room.server import RoomServer
from planner.room.shown import shown
from planner.room.state import Room
from planner.store.plan_store import PlanStore
from tests.conftest import rows

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


def browser(width: int, height: int) -> "WebDriver":
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", f"--window-size={width},{height}",
                     "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_window_size(width, height)
    return driver


@pytest.fixture
def room_of_sample(sample_path: Path) -> Iterator[tuple[Room, str, PlanStore, list]]:  # type: ignore[type-arg]
    store = PlanStore.open(sample_path)
    slides = slides_from_outline(build_outline(store), ((), ("Shorten the sales cycle",)),
                                 parked_items=(("t1", "Pricing page"),))
    room = Room()
    server = RoomServer(room, host="127.0.0.1")
    address = server.start()
    try:
        yield room, address.url, store, slides
    finally:
        server.stop()
        store.close()


def wait(driver: "WebDriver", test, seconds: float = 10) -> None:  # type: ignore[no-untyped-def]
    WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: test(d))


def click_fresh(driver: "WebDriver", selector: str, index: int) -> None:
    """Click the index-th element of a list the page draws anew at every
    change of the room (found again if it was redrawn in between)."""
    from selenium.common.exceptions import StaleElementReferenceException

    def clicked(d: "WebDriver") -> bool:
        try:
            d.find_elements(By.CSS_SELECTOR, selector)[index].click()
        except (StaleElementReferenceException, IndexError):
            return False
        return True
    wait(driver, clicked)


def join(driver: "WebDriver", url: str, code: str, name: str, side: str) -> None:
    driver.get(url)
    driver.find_element(By.ID, "code").send_keys(code.lower())
    driver.find_element(By.ID, "name").send_keys(name)
    Select(driver.find_element(By.ID, "side")).select_by_value(side)
    driver.find_element(By.ID, "join-button").click()
    wait(driver, lambda d: d.find_element(By.ID, "board").is_displayed())


def test_five_participants_write_vote_and_follow_the_slide(
        room_of_sample: tuple[Room, str, PlanStore, list], sample_path: Path,  # type: ignore[type-arg]
        tmp_path: Path) -> None:
    room, url, store, slides = room_of_sample
    proposals = next(s for s in slides if s.kind == "proposals")
    room.show(shown(proposals))
    people = [("Ines Berg", "marketing"), ("", "sales"), ("Jonas Weber", "sales"),
              ("", ""), ("Mia 🚀 Chen", "marketing")]
    drivers = [browser(360, 640) if n < 3 else browser(1280, 800) for n in range(5)]
    try:
        for driver, (name, side) in zip(drivers, people):
            join(driver, url, room.code, name, side)
        assert all(d.find_element(By.ID, "title").text == "Proposals" for d in drivers)
        # Each adds a card; the last writes markup, which every page shows as text.
        texts = ["Joint webinar series", "Shared pipeline review", "Win 20 logos in DACH",
                 "Reference programme", '<img src=x onerror="document.title=1"><b>bold</b>']
        for driver, text in zip(drivers, texts):
            driver.find_element(By.ID, "card-text").send_keys(text)
            driver.find_element(By.ID, "card-button").click()
            wait(driver, lambda d: d.find_element(By.ID, "card-note").text.startswith("Added"))
        for driver in drivers:
            wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#cards li")) == 5)
        seen = drivers[0].find_elements(By.CSS_SELECTOR, "#cards li .text > div:first-child")
        assert [e.text for e in seen] == texts
        assert drivers[0].find_elements(By.CSS_SELECTOR, "#cards img, #cards b") == []
        assert drivers[0].title == "Tandem workshop room"  # the onerror never ran
        metas = [e.text for e in drivers[0].find_elements(By.CSS_SELECTOR, "#cards .meta")]
        assert metas[1] == "From sales · anonymous" and metas[0] == "From marketing · by Ines Berg"
        # A vote with a clock: everyone puts a dot on "Reference programme".
        room.start_vote(120, votes_each=2)
        for driver in drivers:
            wait(driver, lambda d: d.find_element(By.ID, "vote").is_displayed())
            click_fresh(driver, "#cards li button", 3)
            wait(driver, lambda d: "1 dot left" in d.find_element(By.ID, "dots").text)
        top = room.snapshot()[0]
        assert (top.text, top.dots) == ("Reference programme", 5)
        assert "left" in drivers[2].find_element(By.ID, "vote-clock").text
        # The screenshots, at a phone's size and a laptop's.
        for driver in drivers:
            driver.execute_script("window.scrollTo(0, 0)")
        width = drivers[0].execute_script("return document.documentElement.scrollWidth")
        assert width <= 360  # nothing wider than the phone: no sideways scrolling
        drivers[0].save_screenshot(str(tmp_path / "room-360.png"))
        drivers[4].save_screenshot(str(tmp_path / "room-1280.png"))
        assert (tmp_path / "room-360.png").stat().st_size > 5_000
        # The facilitator moves on: every page follows within a moment.
        parking = next(s for s in slides if s.kind == "parking")
        started = time.monotonic()
        room.show(shown(parking))
        for driver in drivers:
            wait(driver, lambda d: d.find_element(By.ID, "title").text == "Parking lot")
        assert time.monotonic() - started < 5
        assert "Pricing page" in drivers[1].find_element(By.ID, "lines").text
        drivers[3].find_element(By.ID, "card-text").send_keys("Onboarding for partners")
        drivers[3].find_element(By.ID, "card-button").click()
        wait(drivers[3], lambda d: len(d.find_elements(By.CSS_SELECTOR, "#cards li")) == 1)
    finally:
        for driver in drivers:
            driver.quit()
    # Into the plan, as the workshop's I key does, and read back from the file.
    for card in room.snapshot():
        change = (room_ops.proposal(store, card.text, card.part) if card.kind == "proposal"
                  else room_ops.topic(card.text))
        store.commit(change)
    assert sorted(rows(sample_path, "SELECT title, proposed_by FROM goal WHERE status = "
                                    "'PROPOSED' AND title IN ('Joint webinar series', "
                                    "'Shared pipeline review', 'Win 20 logos in DACH', "
                                    "'Reference programme')")) == [
        ("Joint webinar series", "MARKETING"), ("Reference programme", "SALES"),
        ("Shared pipeline review", "SALES"), ("Win 20 logos in DACH", "SALES")]
    assert rows(sample_path, "SELECT title FROM goal WHERE title LIKE '%onerror%'") == [
        ('<img src=x onerror="document.title=1"><b>bold</b>',)]
    assert rows(sample_path, "SELECT topic, done FROM parking_topic WHERE topic = "
                             "'Onboarding for partners'") == [("Onboarding for partners", 0)]


def test_a_participant_who_stays_after_the_room_closes_is_told(
        room_of_sample: tuple[Room, str, PlanStore, list]) -> None:  # type: ignore[type-arg]
    room, url, store, slides = room_of_sample
    room.show(shown(slides[0]))
    driver = browser(360, 640)
    try:
        join(driver, url, room.code, "", "")
        room.close()
        wait(driver, lambda d: d.find_element(By.ID, "join").is_displayed())
        assert "closed" in driver.find_element(By.ID, "join-error").text
    finally:
        driver.quit()


def test_the_page_speaks_the_window_s_language(
        room_of_sample: tuple[Room, str, PlanStore, list]) -> None:  # type: ignore[type-arg]
    """A German window's room: the page's own words, the retrospective's parts
    and the room's refusals are German, and the page says it is (lang)."""
    from planner import i18n
    from planner.room.state import RETRO

    room, url, store, slides = room_of_sample
    review = next(s for s in slides if shown(s).adds == RETRO)
    room.show(shown(review))
    before = i18n.language()
    i18n.use("de")
    driver = browser(360, 640)
    try:
        driver.get(url)
        wait(driver, lambda d: d.find_element(By.ID, "join-title").text == "Am Workshop teilnehmen")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de"
        assert driver.title == "Tandem-Workshopraum"
        labels = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#join label")]
        assert labels[0] == "Raumcode (auf der Leinwand)" and labels[2] == "Ihr Team"
        driver.find_element(By.ID, "code").send_keys("WRONG1")
        driver.find_element(By.ID, "join-button").click()
        wait(driver, lambda d: "nicht der Code dieses Raums" in d.find_element(By.ID, "join-error").text)
        driver.find_element(By.ID, "code").clear()
        join(driver, url, room.code, "", "")
        wait(driver, lambda d: d.find_element(By.ID, "parts").text != "")
        assert driver.find_element(By.ID, "parts").text.split("\n") == [
            "Beginnen", "Aufhören", "Weitermachen"]
        assert driver.find_element(By.ID, "card-button").text == "Hinzufügen"
        driver.find_element(By.ID, "card-text").send_keys("Früher gemeinsam planen")
        driver.find_element(By.ID, "card-button").click()
        wait(driver, lambda d: d.find_element(By.ID, "card-note").text == "Hinzugefügt.")
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#cards li")) == 1)
        assert driver.find_element(By.CSS_SELECTOR, "#cards .meta").text == "Beginnen · anonym"
        assert driver.find_element(By.ID, "who").text == "anonym"
    finally:
        driver.quit()
        i18n.use(before)


def test_the_survey_is_answered_on_a_phone_and_the_answers_reach_the_file(
        room_of_sample: tuple[Room, str, PlanStore, list], sample_path: Path,  # type: ignore[type-arg]
        tmp_path: Path) -> None:
    """On a phone's page: find your name, find whom you go to for each
    question, say how often, send; the facilitator's take-in (the I key's
    `from_room`) writes them as survey answers. A second phone sees the
    first person as answered and cannot answer as them; nothing of what the
    first said reaches it."""
    from datetime import date

    from planner.imports.survey_answers import from_room
    from planner.model import Person
    from planner.operations import survey as survey_ops
    from planner.outline.slides import Slide
    from planner.room.survey import room_survey

    room, url, store, slides = room_of_sample
    store.commit(survey_ops.open_survey(store, date(2027, 3, 1))[0])
    offered = room_survey(store)
    assert offered is not None
    room.offer_survey(offered)
    room.show(shown(Slide("network", "Who do you go to across the teams?", ("1. ...",),
                          kind="survey")))
    people = {p.name: p for p in store.rows(Person)}
    phone, other = browser(360, 640), browser(360, 640)
    try:
        join(phone, url, room.code, "Ines", "sales")
        wait(phone, lambda d: d.find_element(By.ID, "survey-form").is_displayed())
        assert not phone.find_element(By.ID, "card-form").is_displayed()
        phone.find_element(By.ID, "survey-find-me").send_keys("ines b")
        click_fresh(phone, "#survey-me-matches button", 0)
        wait(phone, lambda d: "Answering as Ines Berg" in d.find_element(By.ID, "survey-me").text)
        # Question 1: Bjorn, weekly; question 2: Dmitri, left at its default (monthly).
        for question, typed, often in ((0, "bjo", "weekly"), (1, "dmitri", None)):
            phone.find_element(By.ID, f"survey-find-{question}").send_keys(typed)
            click_fresh(phone, f"#survey-found-{question} button", 0)
            wait(phone, lambda d: len(d.find_elements(
                By.CSS_SELECTOR, f"#survey-chosen-{question} select")) == 1)
            if often:
                Select(phone.find_element(By.CSS_SELECTOR, f"#survey-chosen-{question} select")
                       ).select_by_visible_text(often)
        # Sales names only marketing: a salesperson is not offered.
        phone.find_element(By.ID, "survey-find-2").send_keys("amara")
        wait(phone, lambda d: "Nobody of that name on the other team" in d.find_element(
            By.ID, "survey-found-2").text)
        phone.find_element(By.ID, "survey-button").click()
        wait(phone, lambda d: d.find_element(By.ID, "survey-note").text.startswith("Sent."))
        width = phone.execute_script("return document.documentElement.scrollWidth")
        assert width <= 360
        phone.save_screenshot(str(tmp_path / "survey-360.png"))
        join(other, url, room.code, "", "")
        other.find_element(By.ID, "survey-find-me").send_keys("Ines")
        wait(other, lambda d: "Ines Berg (answered)" in d.find_element(
            By.ID, "survey-me-matches").text)
        assert other.find_element(By.CSS_SELECTOR, "#survey-me-matches button").get_attribute(
            "disabled") is not None
        assert "Bjorn" not in other.page_source  # the names are there to pick, never the answers
    finally:
        phone.quit()
        other.quit()
    result = from_room(store, offered.survey_id, room.survey_given())
    assert result.refused == [] and store.commit(result.change)
    ines, bjorn, dmitri = (people[n] for n in ("Ines Berg", "Bjorn Tanaka", "Dmitri Horvath"))
    assert sorted(rows(sample_path, "SELECT respondent_id, question, names_id, often FROM "
                                    "survey_answer")) == sorted(
        [(ines.id, 0, bjorn.id, 3), (ines.id, 1, dmitri.id, 2)])
