"""What phone numbers need beyond their shape: the numbering plan, the words around them, extensions.

Google's libphonenumber (the `phonenumbers` package) knows every country's numbering plan, so
a number written the local way without a trunk 0 (Spain's 612 345 678, Singapore's 9123 4567,
India's 98765 43210, Italy's 333 123 4567) is recognised when the team's country says how
its customers write numbers, and not elsewhere, where such a run is more often an order number.

Numbers right after the name of a reference (order, receipt, tracking, IMEI, loyalty,
booking...) are references, unless a word about phones comes closer to the number.
"""

from __future__ import annotations

import re

import phonenumbers

# How far before a number its label is looked for.
CONTEXT_CHARACTERS = 32

_LABELS = re.compile(
    r"(?P<reference>order|ref|reference|receipt|invoice|tracking|track|parcel|shipment|consignment|"
    r"booking|reservation|confirmation|pnr|imei|serial|loyalty|clubcard|nectar|member|membership|"
    r"account|acct|ticket|case|claim|policy|voucher|coupon|gift card|sku|item|batch|lot|po|awb|"
    r"waybill|bestellung|rechnung|commande|facture|pedido|factura|ordine|fattura)\b"
    r"|(?P<phone>tel|tél|phone|phoned|telephone|call|called|calling|mobile|mob|cell|ring|rang|text|"
    r"texted|sms|whatsapp|fax|landline|dial|handy|telefon|téléphone|portable|teléfono|móvil|telefono|"
    r"cellulare|携帯|電話)",
    re.IGNORECASE,
)

# An extension written after a number: "ext. 204", "x 31", "extension 5", "poste 12", "Durchwahl 7".
EXTENSION = re.compile(
    r"[ \t\u00a0]{0,2}+,?[ \t\u00a0]{0,2}+(?:ext|extn|extension|x|poste|durchwahl|dw|interno|int|内線)"
    r"\.?[ \t\u00a0:#]{0,2}+[0-9]{1,6}(?![0-9\w])",
    re.IGNORECASE,
)


def labelled_as_reference(text: str, start: int) -> bool:
    """The nearest label before the number names a reference, not a phone."""
    window = text[max(0, start - CONTEXT_CHARACTERS) : start]
    if window.isascii() and not window.lower().islower():
        return False  # no letters, so no label: the common case in a list of numbers
    # rsplit's count only decides how many pieces come before the last: not mutated.
    window = window.rsplit("\n", 1)[-1]  # pragma: no mutate
    labels = [label.lastgroup for label in _LABELS.finditer(window)]
    return bool(labels) and labels[-1] == "reference"


def extension_end(text: str, end: int) -> int:
    """Where the number ends once its extension, if any, is included."""
    match = EXTENSION.match(text, end)
    return match.end() if match else end


def valid_in_country(number: str, country: str) -> bool:
    """The number, written the national way, is a valid number in the country's numbering plan."""
    try:
        parsed = phonenumbers.parse(number, country)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number_for_region(parsed, country)
