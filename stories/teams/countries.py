"""Countries a team can be in, and the country a time zone belongs to.

The team's country tells the personal-data guard how local phone numbers are written. The
list is libphonenumber's (every region it has a numbering plan for), named in English by its
own data; the time zone's country comes from the IANA zone table shipped with the system's
time zone database.
"""

from __future__ import annotations

import functools
import zoneinfo
from pathlib import Path

import phonenumbers
from phonenumbers.geodata.locale import LOCALE_DATA


@functools.cache
def country_choices() -> list[tuple[str, str]]:
    names = {code: _english_name(code) for code in phonenumbers.SUPPORTED_REGIONS}
    return sorted(names.items(), key=lambda item: item[1])


def _english_name(code: str) -> str:
    names = LOCALE_DATA.get(code, {})
    name = names.get("en", "")
    # The data shares names between languages: "*aa" means "as in aa".
    while name.startswith("*"):
        name = names.get(name[1:], "")
    return name or code


@functools.cache
def _zone_countries() -> dict[str, str]:
    """{"Europe/London": "GB", ...} from zone.tab; empty where the system has none."""
    for directory in zoneinfo.TZPATH:
        table = Path(directory) / "zone.tab"
        if table.is_file():
            rows = (line.split("\t") for line in table.read_text().splitlines() if not line.startswith("#"))
            return {row[2]: row[0] for row in rows if len(row) >= 3}
    return {}


def country_for_time_zone(time_zone: str) -> str:
    """The country whose zone this is ("" for UTC and other zones of no country)."""
    country = _zone_countries().get(time_zone, "")
    return country if country in phonenumbers.SUPPORTED_REGIONS else ""
