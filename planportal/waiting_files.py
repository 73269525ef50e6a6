"""A file uploaded for an import, kept in the reader's session from the preview to the
confirmation, so that what is imported is exactly what the coordinator saw.

Each kept file has a one-time token; the confirmation must bring it. A new preview replaces the
file waiting, so an old tab's confirmation finds no file rather than the wrong one. The
session lives in the database, and a file is at most ``spreadsheets.MAX_UPLOAD_BYTES``.
"""

import base64
import secrets
from dataclasses import dataclass


@dataclass(frozen=True)
class WaitingFile:
    token: str
    municipality_id: int
    name: str
    content: bytes


def keep(session, key, *, municipality_id, name, content):
    """Keep ``content`` under ``key`` in ``session``; returns the token that confirms it."""
    token = secrets.token_urlsafe(24)
    session[key] = {
        "token": token,
        "municipality": municipality_id,
        "name": name,
        "content": base64.b64encode(content).decode("ascii"),
    }
    return token


def waiting(session, key, token):
    """The file kept under ``key`` if ``token`` is its token, else None."""
    kept = session.get(key)
    if not kept or not token:
        return None
    # As bytes: compare_digest refuses text with other than ASCII letters in it.
    if not secrets.compare_digest(kept["token"].encode(), token.encode()):
        return None
    return WaitingFile(
        kept["token"], kept["municipality"], kept["name"], base64.b64decode(kept["content"])
    )


def forget(session, key):
    session.pop(key, None)
