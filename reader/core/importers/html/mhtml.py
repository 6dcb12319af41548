"""MHTML (`.mhtml`, `.mht`): a page saved by a browser as one MIME message with its images and frames.

Chrome, Edge and Opera write `multipart/related` with the page as the first `text/html` part
(quoted-printable, its charset in the part's header, the URL it came from in `Content-Location`); the
other parts are images, style sheets and frames. The standard library's email parser reads it; the first
HTML part is the page, and its charset is trusted before the page's own `<meta charset>`. A charset name
Python does not know is ignored (the page's bytes are decoded as any other page's).
"""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass
from email.message import EmailMessage, Message

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.html.charset import python_codec


@dataclass(frozen=True, slots=True)
class HtmlPart:
    """The page inside an MHTML file: its bytes, its declared charset and the URL it was saved from."""

    data: bytes
    charset: str | None
    location: str


def html_part(data: bytes, where: str | None) -> HtmlPart:
    """The first text/html part of the MHTML `data` (raises HawamishError MALFORMED "no HTML part")."""
    if not data.strip():
        raise HawamishError(ErrorCode.EMPTY, where)
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        snapshot = str(message.get("Snapshot-Content-Location", "") or "")
        if message.get("Content-Type") is None and data.lstrip()[:1] == b"<":
            return HtmlPart(data, None, "")  # a plain HTML file named .mht
        for part in message.walk():
            if part.get_content_type() != "text/html" or part.is_multipart():
                continue
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes) or not payload.strip():
                continue
            location = str(part.get("Content-Location", "") or "") or snapshot
            return HtmlPart(payload, _charset(part), location.strip())
    except HawamishError:
        raise
    except Exception as exc:  # the email package's own errors on a broken message
        raise HawamishError(ErrorCode.MALFORMED, where, f"MHTML: {type(exc).__name__}: {exc}") from None
    raise HawamishError(ErrorCode.MALFORMED, where, "no HTML part")


def _charset(part: EmailMessage | Message) -> str | None:
    """The part's charset when Python knows it, else None (the page's own declaration or a guess decides)."""
    label = part.get_param("charset")
    return label if isinstance(label, str) and python_codec(label) else None
