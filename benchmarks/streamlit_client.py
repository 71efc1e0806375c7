"""A small Streamlit websocket client for the load benchmark: one applicant's browser tab
without the browser.

It speaks Streamlit's own protocol on `/_stcore/stream` (protobuf `BackMsg` up, `ForwardMsg`
down, the classes from `streamlit.proto`), as the Streamlit frontend does:
- a run is asked for with a `rerun_script` message carrying the page and the widget values;
- widgets are found by their user key, which Streamlit puts at the end of each widget's id
  (`$$ID-<hash>-<key>`);
- a button click is a one-off `trigger_value`; a text box holds its value until the page drops
  it (a form's fields go up with its submit button); a select box sends the label of the
  option chosen, as shown (`select`); an expander drawn only while open is opened with a
  `bool_value` (`open_expander`);
- the pages come in the `navigation` message (URL path -> page script hash); moving to one
  (`goto`) is a rerun with that page's hash, as a click in the menu is;
- the page's current script hash (from `new_session`) goes with every rerun;
- fragments that rerun by themselves (`auto_rerun`, here the idle timer) are rerun on their
  interval, as a browser tab left open would.

What a run showed (alerts, exceptions, widgets) is kept per run, so a caller can ask "did the
run that answered my edit show 'Saved.'?". Every wait has a time limit. Only loopback is used.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

FINISHED = ForwardMsg.ScriptFinishedStatus
ALERT_NAMES = {Alert.ERROR: "error", Alert.WARNING: "warning", Alert.INFO: "info",
               Alert.SUCCESS: "success"}


class ProtocolError(RuntimeError):
    """The server did something this client cannot follow (or nothing in time)."""


@dataclass
class Widget:
    id: str
    kind: str  # the Element oneof name: "text_input", "button", ...
    form_id: str = ""
    options: tuple[str, ...] = ()  # a select box's or radio's options, as labelled


@dataclass
class Run:
    """What one full run of the page showed."""

    widgets: dict[str, Widget] = field(default_factory=dict)  # user key -> widget
    alerts: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    exceptions: list[str] = field(default_factory=list)
    status: int | None = None  # ScriptFinishedStatus once finished
    finished_at: float = 0.0  # time.perf_counter()

    @property
    def errors(self) -> list[str]:
        return [text for kind, text in self.alerts if kind == "error"] + self.exceptions


def user_key(widget_id: str) -> str | None:
    """'$$ID-<hash>-<key>' -> '<key>' (None for a widget without a key)."""
    if not widget_id.startswith("$$ID-"):
        return None
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[2] != "None" else None


class StreamlitClient:
    """One session. Use `async with StreamlitClient(url) as s:` then `rerun`, `type_text`,
    `click`, `submit_form`; each returns the finished Run that answered it."""

    def __init__(self, url: str, *, timeout_s: float = 30.0) -> None:
        self.http_url = url.rstrip("/")
        self.ws_url = self.http_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.timeout_s = timeout_s
        self.page_script_hash = ""
        self.pages: dict[str, str] = {}  # URL path -> page script hash (from `navigation`)
        self.last: Run = Run()  # the last finished full run
        self._current: Run = Run()
        self._values: dict[str, WidgetState] = {}  # widget id -> value the "user" set
        self._finished: asyncio.Queue[Run] = asyncio.Queue()
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._timers: dict[str, asyncio.Task[None]] = {}
        self.closed_reason: str | None = None

    async def __aenter__(self) -> StreamlitClient:
        self._ws = await asyncio.wait_for(
            connect(self.ws_url, subprotocols=["streamlit"],  # type: ignore[list-item]
                    origin=self.http_url, max_size=None),  # type: ignore[arg-type]
            self.timeout_s)
        self._reader = asyncio.create_task(self._read())
        return self

    async def __aexit__(self, *exc: object) -> None:
        for task in self._timers.values():
            task.cancel()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, Exception):  # noqa: BLE001, S110 - closing anyway
                pass

    # --- what the user does ---------------------------------------------------------------

    def widget(self, key: str) -> Widget:
        try:
            return self.last.widgets[key]
        except KeyError:
            raise ProtocolError(f"no widget {key!r} on the page; have "
                                f"{sorted(self.last.widgets)[:30]}") from None

    def has(self, key: str) -> bool:
        return key in self.last.widgets

    async def rerun(self) -> Run:
        """The first page load (and any plain rerun)."""
        return await self._run_with()

    async def type_text(self, key: str, value: str) -> Run:
        """Type into a text box and leave it (Tab): the change goes up and the page reruns."""
        w = self.widget(key)
        self._values[w.id] = WidgetState(id=w.id, string_value=value)
        return await self._run_with()

    async def click(self, key: str) -> Run:
        w = self.widget(key)
        return await self._run_with(WidgetState(id=w.id, trigger_value=True))

    async def select(self, key: str, index: int) -> Run:
        """Choose a select box's option by its place in the list: the change goes up."""
        w = self.widget(key)
        if not 0 <= index < len(w.options):
            raise ProtocolError(f"{key!r} has {len(w.options)} options, not {index + 1}")
        self._values[w.id] = WidgetState(id=w.id, string_value=w.options[index])
        return await self._run_with()

    async def open_expander(self, key: str) -> Run:
        """Open an expander drawn lazily (`on_change="rerun"`): it stays open after."""
        w = self.widget(key)
        self._values[w.id] = WidgetState(id=w.id, bool_value=True)
        return await self._run_with()

    async def goto(self, url_path: str) -> Run:
        """Open another page of the app, as a click on its menu entry does."""
        try:
            self.page_script_hash = self.pages[url_path]
        except KeyError:
            raise ProtocolError(f"no page {url_path!r}; have {sorted(self.pages)}") from None
        return await self._run_with()

    async def submit_form(self, values: dict[str, str], submit_key: str) -> Run:
        """Fill a form's text fields and press its submit button: all go up together."""
        for key, value in values.items():
            w = self.widget(key)
            self._values[w.id] = WidgetState(id=w.id, string_value=value)
        return await self.click(submit_key)

    # --- the protocol ---------------------------------------------------------------------

    async def _send_rerun(self, *once: WidgetState, fragment_id: str = "",
                          auto: bool = False) -> None:
        if self._ws is None:
            raise ProtocolError("not connected")
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = ""
        state.page_script_hash = self.page_script_hash
        if fragment_id:
            state.fragment_id = fragment_id
            state.is_auto_rerun = auto
        on_page = {w.id for w in self.last.widgets.values()}
        for widget_id, value in self._values.items():
            if widget_id in on_page:
                state.widget_states.widgets.append(value)
        state.widget_states.widgets.extend(once)
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-US"
        state.context_info.url = self.http_url + "/"
        await self._ws.send(msg.SerializeToString())

    async def _run_with(self, *once: WidgetState) -> Run:
        """Send a rerun and wait for the full run that answers it to finish (a run that ends
        early for another rerun, as after `st.rerun()`, is followed to its successor)."""
        while not self._finished.empty():  # runs nobody asked for (none expected)
            self._finished.get_nowait()
        await self._send_rerun(*once)
        deadline = time.monotonic() + self.timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError(f"no finished run within {self.timeout_s} s")
            try:
                run = await asyncio.wait_for(self._finished.get(), left)
            except TimeoutError:
                raise ProtocolError(f"no finished run within {self.timeout_s} s "
                                    f"({self.closed_reason or 'connection open'})") from None
            if run.status == FINISHED.FINISHED_SUCCESSFULLY:
                return run
            if run.status == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                raise ProtocolError("the app failed to compile")

    async def _read(self) -> None:
        assert self._ws is not None
        try:
            async for data in self._ws:
                if isinstance(data, bytes):
                    msg = ForwardMsg()
                    msg.ParseFromString(data)
                    self._handle(msg)
        except Exception as exc:  # noqa: BLE001 - reported through closed_reason
            self.closed_reason = f"{type(exc).__name__}: {exc}"
        else:
            self.closed_reason = "closed by the server"

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":  # a full run starts; as the frontend does, fragment
            self._current = Run()  # timers start over when the run asks for them again
            for task in self._timers.values():
                task.cancel()
            self._timers.clear()
            if msg.new_session.page_script_hash:
                self.page_script_hash = msg.new_session.page_script_hash
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            if msg.navigation.page_script_hash:
                self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "delta":
            if msg.delta.fragment_id and msg.delta.fragment_id in self._timers:
                return  # the idle timer's own (invisible) output
            if msg.delta.WhichOneof("type") == "new_element":
                self._element(msg.delta.new_element)
            elif msg.delta.WhichOneof("type") == "add_block":
                self._block(msg.delta.add_block)
        elif kind == "script_finished":
            status = msg.script_finished
            if status == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                return
            run, self._current = self._current, Run()
            run.status = status
            run.finished_at = time.perf_counter()
            if status == FINISHED.FINISHED_SUCCESSFULLY:
                self.last = run
            self._finished.put_nowait(run)
        elif kind == "auto_rerun":
            self._auto_rerun(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun" and msg.stop_auto_rerun.fragment_id in self._timers:
            self._timers.pop(msg.stop_auto_rerun.fragment_id).cancel()
        elif kind == "ref_hash":  # never expected: this client declares no cached messages
            self._current.exceptions.append(f"unexpected cached-message reference {msg.ref_hash}")

    def _element(self, element: Any) -> None:
        which = element.WhichOneof("type")
        if which is None:
            return
        body = getattr(element, which)
        if which == "alert":
            self._current.alerts.append((ALERT_NAMES.get(body.format, "?"), body.body))
        elif which == "exception":
            self._current.exceptions.append(f"{body.type}: {body.message}"[:300])
        elif hasattr(body, "id") and isinstance(body.id, str):
            key = user_key(body.id)
            if key is not None:
                options = getattr(body, "options", ())
                self._current.widgets[key] = Widget(
                    body.id, which, getattr(body, "form_id", "") or "",
                    tuple(o if isinstance(o, str) else getattr(o, "label", str(o))
                          for o in options))

    def _block(self, block: Any) -> None:
        """A container; an expander that reports being opened (drawn lazily) is a widget."""
        if block.WhichOneof("type") == "expandable" and block.expandable.id:
            key = user_key(block.expandable.id)
            if key is not None:
                self._current.widgets[key] = Widget(block.expandable.id, "expander")

    def _auto_rerun(self, fragment_id: str, interval: float) -> None:
        if fragment_id in self._timers or interval <= 0:
            return

        async def tick() -> None:
            while True:
                await asyncio.sleep(interval)
                try:
                    await self._send_rerun(fragment_id=fragment_id, auto=True)
                except Exception:  # noqa: BLE001 - the session is closing
                    return

        self._timers[fragment_id] = asyncio.create_task(tick())
