"""`streamlit run` with one probe for the load benchmark: the moment each widget change
(a `rerun_script` message) reaches the server, with the signed-in user's name, appended to the
file named by ASYLUM_PREP_LOAD_TRACE as "<unix time> <user name>" lines.

With the `case_save` audit timestamps this gives the server's own share of edit->saved
(arrival -> save written), apart from the browser's. Usage, as `streamlit run`:
    python benchmarks/load_server.py asylum_prep/app.py --server.port ... (same options)
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import Any

from streamlit.runtime.app_session import AppSession

ACTOR_KEY = "ap_actor"  # asylum_prep.ui.state.ACTOR
_lock = threading.Lock()
_trace = open(os.environ["ASYLUM_PREP_LOAD_TRACE"], "a", buffering=1)  # noqa: SIM115 - for the process's life
_original = AppSession.handle_backmsg


def _handle_backmsg(self: AppSession, msg: Any) -> None:
    if msg.WhichOneof("type") == "rerun_script":
        arrived = time.time()
        try:
            actor = self.session_state[ACTOR_KEY]
            name = getattr(actor, "username", "-")
        except (KeyError, AttributeError):
            name = "-"
        with _lock:
            _trace.write(f"{arrived:.6f} {name}\n")
    _original(self, msg)


AppSession.handle_backmsg = _handle_backmsg  # type: ignore[method-assign]

if __name__ == "__main__":
    from streamlit.web.cli import main

    sys.argv = ["streamlit", "run", *sys.argv[1:]]
    main()
