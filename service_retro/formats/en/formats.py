"""English dates as an international team reads them: "1 Dec 2026", never "Dec. 1, 2026".

Templates ask for a named format (`|date:"SHORT_DATE_FORMAT"`), never a pattern, so each
language writes its dates its own way; formats not named here are Django's own.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j M"
