"""The principle catalogue in German and Spanish, and the group each principle belongs to.

Migration 0004 copies this into the database (Principle.translations and Principle.group);
from then on admins edit it there, like the English catalogue in stories/principles.py.
German addresses people formally (a workplace tool); Spanish uses the informal "tú".
"""

from __future__ import annotations

# slug -> language -> {"name", "summary", "prompt"}; a missing field falls back to English.
TRANSLATIONS: dict[str, dict[str, dict[str, str]]] = {
    "empathy": {
        "de": {
            "name": "Empathie",
            "summary": "Verstehen, wie der Kunde die Lage sieht, bevor wir handeln.",
            "prompt": "Hat jemand innegehalten, um zu verstehen, wie der Kunde es sah?",
        },
        "es": {
            "name": "Empatía",
            "summary": "Entiende el punto de vista del cliente antes de actuar.",
            "prompt": "¿Alguien se detuvo a entender cómo lo veía el cliente?",
        },
    },
    "golden-rule": {
        "de": {
            "name": "Die goldene Regel",
            "summary": "Kunden so behandeln, wie wir selbst behandelt werden möchten; wir alle sind manchmal Kunden.",
            "prompt": "Hätten wir diesen Service selbst gern erhalten?",
        },
        "es": {
            "name": "La regla de oro",
            "summary": "Trata a los clientes como te gustaría que te trataran; todos somos clientes alguna vez.",
            "prompt": "¿Nos habría gustado recibir este servicio a nosotros?",
        },
    },
    "ask-the-right-questions": {
        "de": {
            "name": "Die richtigen Fragen stellen",
            "summary": "Herausfinden, was der Kunde wirklich braucht.",
            "prompt": "Haben wir gefragt, was der Kunde wirklich brauchte, oder es nur angenommen?",
        },
        "es": {
            "name": "Hacer las preguntas adecuadas",
            "summary": "Averigua qué necesita de verdad el cliente.",
            "prompt": "¿Preguntamos qué necesitaba de verdad el cliente o lo dimos por hecho?",
        },
    },
    "make-it-right": {
        "de": {
            "name": "In Ordnung bringen",
            "summary": "Wenn der Kunde nicht bekommen hat, was er wollte: es richten.",
            "prompt": "Als etwas schiefging, hat jemand die Verantwortung übernommen und es behoben?",
        },
        "es": {
            "name": "Arreglarlo",
            "summary": "Si no obtuvo lo que quería, arréglalo.",
            "prompt": "Cuando algo salió mal, ¿alguien se hizo cargo y lo arregló?",
        },
    },
    "honesty": {
        "de": {
            "name": "Ehrlichkeit und Offenheit",
            "summary": "Sagen, was wahr ist, auch schlechte Nachrichten.",
            "prompt": "Hat der Kunde die Wahrheit erfahren, auch wenn sie unwillkommen war?",
        },
        "es": {
            "name": "Honestidad y transparencia",
            "summary": "Di la verdad, también cuando son malas noticias.",
            "prompt": "¿Se le dijo la verdad al cliente, aunque no fuera agradable?",
        },
    },
    "a-little-bit-more": {
        "de": {
            "name": "Ein kleines bisschen mehr",
            "summary": "Etwas mehr geben als erwartet; über das Übliche hinausgehen.",
            "prompt": "Hat jemand etwas mehr gegeben, als erwartet wurde?",
        },
        "es": {
            "name": "Un poquito más",
            "summary": "Da algo más de lo esperado; ve más allá.",
            "prompt": "¿Alguien dio un poco más de lo que se esperaba?",
        },
    },
    "pay-it-forward": {
        "de": {
            "name": "Güte weitergeben",
            "summary": "An einem schlechten Tag Nachsicht zeigen, so wie andere sie uns gezeigt haben.",
            "prompt": "Hat jemand einem Kunden an einem schlechten Tag Nachsicht gezeigt?",
        },
        "es": {
            "name": "Cadena de favores",
            "summary": "Ten paciencia con quien tiene un mal día, como otros la tuvieron contigo.",
            "prompt": "¿Alguien tuvo paciencia con un cliente que tenía un mal día?",
        },
    },
    "relationships-over-scripts": {
        "de": {
            "name": "Beziehung statt Skript",
            "summary": "Echte Verbindung hält länger als jede Technik.",
            "prompt": "War das eine echte menschliche Begegnung oder ein abgelesenes Skript?",
        },
        "es": {
            "name": "Relaciones, no guiones",
            "summary": "Una conexión real dura más que cualquier técnica.",
            "prompt": "¿Fue una conexión humana de verdad o la lectura de un guion?",
        },
    },
    "always-the-customer": {
        "de": {
            "name": "Immer der Kunde",
            "summary": "Nicht immer im Recht, aber immer der Kunde; wer den Streit gewinnt, verliert den Kunden.",
            "prompt": "Haben wir versucht, einen Streit zu gewinnen, statt einen Kunden zu halten?",
        },
        "es": {
            "name": "Siempre es el cliente",
            "summary": "No siempre tiene razón, pero siempre es el cliente; quien gana la discusión pierde al cliente.",
            "prompt": "¿Intentamos ganar una discusión en vez de conservar a un cliente?",
        },
    },
    "read-the-cues": {
        "de": {
            "name": "Signale lesen",
            "summary": "Nonverbale Signale bemerken und darauf eingehen.",
            "prompt": "Hat jemand bemerkt, was der Kunde nicht ausgesprochen hat?",
        },
        "es": {
            "name": "Leer las señales",
            "summary": "Fíjate en las señales no verbales y reacciona a ellas.",
            "prompt": "¿Alguien notó lo que el cliente no decía?",
        },
    },
    "premium-means-premium": {
        "de": {
            "name": "Premium heißt Premium",
            "summary": "Ein Premiumpreis setzt einen Premiumstandard.",
            "prompt": "Passte der Service zu dem Preis, den der Kunde bezahlt hat?",
        },
        "es": {
            "name": "Prémium es prémium",
            "summary": "Un precio prémium exige un servicio prémium.",
            "prompt": "¿Estuvo el servicio a la altura del precio que pagó el cliente?",
        },
    },
    "end-well": {
        "de": {
            "name": "Gut enden, auch beim „Nein“",
            "summary": "Wie sich der Kunde am Ende fühlt, liegt in unserer Hand.",
            "prompt": "Wie auch immer es ausging: Ist der Kunde mit dem Gefühl gegangen, respektiert zu werden?",
        },
        "es": {
            "name": "Terminar bien, incluso con un «no»",
            "summary": "Cómo se siente al final depende de nosotros.",
            "prompt": "Saliera como saliera, ¿se fue el cliente sintiéndose respetado?",
        },
    },
    "check-our-bitterness": {
        "de": {
            "name": "Die eigene Verbitterung prüfen",
            "summary": "Wachsender Groll gegen Kunden ist unser Problem, und wir lösen es.",
            "prompt": "War Groll gegenüber Kunden zu spüren, bei uns oder bei ihnen?",
        },
        "es": {
            "name": "Vigilar nuestra amargura",
            "summary": "El resentimiento creciente hacia los clientes nos toca resolverlo a nosotros.",
            "prompt": "¿Se notaba resentimiento hacia los clientes, en nosotros o en ellos?",
        },
    },
    "celebrate-dont-tolerate": {
        "de": {
            "name": "Willkommen heißen statt dulden",
            "summary": "Jedem Kunden das Gefühl geben, herzlich willkommen und gern gesehen zu sein.",
            "prompt": "Hat sich der Kunde willkommen gefühlt oder nur abgefertigt?",
        },
        "es": {
            "name": "Celebrar, no tolerar",
            "summary": "Haz que cada cliente se sienta acogido, querido y bienvenido.",
            "prompt": "¿Se sintió el cliente bienvenido o solo despachado?",
        },
    },
    "deliver-whats-on-the-tin": {
        "de": {
            "name": "Halten, was draufsteht",
            "summary": "Antworten, zurückmelden und tun, was versprochen wurde.",
            "prompt": "Haben wir getan, was wir zugesagt hatten, und zwar zur zugesagten Zeit?",
        },
        "es": {
            "name": "Cumplir lo prometido",
            "summary": "Contesta, responde y haz lo que prometiste.",
            "prompt": "¿Hicimos lo que dijimos, cuando dijimos?",
        },
    },
    "care-for-the-carers": {
        "de": {
            "name": "Für die sorgen, die sich kümmern",
            "summary": "Wer gut behandelt wird, behandelt Kunden gut.",
            "prompt": "Wurden die Menschen, die den Kunden bedient haben, selbst unterstützt?",
        },
        "es": {
            "name": "Cuidar a quien cuida",
            "summary": "El personal bien tratado trata bien a los clientes.",
            "prompt": "¿Tuvieron apoyo las personas que atendieron al cliente?",
        },
    },
    "every-customer-counts": {
        "de": {
            "name": "Jeder Kunde zählt",
            "summary": "Kunde Nr. 3.587 ist so wichtig wie der erste.",
            "prompt": "Wurde dieser Kunde behandelt, als wäre er der erste des Tages?",
        },
        "es": {
            "name": "Cada cliente cuenta",
            "summary": "El cliente n.º 3587 importa tanto como el primero.",
            "prompt": "¿Se trató a este cliente como si fuera el primero del día?",
        },
    },
    "imperfect-people": {
        "de": {
            "name": "Menschen sind nicht perfekt",
            "summary": "Kunden und Mitarbeitende sind nicht perfekt; Kleinigkeiten nicht aufbauschen.",
            "prompt": "Hat jemand eine kleine Unvollkommenheit durchgehen lassen oder sie größer gemacht?",
        },
        "es": {
            "name": "Personas imperfectas",
            "summary": "Clientes y personal somos imperfectos; no te agobies por pequeñeces.",
            "prompt": "¿Alguien dejó pasar una pequeña imperfección o la hizo más grande?",
        },
    },
}

# The story form shows the catalogue in these groups, so eighteen chips read as four short lists.
GROUPS: dict[str, str] = {
    "empathy": "understand",
    "ask-the-right-questions": "understand",
    "read-the-cues": "understand",
    "golden-rule": "understand",
    "honesty": "keep-our-word",
    "deliver-whats-on-the-tin": "keep-our-word",
    "make-it-right": "keep-our-word",
    "end-well": "keep-our-word",
    "premium-means-premium": "keep-our-word",
    "a-little-bit-more": "go-beyond",
    "pay-it-forward": "go-beyond",
    "celebrate-dont-tolerate": "go-beyond",
    "every-customer-counts": "go-beyond",
    "relationships-over-scripts": "go-beyond",
    "always-the-customer": "keep-perspective",
    "check-our-bitterness": "keep-perspective",
    "care-for-the-carers": "keep-perspective",
    "imperfect-people": "keep-perspective",
}
