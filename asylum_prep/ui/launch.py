"""Starts Streamlit's server for `asylum-prep serve`, with nothing looked up outside the machine.

`python -m asylum_prep.ui.launch run asylum_prep/app.py --server.port ...` is `streamlit run`
with one difference. When a page of another web site opens a WebSocket to the app, Streamlit
checks the request's origin against "this machine's addresses", and finds them out on the
spot: a UDP socket towards 8.8.8.8 for the internal address, and an HTTP request to
checkip.amazonaws.com (a DNS lookup first) for the external one (streamlit/net_util.py, called
by `is_url_from_allowed_origins`). No setting turns that off: `browser.serverAddress` and a
non-wildcard `server.address` only spare the lookup Streamlit makes for its start-up banner.
A server that makes no call to any outside service must not do it, whoever asks. Here both
addresses are given in advance as the loopback address, before the server starts, so the
check compares names only (and a foreign origin is refused, as before: CORS protection stays
on). tests/e2e/test_no_outbound.py shows the lookups gone.

The other settings that keep the server to itself (no usage statistics, no development mode,
CORS and XSRF protection, the loopback address) are in .streamlit/config.toml and in the flags
`asylum-prep serve` passes.
"""

from __future__ import annotations

import sys

LOOPBACK = "127.0.0.1"


def no_address_lookups() -> None:
    """Answer Streamlit's two address questions before it asks the network."""
    from streamlit import net_util

    net_util._internal_ip = LOOPBACK  # noqa: SLF001 - the cache get_internal_ip reads first
    net_util._external_ip = LOOPBACK  # noqa: SLF001 - the cache get_external_ip reads first


def main() -> None:
    no_address_lookups()
    from streamlit.web.cli import main as streamlit_main

    sys.argv[0] = "streamlit"
    streamlit_main()


if __name__ == "__main__":
    main()
