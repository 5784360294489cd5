"""The first edition of the principle catalogue, in our own words.

Loaded by migration 0002; afterwards admins edit the catalogue in the database. Treat this
list as frozen: a change to the catalogue ships as a new data migration. The seed file each
principle comes from is noted so the catalogue can be traced back to the stories.
"""

CATALOGUE: list[dict[str, str]] = [
    {
        "slug": "empathy",
        "name": "Empathy",
        "summary": "Understand where the customer is coming from before acting.",
        "description": (
            "Before fixing, explaining or selling, take a moment to see the situation from the "
            "customer's side: what they came for, what went wrong for them, how they feel now. "
            "Action that follows understanding lands far better than action that skips it."
        ),
        "prompt": "Did someone stop to understand how the customer saw it?",
        "seeds": "000, 002",
    },
    {
        "slug": "golden-rule",
        "name": "The golden rule",
        "summary": "Treat customers as you would want to be treated; we are all customers sometimes.",
        "description": (
            "Every one of us is somebody's customer several times a day. The service we would want "
            "at a counter, on a phone line or in a chat window is the service we owe the person in "
            "front of us."
        ),
        "prompt": "Would we have been happy to receive this service ourselves?",
        "seeds": "000, 002",
    },
    {
        "slug": "ask-the-right-questions",
        "name": "Ask the right questions",
        "summary": "Find out what the customer really needs.",
        "description": (
            "The first request is often not the real need. A couple of good questions uncover what "
            "the customer is actually trying to do, and save both sides a second visit."
        ),
        "prompt": "Did we ask what the customer really needed, or assume it?",
        "seeds": "000",
    },
    {
        "slug": "make-it-right",
        "name": "Make it right",
        "summary": "When they did not get what they wanted, fix it.",
        "description": (
            "Mistakes happen; what the customer remembers is what happened next. Own the problem, "
            "fix it properly, and make sure the customer leaves with what they came for."
        ),
        "prompt": "When something went wrong, did someone own it and fix it?",
        "seeds": "000",
    },
    {
        "slug": "honesty",
        "name": "Honesty and transparency",
        "summary": "Say what is true, including bad news.",
        "description": (
            "Customers forgive bad news told early and plainly far more readily than good news that "
            "turns out to be false. Be straight about delays, limits and mistakes."
        ),
        "prompt": "Was the customer told the truth, even when it was unwelcome?",
        "seeds": "000",
    },
    {
        "slug": "a-little-bit-more",
        "name": "A little bit more",
        "summary": "Give slightly more than expected; go beyond.",
        "description": (
            "The small extra that nobody asked for (a follow-up call, a wrapped gift, staying ten "
            "minutes late) is what turns a transaction into a story the customer tells others."
        ),
        "prompt": "Did anyone give a little more than was expected?",
        "seeds": "000, 003",
    },
    {
        "slug": "pay-it-forward",
        "name": "Pay it forward",
        "summary": "Extend grace on a bad day, as others did for us.",
        "description": (
            "Someone once let us off when we were late, flustered or short. Passing that grace on to "
            "a customer having a bad day is how good service spreads."
        ),
        "prompt": "Did someone extend grace to a customer having a bad day?",
        "seeds": "001",
    },
    {
        "slug": "relationships-over-scripts",
        "name": "Relationships over scripts",
        "summary": "Real connection outlasts techniques.",
        "description": (
            "Scripts and techniques have their place, but customers return for people who know them "
            "and treat them as people. Invest in the relationship, not the routine."
        ),
        "prompt": "Was this a real human connection, or a script being read?",
        "seeds": "001",
    },
    {
        "slug": "always-the-customer",
        "name": "Always the customer",
        "summary": "Not always right, but always the customer; winning the argument loses the customer.",
        "description": (
            "A customer can be wrong on the facts and still deserve courtesy. Proving a point may "
            "feel good for a minute; it costs the relationship for good."
        ),
        "prompt": "Did we try to win an argument instead of keeping a customer?",
        "seeds": "002, 004",
    },
    {
        "slug": "read-the-cues",
        "name": "Read the cues",
        "summary": "Notice non-verbal signals and react to them.",
        "description": (
            "Tone, posture, a glance at the clock, a long pause on the phone: customers tell us a lot "
            "without words. Noticing it and adjusting is part of the job."
        ),
        "prompt": "Did anyone notice what the customer was not saying?",
        "seeds": "002",
    },
    {
        "slug": "premium-means-premium",
        "name": "Premium means premium",
        "summary": "A premium price sets a premium standard.",
        "description": (
            "When customers pay for the best, every detail is measured against that price. Service "
            "that would pass elsewhere falls short here."
        ),
        "prompt": "Did the service match the price the customer paid?",
        "seeds": "002",
    },
    {
        "slug": "end-well",
        "name": 'End well, even at "no"',
        "summary": "How they feel at the end is ours to shape.",
        "description": (
            "We cannot always say yes. We can always decide how the conversation ends: with respect, "
            "an alternative, and a door left open."
        ),
        "prompt": "However it turned out, did the customer leave feeling respected?",
        "seeds": "002",
    },
    {
        "slug": "check-our-bitterness",
        "name": "Check our own bitterness",
        "summary": "Growing resentment toward customers is ours to fix.",
        "description": (
            "Long shifts and difficult days can harden into resentment of customers in general. "
            "When we notice it, in ourselves or the team, it is ours to address, not theirs to suffer."
        ),
        "prompt": "Was resentment toward customers showing, in us or in them?",
        "seeds": "002",
    },
    {
        "slug": "celebrate-dont-tolerate",
        "name": "Celebrate, don't tolerate",
        "summary": "Make every customer feel warm, wanted and welcome.",
        "description": (
            "There is a difference between being served and being welcome. Customers feel at once "
            "whether they are a pleasure or an interruption."
        ),
        "prompt": "Did the customer feel welcome, or merely processed?",
        "seeds": "003",
    },
    {
        "slug": "deliver-whats-on-the-tin",
        "name": "Deliver what's on the tin",
        "summary": "Answer, reply, and do what was promised.",
        "description": (
            "Return the call, answer the e-mail, ship on the day we said. Most complaints start with "
            "a promise that quietly was not kept."
        ),
        "prompt": "Did we do what we said we would, when we said we would?",
        "seeds": "003",
    },
    {
        "slug": "care-for-the-carers",
        "name": "Care for the carers",
        "summary": "Staff treated well treat customers well.",
        "description": (
            "Service on the front line mirrors how the front line is treated. Support, thanks and "
            "cover for colleagues show up in how customers are served."
        ),
        "prompt": "Were the people serving the customer supported themselves?",
        "seeds": "003",
    },
    {
        "slug": "every-customer-counts",
        "name": "Every customer counts",
        "summary": "Customer #3,587 matters as much as the first.",
        "description": (
            "Routine dulls attention. The thousandth customer of the month came with the same hopes "
            "as the first and deserves the same care."
        ),
        "prompt": "Was this customer treated as if they were the first of the day?",
        "seeds": "004",
    },
    {
        "slug": "imperfect-people",
        "name": "Imperfect people",
        "summary": "Customers and staff are imperfect; don't sweat the small stuff.",
        "description": (
            "People forget, mishear and have off days, on both sides of the counter. Let small "
            "things go and save the energy for what matters."
        ),
        "prompt": "Did someone let a small imperfection go, or make it bigger?",
        "seeds": "004",
    },
]
