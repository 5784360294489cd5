"""German and Spanish are complete: every string we mark for translation has a translation.

IF THIS FAILS after you added or changed a user-facing string:
  1. `make messages`  (collects every string into locale/de|es/LC_MESSAGES/django.po)
  2. translate the new entries (empty msgstr) and the ones marked `#, fuzzy` in both files
     (German: formal "Sie"; Spanish: "tú"), removing the `#, fuzzy` line once checked;
  3. commit the two .po files. `make` compiles the .mo files (never committed).
"""

from __future__ import annotations

import ast
import gettext
import io
import re
import tokenize
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

LANGUAGES = ("de", "es")
TEMPLATES = Path(settings.BASE_DIR) / "templates"
SOURCES = Path(settings.BASE_DIR) / "stories"
HOW_TO_FIX = (
    "Run `make messages`, translate the entries in both .po files, commit them (see this file's docstring)."
)
CALL = re.compile(r"\b(gettext|ngettext|pgettext|npgettext|gettext_lazy|ngettext_lazy|pgettext_lazy|_)\(")
PYTHON_CALLS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy"}


def _key(function: str, strings: list[str]) -> str | tuple[str, int]:
    """The key the compiled catalogue files a message under."""
    if function.startswith("np"):
        return (f"{strings[0]}\x04{strings[1]}", 0)
    if function.startswith("p"):
        return f"{strings[0]}\x04{strings[1]}"
    if function.startswith("n"):
        return (strings[0], 0)
    return strings[0]


def _strings_after(text: str, start: int) -> list[str]:
    """The string literals of a call whose arguments begin at `start`, up to its closing bracket."""
    found: list[str] = []
    depth = 1
    for token in tokenize.generate_tokens(io.StringIO(text[start:]).readline):
        if token.type == tokenize.STRING:
            found.append(ast.literal_eval(token.string))
        elif token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
            if depth == 0:
                return found
    return found


def template_messages() -> dict[str | tuple[str, int], str]:
    """Every message our templates mark for translation, with the template it comes from."""
    messages: dict[str | tuple[str, int], str] = {}
    for path in sorted(TEMPLATES.rglob("*")):
        if not path.is_file():
            continue
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        for match in CALL.finditer(code):
            strings = _strings_after(code, match.end())
            if strings:
                messages.setdefault(_key(match.group(1), strings), str(path.relative_to(TEMPLATES)))
    return messages


def python_messages() -> dict[str | tuple[str, int], str]:
    """Every literal message our Python code marks for translation (migrations aside)."""
    messages: dict[str | tuple[str, int], str] = {}
    for path in sorted(SOURCES.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            strings = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
            if name in PYTHON_CALLS and strings and all(isinstance(s, str) for s in strings):
                function = "gettext" if name == "_" else name
                messages.setdefault(_key(function, strings), str(path.relative_to(SOURCES.parent)))
    return messages


def catalogue(language: str) -> dict[object, str]:
    mo = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.mo"
    if not mo.exists():
        pytest.fail(f"{mo} is missing: `make compilemessages` (or `make test`) builds it from the .po file.")
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_translates_every_string_of_our_templates(language: str) -> None:
    translated = catalogue(language)
    missing = [f"{where}: {key!r}" for key, where in template_messages().items() if not translated.get(key)]
    assert not missing, (
        f"{len(missing)} template strings have no {language} translation. {HOW_TO_FIX}\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_translates_every_string_of_our_python_code(language: str) -> None:
    translated = catalogue(language)
    missing = [f"{where}: {key!r}" for key, where in python_messages().items() if not translated.get(key)]
    assert not missing, (
        f"{len(missing)} strings in the code have no {language} translation. {HOW_TO_FIX}\n"
        + "\n".join(missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_leaves_nothing_fuzzy_or_empty_in_the_po_file(language: str) -> None:
    po = (Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po").read_text(
        encoding="utf-8"
    )
    entries = po.split("\n\n")[1:]  # the first entry is the header
    fuzzy = [entry for entry in entries if "#, fuzzy" in entry]
    empty = [entry for entry in entries if re.search(r'^msgstr(\[\d\])? ""\n?(?!")', entry + "\n", re.M)]
    assert not fuzzy, f"{len(fuzzy)} fuzzy entries in {language}. {HOW_TO_FIX}\n" + "\n\n".join(fuzzy[:20])
    assert not empty, f"{len(empty)} untranslated entries in {language}. {HOW_TO_FIX}\n" + "\n\n".join(
        empty[:20]
    )
