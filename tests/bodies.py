"""A response's text, whether it was rendered whole or streamed (the CSV export streams), and
the CSRF tokens its forms carry."""

import re
from typing import Any

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def text_of(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()
