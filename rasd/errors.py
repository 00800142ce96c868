"""Errors a user can act on: each carries one clear line for stderr."""

from __future__ import annotations


class RasdError(Exception):
    """Base error; ``str(error)`` is the one line shown to the user."""

    exit_code = 1


class InputError(RasdError):
    """The input cannot be read: wrong encoding, binary, empty, too large, not Arabic."""

    exit_code = 2


class StoreError(RasdError):
    """The database cannot be opened or written."""

    exit_code = 3
