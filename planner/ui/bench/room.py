"""The room under load: `python -m planner.ui.bench.room PLAN`.

The large sample in workshop mode on its proposals slide, the room open on
this computer; 50 simulated participants (aiohttp clients on a thread of
their own) each add 20 cards, paced as people type, then vote. Printed:
whether every card arrived; from each card's arrival in the room to the
projected slide's next paint (median, p95); and the facilitator's next-slide
key to its paint, with the room quiet and under that load.
"""

import asyncio
import statistics
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QTest

from planner.app import make_application
from planner.ui.shell.main_window import MainWindow

PARTICIPANTS, CARDS = 50, 20


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.perf_counter())
        return False


def _load(url: str, code: str, done: threading.Event, failures: list[str]) -> None:
    from aiohttp import ClientSession, ClientTimeout

    async def one(http: ClientSession, n: int) -> None:
        async with http.post(url + "api/join", json={"code": code, "name": f"P{n}"}) as r:
            token = (await r.json())["token"]
        head = {"X-Room-Token": token}
        await asyncio.sleep(n * 0.02)
        for k in range(CARDS):
            async with http.post(url + "api/card", headers=head,
                                 json={"text": f"Card {k} from participant {n}"}) as r:
                if r.status != 200:
                    failures.append(await r.text())
            await asyncio.sleep(0.6)
        async with http.get(url + "api/state", headers=head) as r:
            state = await r.json()
        for card in state["cards"][:3]:
            async with http.post(url + "api/vote", headers=head, json={"card": card["id"]}):
                pass

    async def main() -> None:
        async with ClientSession(timeout=ClientTimeout(total=300)) as http:
            await asyncio.gather(*(one(http, n) for n in range(PARTICIPANTS)))

    asyncio.run(main())
    done.set()


def _next_slides(view, paints: Paints, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for n in range(runs):
        seen = len(paints.times)
        start = time.perf_counter()
        view.go(view.index + (1 if n % 2 == 0 else -1))
        while len(paints.times) == seen and time.perf_counter() - start < 3:
            QTest.qWait(0)
        times.append((paints.times[-1] - start) * 1000)
        QTest.qWait(40)
    return sorted(times)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(len(ordered) * 0.95)]


def main(plan: Path) -> None:
    _app = make_application(sys.argv[:1])
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    assert window.open_plan(plan, "goals")
    QTest.qWaitForWindowExposed(window)
    window.start_workshop()
    view = window.workshop
    assert view is not None
    paints = Paints()
    view.installEventFilter(paints)
    while view.fitting():
        QTest.qWait(10)
    view.go(next(n for n, s in enumerate(view.slides) if s.kind == "proposals"))
    view.room_host = "127.0.0.1"
    view.toggle_room()
    control = view.room
    assert control is not None
    arrived: list[float] = []
    control.room.listen(lambda: arrived.append(time.perf_counter()))
    QTest.qWait(200)
    quiet = _next_slides(view, paints, 40)
    view.go(next(n for n, s in enumerate(view.slides) if s.kind == "proposals"))
    QTest.qWait(100)
    done, failures = threading.Event(), []  # type: ignore[var-annotated]
    start_changes = len(arrived)
    loader = threading.Thread(target=_load, args=(control.address.url, control.room.code, done,
                                                  failures), daemon=True)
    loader.start()
    QTest.qWait(3000)
    busy = _next_slides(view, paints, 40)
    view.go(next(n for n, s in enumerate(view.slides) if s.kind == "proposals"))
    while not done.is_set():
        QTest.qWait(20)
    QTest.qWait(300)
    changes = arrived[start_changes:]
    lags = []
    for at in changes:  # each change to the room, to the next paint after it
        after = next((p for p in paints.times if p >= at), None)
        if after is not None:
            lags.append((after - at) * 1000)
    cards = [c for c in control.room.snapshot() if c.text.startswith("Card ")]
    print(f"cards arrived: {len(cards)} of {PARTICIPANTS * CARDS} "
          f"(refused: {len(failures)})")
    print(f"room change to the projected slide's paint: median "
          f"{statistics.median(lags):.1f} ms, p95 {_p95(lags):.1f} ms, "
          f"{len(lags)} changes  [goal p95 <= 200 ms]")
    print(f"next slide to its paint, room quiet: median {statistics.median(quiet):.1f} ms, "
          f"p95 {_p95(quiet):.1f} ms; under the load: median {statistics.median(busy):.1f} ms, "
          f"p95 {_p95(busy):.1f} ms")
    view.close()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
