"""The room's web page, served by aiohttp on a thread of its own while the
room is open (its own asyncio loop beside Qt's). Every answer is JSON or one
of three static files; the page writes every text with textContent, and the
headers forbid everything the page does not need (threat model:
docs/architecture.md, "The workshop room").
"""

import asyncio
import json
import socket
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from planner.i18n import _
from planner.resources import resource_path
from planner.room.state import Room, RoomRefusal
from planner.room.words import page_words

REQUEST_MAX = 16 * 1024        # a card is 500 characters: no request needs more
POLL_SECONDS = 20.0            # a page's long poll waits this long for a change
STATIC = {"/": ("room.html", "text/html"), "/room.js": ("room.js", "text/javascript"),
          "/room.css": ("room.css", "text/css")}
HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; "
                                "connect-src 'self'; img-src 'self'; base-uri 'none'; "
                                "form-action 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


def lan_address() -> str | None:
    """The address other devices on this network reach this one by (None:
    no network but this computer's own). A UDP socket is pointed at a
    documentation address: nothing is sent."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            address: str = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@dataclass(frozen=True)
class Address:
    host: str       # what a phone types (the network's address, or this computer's own)
    port: int
    local_only: bool  # no network: only this computer can join

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"


def _page(name: str) -> bytes:
    return resource_path("room", name).read_bytes()


def _reply(body: Any, status: int = 200) -> web.Response:
    return web.Response(text=json.dumps(body, ensure_ascii=False), status=status,
                        content_type="application/json", headers=HEADERS)


async def _body(request: web.Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except (ValueError, UnicodeDecodeError):
        raise RoomRefusal(400, _("The request is not JSON.")) from None
    if not isinstance(data, dict):
        raise RoomRefusal(400, _("The request is not a JSON object."))
    return data


def _app(room: Room, changed: asyncio.Condition) -> web.Application:
    pages = {path: (_page(name), kind) for path, (name, kind) in STATIC.items()}

    @web.middleware
    async def refusals(request: web.Request,
                       handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                       ) -> web.StreamResponse:
        try:
            return await handler(request)
        except RoomRefusal as refused:
            return _reply({"error": refused.sentence}, refused.status)
        except web.HTTPRequestEntityTooLarge:
            return _reply({"error": _("That is more than the room takes at once.")}, 413)

    async def static(request: web.Request) -> web.Response:
        body, kind = pages[request.path]
        return web.Response(body=body, content_type=kind, charset="utf-8", headers=HEADERS)

    async def words(request: web.Request) -> web.Response:
        return _reply(page_words())  # in the language the window speaks now

    def token(request: web.Request) -> str:
        return request.headers.get("X-Room-Token", "")

    async def join(request: web.Request) -> web.Response:
        data = await _body(request)
        given = room.join(request.remote or "", data.get("code"), data.get("name"),
                          data.get("side"))
        return _reply({"token": given})

    async def state(request: web.Request) -> web.Response:
        seen = request.query.get("since", "")
        room.check(token(request))  # refused before waiting, and counted
        if seen.isdigit() and int(seen) == room.version:
            async with changed:
                try:
                    await asyncio.wait_for(changed.wait_for(lambda: room.version != int(seen)),
                                           POLL_SECONDS)
                except asyncio.TimeoutError:
                    pass
        with_votes = room.state_for(token(request))
        return _reply(with_votes)

    async def card(request: web.Request) -> web.Response:
        data = await _body(request)
        made = room.add_card(token(request), data.get("text"), data.get("part", ""))
        return _reply({"id": made.id, "names_someone": made.names_someone})

    async def vote(request: web.Request) -> web.Response:
        data = await _body(request)
        left = room.vote(token(request), data.get("card"), data.get("up", True) is not False)
        return _reply({"dots_left": left})

    async def confidence(request: web.Request) -> web.Response:
        data = await _body(request)
        room.say_confidence(token(request), data.get("value"))
        return _reply({"ok": True})

    async def survey(request: web.Request) -> web.Response:
        return _reply(room.survey_for(token(request), request.query.get("people") == "1"))

    async def answer(request: web.Request) -> web.Response:
        data = await _body(request)
        room.answer_survey(token(request), data.get("person"), data.get("answers"))
        return _reply({"ok": True})

    app = web.Application(client_max_size=REQUEST_MAX, middlewares=[refusals])
    for path in STATIC:
        app.router.add_get(path, static)
    app.router.add_get("/words.json", words)
    app.router.add_post("/api/join", join)
    app.router.add_get("/api/state", state)
    app.router.add_post("/api/card", card)
    app.router.add_post("/api/vote", vote)
    app.router.add_post("/api/confidence", confidence)
    app.router.add_get("/api/survey", survey)
    app.router.add_post("/api/survey", answer)
    return app


class RoomServer:
    """The room served on the network while it is open: `start()` returns
    once it listens, `stop()` once it has closed every connection."""

    def __init__(self, room: Room, host: str | None = None, port: int = 0) -> None:
        self.room = room
        self._host = host  # None: every interface of this computer
        self._port = port
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="tandem-room", daemon=True)
        self._ready = threading.Event()
        self._failed: BaseException | None = None
        self._runner: web.AppRunner | None = None
        self._changed: asyncio.Condition | None = None
        self.port = 0

    def start(self) -> Address:
        self._thread.start()
        self._ready.wait(10)
        if self._failed is not None or not self.port:
            reason = getattr(self._failed, "strerror", None) or str(self._failed or "")
            raise OSError(_("The room could not be opened on the network ({reason}).").format(
                reason=reason or _("it did not start")))
        network = lan_address() if self._host is None else None
        host = network or (self._host if self._host not in (None, "0.0.0.0") else "127.0.0.1")
        return Address(str(host), self.port, local_only=network is None and self._host is None)

    def _wake(self) -> None:
        """The room changed (on whichever thread): every long poll answers."""
        if self._changed is not None and not self._loop.is_closed():
            try:
                asyncio.run_coroutine_threadsafe(self._notify(), self._loop)
            except RuntimeError:
                pass  # the loop is closing

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve())
        except BaseException as exc:  # said by start(), on the window's thread
            self._failed = exc
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()
        self._loop.close()

    async def _serve(self) -> None:
        self._changed = asyncio.Condition()
        self.room.listen(self._wake)
        self._runner = web.AppRunner(_app(self.room, self._changed), access_log=None,
                                     handle_signals=False, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host or "0.0.0.0", self._port,
                           reuse_address=True)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or ()
        self.port = sockets[0].getsockname()[1] if sockets else self._port

    def stop(self) -> None:
        """Stop listening and drop every connection (a participant who stays
        on the page finds the room gone)."""
        self.room.close()
        if not self._thread.is_alive():
            return

        async def down() -> None:
            if self._runner is not None:
                await self._runner.cleanup()
            self._loop.stop()

        asyncio.run_coroutine_threadsafe(down(), self._loop)
        self._thread.join(5)
