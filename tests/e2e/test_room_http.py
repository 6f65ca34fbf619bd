"""The room's server on a real socket, asked by real HTTP clients (aiohttp's),
friendly and hostile: every card arrives, floods and forgeries change nothing."""

import asyncio
import io
import json
import socket
from collections.abc import Iterator

import pytest
from aiohttp import ClientSession, ClientTimeout

from planner.room.server import POLL_SECONDS, RoomServer
from planner.room.state import (
    CARD_MAX, HOT_BUTTON, READS_BURST, READS_PER_SECOND, RETRO, Room, Shown)


@pytest.fixture
def served() -> Iterator[tuple[Room, str]]:
    room = Room()
    room.show(Shown("Messages: Awareness", ("Too slow to quote",), HOT_BUTTON))
    server = RoomServer(room, host="127.0.0.1")
    address = server.start()
    try:
        yield room, address.url
    finally:
        server.stop()


async def _join(http: ClientSession, url: str, code: str, name: str = "") -> str:
    async with http.post(url + "api/join", json={"code": code, "name": name}) as r:
        assert r.status == 200, await r.text()
        token: str = (await r.json())["token"]
        return token


def test_the_page_is_served_with_headers_that_forbid_what_it_does_not_need(
        served: tuple[Room, str]) -> None:
    room, url = served

    async def main() -> None:
        async with ClientSession() as http:
            for path, kind in (("", "text/html"), ("room.js", "text/javascript"),
                               ("room.css", "text/css")):
                async with http.get(url + path) as r:
                    assert r.status == 200 and r.content_type == kind
                    policy = r.headers["Content-Security-Policy"]
                    assert "default-src 'none'" in policy and "script-src 'self'" in policy
                    assert r.headers["X-Content-Type-Options"] == "nosniff"
            for path in ("../pyproject.toml", "resources/room/room.js", "api/cards", "plan"):
                async with http.get(url + path) as r:
                    assert r.status in (404, 405), path
            async with http.get(url + "api/state") as r:  # no token: nothing of the plan
                assert r.status == 401 and "Join the room" in (await r.json())["error"]
                assert "Awareness" not in await r.text()

    asyncio.run(main())


def test_fifty_participants_add_twenty_cards_each_and_vote_and_every_card_arrives(
        served: tuple[Room, str]) -> None:
    room, url = served

    async def participant(http: ClientSession, n: int) -> list[str]:
        token = await _join(http, url, room.code, f"Person {n}" if n % 2 else "")
        made = []
        for k in range(20):
            async with http.post(url + "api/card", headers={"X-Room-Token": token},
                                 json={"text": f"Card {k} from {n}"}) as r:
                assert r.status == 200, await r.text()
                made.append((await r.json())["id"])
            await asyncio.sleep(0.45)  # as people type: within the room's pace
        return made

    async def main() -> None:
        async with ClientSession(timeout=ClientTimeout(total=120)) as http:
            ids = await asyncio.gather(*(participant(http, n) for n in range(50)))
            cards = {c.id: c for c in room.snapshot()}
            assert len(cards) == 1000 and set(cards) == {i for made in ids for i in made}
            assert {c.text for c in cards.values()} == {f"Card {k} from {n}" for n in range(50)
                                                       for k in range(20)}
            assert {c.author for c in cards.values()} == {""} | {f"Person {n}"
                                                               for n in range(1, 50, 2)}
            room.start_vote(120, votes_each=3)
            voters = [await _join(http, url, room.code) for _ in range(10)]
            first = ids[0][0]
            for token in voters:
                async with http.post(url + "api/vote", headers={"X-Room-Token": token},
                                     json={"card": first}) as r:
                    assert r.status == 200 and (await r.json())["dots_left"] == 2
            async with http.get(url + "api/state", headers={"X-Room-Token": voters[0]}) as r:
                state = await r.json()
            assert state["cards"][0]["dots"] == 10 and state["dots_left"] == 2
            assert room.snapshot()[0].id == first

    asyncio.run(main())


def test_a_long_poll_answers_when_a_card_arrives(served: tuple[Room, str]) -> None:
    room, url = served

    async def main() -> None:
        async with ClientSession() as http:
            watcher = await _join(http, url, room.code)
            writer = await _join(http, url, room.code)
            async with http.get(url + "api/state", headers={"X-Room-Token": watcher}) as r:
                version = (await r.json())["version"]
            loop = asyncio.get_running_loop()
            started = loop.time()

            async def wait() -> dict[str, object]:
                async with http.get(url + f"api/state?since={version}",
                                    headers={"X-Room-Token": watcher}) as r:
                    answer: dict[str, object] = await r.json()
                    return answer

            waiting = asyncio.create_task(wait())
            await asyncio.sleep(0.3)
            assert not waiting.done()  # it waits for a change
            async with http.post(url + "api/card", headers={"X-Room-Token": writer},
                                 json={"text": "Pricing page is confusing"}) as r:
                assert r.status == 200
            answer = await asyncio.wait_for(waiting, 5)
            assert loop.time() - started < POLL_SECONDS
            assert [c["text"] for c in answer["cards"]] == ["Pricing page is confusing"]  # type: ignore[index, union-attr]

    asyncio.run(main())


