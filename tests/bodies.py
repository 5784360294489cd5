"""A response's text, whether it was rendered whole or streamed (the CSV export streams)."""

from typing import Any


def text_of(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()
