"""Placeholder created by the spine commit; the CLI helper replaces it."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    del sub