def test_hostile_participants_change_nothing(served: tuple[Room, str]) -> None:
    room, url = served
    room.show(Shown("Review", (), RETRO))

    async def main() -> None:
        async with ClientSession(timeout=ClientTimeout(total=120)) as http:
            for _ in range(5):  # guessing codes: locked out after five
                async with http.post(url + "api/join", json={"code": "WRONG1"}) as r:
                    assert r.status == 403
            async with http.post(url + "api/join", json={"code": room.code}) as r:
                assert r.status == 429 and "locked out" in (await r.json())["error"]
            assert room.participants() == 0
            room._wrong.clear()  # the same address, a new room in effect (loopback)
            token = await _join(http, url, room.code)
            head = {"X-Room-Token": token}
            big = json.dumps({"text": "x" * (4 * 1024 * 1024), "part": "stop"})  # a 4 MB card
            async with http.post(url + "api/card", data=io.BytesIO(big.encode()),
                                 headers={**head, "Content-Type": "application/json"}) as r:
                assert r.status == 413 and "more than the room takes" in (await r.json())["error"]
            async with http.post(url + "api/card", headers=head,
                                 json={"text": "y" * (CARD_MAX + 1), "part": "stop"}) as r:
                assert r.status == 413
            for body in (b"not json", b"[1,2]", b'{"text": 5, "part": "stop"}', b"\xff\xfe"):
                async with http.post(url + "api/card", headers=head, data=body) as r:
                    assert r.status == 400, body
            async with http.post(url + "api/card", headers={"X-Room-Token": "forged"},
                                 json={"text": "hi", "part": "stop"}) as r:
                assert r.status == 401
            markup = '<img src=x onerror="alert(1)"><script>steal()</script>'
            await asyncio.sleep(3)  # the bucket refilled
            async with http.post(url + "api/card", headers=head,
                                 json={"text": markup, "part": "stop"}) as r:
                assert r.status == 200
            assert [c.text for c in room.snapshot()] == [markup]  # text, shown as text
            # 10,000 requests a minute from one participant: most are refused
            # at once, the server keeps answering everyone else.
            other = await _join(http, url, room.code, "Calm")
            codes: dict[int, int] = {}

            async def hammer(n: int) -> None:
                for _ in range(n):
                    async with http.get(url + "api/state", headers=head) as r:
                        codes[r.status] = codes.get(r.status, 0) + 1

            loop = asyncio.get_running_loop()
            started = loop.time()
            await asyncio.gather(*(hammer(500) for _ in range(20)))
            took = loop.time() - started
            assert sum(codes.values()) == 10_000  # every one answered, none dropped
            assert codes.get(200, 0) <= READS_BURST + took * READS_PER_SECOND + 1
            assert codes[429] == 10_000 - codes.get(200, 0)
            async with http.get(url + "api/state", headers={"X-Room-Token": other}) as r:
                assert r.status == 200 and (await r.json())["title"] == "Review"
            assert len(room.snapshot()) == 1

    asyncio.run(main())


def test_after_the_room_closes_nobody_is_served_and_the_port_is_shut() -> None:
    room = Room()
    room.show(Shown("Parking lot", (), "topic"))
    server = RoomServer(room, host="127.0.0.1")
    address = server.start()

    async def before() -> str:
        async with ClientSession() as http:
            return await _join(http, address.url, room.code)

    token = asyncio.run(before())
    server.stop()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", address.port), timeout=2).close()
    again = Room()
    again.show(Shown("Parking lot", (), "topic"))
    reopened = RoomServer(again, host="127.0.0.1")
    new_address = reopened.start()
    try:
        async def after() -> tuple[int, str]:
            async with ClientSession() as http:
                async with http.get(new_address.url + "api/state",
                                    headers={"X-Room-Token": token}) as r:
                    return r.status, json.dumps(await r.json())

        status, body = asyncio.run(after())
        assert status == 401 and "Parking" not in body
    finally:
        reopened.stop()


def test_the_page_s_words_come_in_the_window_s_language_and_english_is_the_page_s_own(
        served: tuple[Room, str]) -> None:
    """/words.json says the page's words in the language spoken; the English
    the page falls back on (room.js) is the catalogue's English, word for word."""
    import re

    from planner import i18n
    from planner.resources import resource_path
    from planner.room.words import page_words

    room, url = served

    async def fetch() -> dict[str, str]:
        async with ClientSession() as http:
            async with http.get(url + "words.json") as r:
                assert r.status == 200 and r.content_type == "application/json"
                assert "default-src 'none'" in r.headers["Content-Security-Policy"]
                words: dict[str, str] = await r.json()
                return words

    before = i18n.language()
    try:
        i18n.use("de")
        german = asyncio.run(fetch())
        i18n.use("en")
        english = asyncio.run(fetch())
    finally:
        i18n.use(before)
    assert german["lang"] == "de" and english["lang"] == "en"
    assert german["join_title"] == "Am Workshop teilnehmen"
    assert german["dots_other"] == "Sie haben noch {count} Punkte."
    assert set(german) == set(english) == set(page_words())
    assert all(german[k] != english[k] for k in ("join_title", "card_button", "unreachable"))
    script = resource_path("room", "room.js").read_text("utf-8")
    block = script[script.index("const W = {"):script.index("};", script.index("const W = {"))]
    defaults = dict(re.findall(r'(\w+): "((?:[^"\\]|\\.)*)"', block))
    assert defaults and all(english[k] == v for k, v in defaults.items()), [
        k for k, v in defaults.items() if english.get(k) != v]
    page = resource_path("room", "room.html").read_text("utf-8")
    marked = dict(re.findall(r'data-w="(\w+)"[^>]*>([^<]*)<', page))
    assert marked and all(english[k] == v for k, v in marked.items()), marked
