"""What the personal-data guard reports: the kind of data and its exact span."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PersonalDataKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    CARD = "card"
    IBAN = "iban"


@dataclass(frozen=True)
class Match:
    kind: PersonalDataKind
    start: int
    end: int
    text: str
