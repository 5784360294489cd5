from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail

from stories.members import actions

LINK = re.compile(r"https?://\S+/invitations/(\S+)/")


def token_from_mail(message: Any) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def invite(team: Any, lead: Any) -> Any:
    """invite(email) sends an invitation from the lead and returns the token mailed with it."""

    def send(email: str = "new.colleague@example.com", role: str = "member") -> str:
        actions.invite(team, [email], role=role, by=lead)
        return token_from_mail(mail.outbox[-1])

    return send
