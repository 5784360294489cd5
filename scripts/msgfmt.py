"""Compile a gettext .po file into a .mo file, for machines without GNU gettext's msgfmt.

`make` uses msgfmt (which also checks the placeholders) when it is installed, and this
otherwise, so a newcomer needs nothing beyond Python. Fuzzy entries are left out, as msgfmt does.
Usage: python scripts/msgfmt.py INPUT.po OUTPUT.mo
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path


def parse(po_text: str) -> dict[bytes, bytes]:
    messages: dict[bytes, bytes] = {}
    entry: dict[str, list[str]] = {}
    section = ""
    fuzzy = False

    def flush() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = "".join(entry["msgid"])
            if "msgctxt" in entry:
                msgid = "".join(entry["msgctxt"]) + "\x04" + msgid
            if "msgid_plural" in entry:
                msgid += "\x00" + "".join(entry["msgid_plural"])
                forms = sorted(key for key in entry if key.startswith("msgstr["))
                msgstr = "\x00".join("".join(entry[key]) for key in forms)
            else:
                msgstr = "".join(entry.get("msgstr", []))
            if msgstr or not msgid:
                messages[msgid.encode()] = msgstr.encode()
        entry, fuzzy = {}, False

    for raw in po_text.splitlines():
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            if "msgid" in entry:
                flush()
            fuzzy = True
            continue
        if not line or line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in {"msgctxt", "msgid"} and (
            "msgstr" in entry or any(k.startswith("msgstr[") for k in entry)
        ):
            keep_fuzzy = fuzzy
            flush()
            fuzzy = keep_fuzzy
        if keyword in {"msgctxt", "msgid", "msgid_plural", "msgstr"} or keyword.startswith("msgstr["):
            section = keyword
            entry[section] = [ast.literal_eval(rest)]
        elif line.startswith('"'):
            entry[section].append(ast.literal_eval(line))
    flush()
    return messages


def build(messages: dict[bytes, bytes]) -> bytes:
    keys = sorted(messages)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\x00"
        strs += messages[key] + b"\x00"
    count = len(keys)
    key_start = 7 * 4 + 16 * count
    value_start = key_start + len(ids)
    key_table: list[int] = []
    value_table: list[int] = []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_table += [id_length, id_offset + key_start]
        value_table += [str_length, str_offset + value_start]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    return (
        header
        + struct.pack(f"{2 * count}i", *key_table)
        + struct.pack(f"{2 * count}i", *value_table)
        + ids
        + strs
    )


def main() -> None:
    source, target = sys.argv[1:3]
    Path(target).write_bytes(build(parse(Path(source).read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
