"""The demo organisation as data: its teams, its people and the service stories they tell.

`manage.py seed_demo` turns this into rows. The stories retell situations from the seed texts
(../shared/seeds) and plausible others, in our own words: tests/test_seed_demo.py fails if any
twelve-word run of a seed turns up in a story.

Three kinds of story live here:
- TEMPLATES are spread over the last twelve months by the command, as many a month as the
  team's SpreadSpec asks. Templates meant for every team use the team's vocabulary
  ({customer}, {where}, ...) so one situation reads naturally at a hotel reception, on a support
  line and in a shop. A template recurs across months (the same kind of thing happens again)
  but never twice in one month; one with a client nickname or a "went beyond" is told once.
- PLACED stories have a fixed age and author: karma chains, the karma watchlist and the
  moderation queue need their stories exactly where the demo expects them.
- CHAINS link placed stories as originals and sequels.
Dates are written as "days ago" or "day N of the month M months ago", so the demo always ends today.

Each month of a busy team leans on a few theme principles, each told by several people: that
is what a real month looks like, and it lets the retro show figures above its privacy floor
while rarer tags still fold into "other".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from stories.models import Channel, Kind, ModerationMode, Perspective, Role, SequelOutcome, Status, Verdict

# The demo accounts' shared password: public by design, which is why seed_demo needs DEBUG.
PASSWORD = "service-retro"  # noqa: S105
# Fixed so that two runs on the same day spread the stories identically.
RANDOM_SEED = 3587

FRONT_DESK = "front-desk"
SUPPORT_LINE = "support-line"
SHOP_FLOOR = "shop-floor"
ALL_TEAMS = (FRONT_DESK, SUPPORT_LINE, SHOP_FLOOR)

H = Verdict.HONOURED
B = Verdict.BROKEN
GOOD = Kind.GOOD
BAD = Kind.BAD
GAVE = Perspective.GAVE
RECEIVED = Perspective.RECEIVED

# Share of spread stories told anonymously: owning up to bad service we gave is the case
# where people most want to keep their name off it.
ANONYMOUS_SHARE_BAD_GIVEN = 0.25
ANONYMOUS_SHARE_OTHER = 0.06


@dataclass(frozen=True)
class SpreadSpec:
    """How many spread stories a team tells a month, and what each month leans on."""

    # Published stories in a complete month (placed ones included), drawn between these bounds.
    per_month: tuple[int, int]
    # Added to the last two complete months, the retros the demo opens.
    recent_bonus: int = 0
    # Theme (principle, verdict) pairs a month: this many honoured and this many broken.
    honoured_themes: int = 0
    broken_themes: int = 0
    # Channels every complete month hears about from THEME_AUTHORS people or more.
    broad_channels: tuple[str, ...] = ()
    # Some months one colleague is away and writes nothing: teams are not clockwork.
    someone_away: bool = False


@dataclass(frozen=True)
class TeamSpec:
    slug: str
    name: str
    time_zone: str
    moderation_mode: str
    description: str
    usual_channel: str
    vocabulary: Mapping[str, str]
    spread: SpreadSpec
    # A recurring situation is told again on another occasion: its title then names the
    # occasion, so no two stories anywhere share a title. Each team's occasions are its own.
    occasions: tuple[str, ...] = ()


@dataclass(frozen=True)
class UserSpec:
    username: str
    first_name: str
    last_name: str
    role: str
    teams: tuple[tuple[str, str], ...] = ()
    superuser: bool = False
    moderator: bool = False
    # How often this person logs a story, relative to colleagues in the same team.
    writes: int = 0


@dataclass(frozen=True)
class StoryTemplate:
    title: str
    what_happened: str
    lesson: str
    kind: str
    perspective: str
    tags: tuple[tuple[str, str], ...]
    # None: the team's usual channel (templates for every team are written to fit it).
    channel: str | None = None
    teams: tuple[str, ...] = ALL_TEAMS
    went_beyond: bool = False
    cost_note: str = ""
    client_nickname: str = ""


@dataclass(frozen=True)
class PlacedStory:
    key: str
    team: str
    author: str
    story: StoryTemplate
    # Either days before the team's today, or day_of_month of the month months_ago back
    # (for stories that must land in a given retro month whatever today is).
    days_ago: int = 0
    months_ago: int | None = None
    day_of_month: int = 1
    status: str = Status.PUBLISHED
    anonymous: bool = False
    held_for_personal_data: bool = False
    rejection_reason: str = ""
    # The author marked "nothing came of it" this many days after logging the story.
    karma_closed_after_days: int | None = None


@dataclass(frozen=True)
class ChainSpec:
    original: str
    sequels: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ActionSpec:
    text: str
    owner: str
    due_days_after_month: int
    done: bool


@dataclass(frozen=True)
class RetroSpec:
    team: str
    months_ago: int
    notes: str
    actions: tuple[ActionSpec, ...]
    # (voter, number of highlight votes they cast)
    votes: tuple[tuple[str, int], ...]


# --- teams and people -------------------------------------------------------------------

TEAMS: tuple[TeamSpec, ...] = (
    TeamSpec(
        slug=FRONT_DESK,
        name="Front Desk",
        time_zone="Europe/London",
        # Pre-moderation, so the demo moderation queue has work for the lead.
        moderation_mode=ModerationMode.PRE,
        description="The reception of a city hotel",
        usual_channel=Channel.IN_PERSON,
        vocabulary={
            "customer": "guest",
            "customers": "guests",
            "Customer": "Guest",
            "Customers": "Guests",
            "team_role": "receptionist",
            "where": "at the desk",
            "order": "booking",
            "came_back": "came back to the desk",
            "manager": "duty manager",
            "rush": "the Friday check-in rush",
            "promise": "the sea-view room booked for a guest's parents",
            "premium": "our best suite",
        },
        spread=SpreadSpec(
            per_month=(18, 21),
            recent_bonus=2,
            honoured_themes=5,
            broken_themes=1,
            broad_channels=(Channel.IN_PERSON, Channel.PHONE, Channel.EMAIL),
            someone_away=True,
        ),
        occasions=(
            "conference week",
            "a wedding weekend",
            "on the night shift",
            "at breakfast check-out",
            "the marathon weekend",
            "the fire-drill morning",
            "with a school group in",
            "a wet Sunday",
            "trade-fair week",
            "the late-arrivals shift",
            "with the rugby fans in",
            "a fully booked Saturday",
            "with the lift out of order",
            "the night the heating failed",
            "the coach party",
            "the early shift",
            "during the refurbishment",
            "the jazz-festival weekend",
        ),
    ),
    TeamSpec(
        slug=SUPPORT_LINE,
        name="Support Line",
        time_zone="America/New_York",
        moderation_mode=ModerationMode.POST,
        description="A phone and chat support desk for a broadband and payments provider",
        usual_channel=Channel.PHONE,
        vocabulary={
            "customer": "caller",
            "customers": "callers",
            "Customer": "Caller",
            "Customers": "Callers",
            "team_role": "agent",
            "where": "on the phones",
            "order": "order",
            "came_back": "rang back",
            "manager": "team lead",
            "rush": "the Monday-morning call peak",
            "promise": "the repair visit promised to a caller for Friday",
            "premium": "the premium support plan",
        },
        spread=SpreadSpec(per_month=(6, 8), recent_bonus=1),
        occasions=(
            "the outage Monday",
            "billing-run day",
            "the router recall",
            "a late chat shift",
            "after the price-change letters",
            "storm week",
            "the new-app launch",
            "a quiet Sunday",
            "the end-of-quarter rush",
            "the card-payment glitch",
            "the fibre roll-out",
            "the first day of the new rota",
            "the password-reset wave",
            "the evening shift",
            "a Friday-afternoon queue",
            "the modem-swap week",
        ),
    ),
    TeamSpec(
        slug=SHOP_FLOOR,
        name="Shop Floor",
        time_zone="Australia/Sydney",
        moderation_mode=ModerationMode.POST,
        description="A department store on a busy high street",
        usual_channel=Channel.IN_PERSON,
        vocabulary={
            "customer": "customer",
            "customers": "customers",
            "Customer": "Customer",
            "Customers": "Customers",
            "team_role": "sales assistant",
            "where": "at the till",
            "order": "order",
            "came_back": "came back to the till",
            "manager": "store manager",
            "rush": "the Saturday rush",
            "promise": "the sofa a customer had ordered for her new flat",
            "premium": "our premium range",
        },
        spread=SpreadSpec(per_month=(6, 8), recent_bonus=1),
        occasions=(
            "stocktake week",
            "a rainy Saturday",
            "the summer clearance",
            "late-night Thursday",
            "the new-season launch",
            "a quiet Tuesday morning",
            "the click-and-collect rush",
            "the school holidays",
            "the mid-season sale",
            "the day the card machines failed",
            "the refit week",
            "the first hot day",
            "the store's anniversary sale",
            "a short-staffed Sunday",
            "the pop-up stand",
            "the loyalty-card launch",
        ),
    ),
)

USERS: tuple[UserSpec, ...] = (
    UserSpec("admin", "Alex", "Morgan", "superuser (Django admin)", superuser=True),
    UserSpec("lead", "Leila", "Haddad", "lead of Front Desk", teams=((FRONT_DESK, Role.LEAD),), writes=2),
    UserSpec("member", "Mia", "Turner", "member of Front Desk", teams=((FRONT_DESK, Role.MEMBER),), writes=4),
    UserSpec(
        "outsider",
        "Oscar",
        "Brennan",
        "member of Shop Floor only",
        teams=((SHOP_FLOOR, Role.MEMBER),),
        writes=3,
    ),
    UserSpec(
        "moderator",
        "Maria",
        "Santos",
        "moderator of every team (and a member of Support Line)",
        teams=((SUPPORT_LINE, Role.MEMBER),),
        moderator=True,
        writes=1,
    ),
    UserSpec("nora", "Nora", "Kelly", "member of Front Desk", teams=((FRONT_DESK, Role.MEMBER),), writes=3),
    UserSpec(
        "priya",
        "Priya",
        "Nair",
        "member of Front Desk and Support Line",
        teams=((FRONT_DESK, Role.MEMBER), (SUPPORT_LINE, Role.MEMBER)),
        writes=2,
    ),
    UserSpec("sam", "Samir", "Khan", "lead of Support Line", teams=((SUPPORT_LINE, Role.LEAD),), writes=2),
    UserSpec(
        "tom", "Tom", "Okafor", "member of Support Line", teams=((SUPPORT_LINE, Role.MEMBER),), writes=3
    ),
    UserSpec("grace", "Grace", "Liu", "lead of Shop Floor", teams=((SHOP_FLOOR, Role.LEAD),), writes=2),
    UserSpec("jack", "Jack", "Wilson", "member of Shop Floor", teams=((SHOP_FLOOR, Role.MEMBER),), writes=3),
    # The rest of the reception: a hotel desk runs on more people than its lead and two names.
    UserSpec("ewan", "Ewan", "Fraser", "member of Front Desk", teams=((FRONT_DESK, Role.MEMBER),), writes=3),
    UserSpec(
        "hana", "Hana", "Kowalski", "member of Front Desk", teams=((FRONT_DESK, Role.MEMBER),), writes=2
    ),
    UserSpec(
        "luca",
        "Luca",
        "Romano",
        "member of Front Desk (night porter)",
        teams=((FRONT_DESK, Role.MEMBER),),
        writes=2,
    ),
    UserSpec("zara", "Zara", "Ahmed", "member of Front Desk", teams=((FRONT_DESK, Role.MEMBER),), writes=3),
)

MONTHS = 12
# The current month is only partly lived: never fewer than this many stories in it yet.
MIN_STORIES_THIS_MONTH = 4
# A theme is told by this many different people a month (drawn in this range): at least the
# retro's privacy floor of three, so the theme's cell shows instead of folding into "other".
THEME_AUTHORS = (3, 4)
# A (principle, verdict) pair needs this many templates to carry a month's theme without
# repeating a title.
THEME_MIN_TEMPLATES = 4


# --- templates for every team -----------------------------------------------------------

EVERY_TEAM: tuple[StoryTemplate, ...] = (
    StoryTemplate(
        title="The {customer} who argued about a refund",
        what_happened=(
            "A {customer} spent a good ten minutes insisting a refund was owed, although our terms "
            "said otherwise. Instead of reading the policy out a third time, the {team_role} let them "
            "finish, agreed where they had a fair point and offered the credit we could give. "
            "They went away calm and thanked us for listening."
        ),
        lesson="We could have won the argument and lost the {customer}; letting the point go cost us almost nothing.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("always-the-customer", H), ("end-well", H), ("empathy", H)),
    ),
    StoryTemplate(
        title="Treated like the first {customer} of the day",
        what_happened=(
            "Right at the end of {rush}, after well over a hundred people, a {customer} had a small "
            "question that could easily have got a tired one-word answer. The {team_role} gave them "
            "the same warmth and full attention the first {customer} of the morning had had. "
            "They told us it was the friendliest welcome they'd had all week."
        ),
        lesson="Number three thousand and something hopes for the same care as number one, and can tell when it is missing.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("every-customer-counts", H), ("celebrate-dont-tolerate", H)),
    ),
    StoryTemplate(
        title="Bad news, told early",
        what_happened=(
            "On a Monday morning we learnt that we could not keep our word on {promise}. Rather than "
            "wait to see whether anyone noticed, we got in touch straight away, said plainly what had "
            "gone wrong and offered two alternatives. The {customer} picked one and said they were glad "
            "to hear it from us and not find out on the day."
        ),
        lesson="Bad news told early keeps trust; the same news discovered late breaks it.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("honesty", H), ("deliver-whats-on-the-tin", H)),
    ),
    StoryTemplate(
        title="The reply that never came",
        what_happened=(
            "A {customer} e-mailed a simple question about their {order} and heard nothing for nine "
            "days: the message sat in a shared inbox that each of us assumed someone else was reading. "
            "When they finally reached us another way, they were polite but had plainly given up on us."
        ),
        lesson="A shared inbox needs a named owner every single day, holidays included.",
        kind=BAD,
        perspective=GAVE,
        tags=(("deliver-whats-on-the-tin", B), ("every-customer-counts", B)),
        channel=Channel.EMAIL,
    ),
    StoryTemplate(
        title="Grace for a late, flustered {customer}",
        what_happened=(
            "A {customer} was having a terrible day, running late and flustered, and snapped at the "
            "{team_role} before even saying hello. We let the tone go, said that days like that happen to all of us, and "
            "sorted out what they needed anyway. A little later they {came_back} to apologise."
        ),
        lesson="Each of us has been let off on a bad day; passing that on cost a deep breath and nothing more.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("pay-it-forward", H), ("imperfect-people", H), ("end-well", H)),
    ),
    StoryTemplate(
        title="Break-room jokes that leaked out",
        what_happened=(
            "After a hard few weeks, our break-room talk had turned into a running joke about how "
            "awful {customers} are. A new starter repeated one of the jokes {where}, within earshot "
            "of a {customer}, and it landed exactly as badly as you would expect. Nobody had meant "
            "harm, but the mood had been souring for a while and none of us had named it."
        ),
        lesson="When we start to resent the people we serve, the fix starts with us and with how we look after each other.",
        kind=BAD,
        perspective=GAVE,
        tags=(("check-our-bitterness", B), ("care-for-the-carers", B)),
    ),
    StoryTemplate(
        title="Cover that let a colleague go home",
        what_happened=(
            "One of our team had been up all night with a sick child and was running on empty by mid "
            "morning. Two colleagues quietly split the rest of the shift so she could go home, and the "
            "{manager} moved breaks around to make it work. {Customers} that afternoon never noticed a thing."
        ),
        lesson="People who are looked after look after {customers}; the cover was an investment, not a favour.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("care-for-the-carers", H),),
        channel=Channel.OTHER,
    ),
    StoryTemplate(
        title="Three people, the same script, one unusual problem",
        what_happened=(
            "A {customer} with a genuinely unusual problem got our standard opening lines three times, "
            "word for word, from three different people. By the third round they asked, quite "
            "reasonably, whether anyone was actually listening. Once someone stopped reciting, the "
            "problem took five minutes to solve."
        ),
        lesson="A script is a floor, not a ceiling; the moment it stops fitting the person, put it down.",
        kind=BAD,
        perspective=GAVE,
        tags=(("relationships-over-scripts", B), ("ask-the-right-questions", B)),
    ),
    StoryTemplate(
        title="A regular we remembered",
        what_happened=(
            "A {customer} we had not heard from in months got in touch again, and the {team_role} "
            "remembered their name and how their last {order} had gone. The {customer} laughed and said "
            "that was exactly why they stayed with us instead of one of the big chains."
        ),
        lesson="Being known is worth more to people than any loyalty scheme we could print.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("relationships-over-scripts", H), ("celebrate-dont-tolerate", H)),
    ),
    StoryTemplate(
        title="A clear no that still ended well",
        what_happened=(
            "A {customer} asked for something we simply cannot do, and there was no way round it. "
            "The {team_role} said so clearly, explained why, then spent two minutes finding out who "
            "could help instead and wrote the details down for them. They did not get what they came "
            "for, but they said they would be back."
        ),
        lesson="We cannot always say yes, but we always choose how the conversation ends.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("end-well", H), ("honesty", H)),
    ),
    StoryTemplate(
        title="A correction that came out as a sneer",
        what_happened=(
            "A {customer} mixed up two of our services, and the {team_role} corrected them with a "
            "laugh that came across as a sneer. Nothing else went wrong with their {order}, but their "
            "feedback mentioned one thing only: feeling stupid in front of other people."
        ),
        lesson="Everyone gets our jargon wrong sometimes; the correction should cost them nothing.",
        kind=BAD,
        perspective=GAVE,
        tags=(("imperfect-people", B), ("golden-rule", B), ("celebrate-dont-tolerate", B)),
    ),
    StoryTemplate(
        title="Celebrating the {customer} nobody wanted to serve",
        what_happened=(
            "Every team has the {customer} who finds fault with everything; we usually draw straws. "
            "This time the {team_role} decided to treat them as a favourite instead: a warm greeting, "
            "their preferences remembered, a real thank-you at the end. They complained about nothing "
            "at all and left a kind comment afterwards."
        ),
        lesson="People can feel whether they are welcome or merely put up with, and they behave accordingly.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("celebrate-dont-tolerate", H), ("always-the-customer", H)),
    ),
    StoryTemplate(
        title="The call back we promised and forgot",
        what_happened=(
            "We told a {customer} we would ring back before the end of the day with an answer. The "
            "{team_role} who promised it went home ill, the note stayed on a desk, and nobody rang. "
            "The {customer} had to chase us two days later and explain everything again from the start."
        ),
        lesson="A promise made for the team has to be written down where the whole team will see it.",
        kind=BAD,
        perspective=GAVE,
        tags=(("deliver-whats-on-the-tin", B), ("honesty", B)),
        channel=Channel.PHONE,
    ),
    StoryTemplate(
        title="Would I want to receive this reply?",
        what_happened=(
            "Before sending a firm answer to a {customer} who had been rude to us, the {team_role} asked "
            "a colleague whether they would be happy to get that e-mail themselves. The honest answer "
            "was no. We rewrote it, still firm but kind, and the {customer} replied with an apology of "
            "their own."
        ),
        lesson="Reading our reply as its receiver would takes a minute and saves a feud.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("golden-rule", H), ("check-our-bitterness", H)),
        channel=Channel.EMAIL,
    ),
    StoryTemplate(
        title="The wrong reference, twice",
        what_happened=(
            "A {customer} gave us the wrong {order} reference twice and then apologised over and over "
            "for wasting our time. The {team_role} laughed it off, found the {order} another way and "
            "said mix-ups like that happen to us every day too."
        ),
        lesson="Small slips are not worth anyone's embarrassment; put people at ease and move on.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("imperfect-people", H), ("empathy", H)),
    ),
    StoryTemplate(
        title="We answered the question they did not ask",
        what_happened=(
            "A {customer} tried three times to explain what had actually gone wrong, and each time the "
            "{team_role} jumped in with the answer to a different question. By the time we understood, "
            "they were more upset about not being heard than about the problem itself."
        ),
        lesson="Listening to the end is quicker than answering the wrong question well.",
        kind=BAD,
        perspective=GAVE,
        tags=(("empathy", B), ("read-the-cues", B), ("ask-the-right-questions", B)),
    ),
    StoryTemplate(
        title="A thank-you round after a brutal shift",
        what_happened=(
            "After {rush} had gone badly wrong, the {manager} went round thanking each of us by name "
            "for something specific, then ordered pizza for the late shift. It sounds small, but the "
            "next day the mood {where} was noticeably lighter, and {customers} could feel it."
        ),
        lesson="A thank-you that names what someone actually did is the cheapest support there is.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("care-for-the-carers", H),),
        channel=Channel.OTHER,
    ),
    StoryTemplate(
        title="Paid for premium, served like everyone else",
        what_happened=(
            "A {customer} who had paid for {premium} was handled exactly like everyone else: the same "
            "wait, the same generic answers, no sign that anyone knew what they had paid. They pointed "
            "out, politely, that they had expected more for the money, and they were right."
        ),
        lesson="When someone pays for our best, ordinary service is a broken promise.",
        kind=BAD,
        perspective=GAVE,
        tags=(("premium-means-premium", B), ("deliver-whats-on-the-tin", B)),
    ),
    StoryTemplate(
        title="Two colleagues, two different answers",
        what_happened=(
            "Within one hour, two of us gave the same {customer} two different answers about the same "
            "charge on their {order}. Each answer was half right. The {customer} stopped trusting "
            "either of us, and it took the {manager} a long conversation to win that back."
        ),
        lesson="When we are not sure, we say so and check; a confident wrong answer costs more than a pause.",
        kind=BAD,
        perspective=GAVE,
        tags=(("honesty", B), ("deliver-whats-on-the-tin", B)),
    ),
    StoryTemplate(
        title="A birthday spotted on the {order}",
        what_happened=(
            "The {team_role} noticed from the {order} details that it was the {customer}'s birthday, "
            "wished them a happy one and got a card signed by whoever was around. It took two minutes. "
            "Weeks later it was the one thing they mentioned in their feedback."
        ),
        lesson="Little extras nobody asked for are the part people retell.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("a-little-bit-more", H), ("celebrate-dont-tolerate", H)),
    ),
)


# --- templates for one team -------------------------------------------------------------

FRONT_DESK_ONLY: tuple[StoryTemplate, ...] = (
    StoryTemplate(
        title="A quiet room for the night-shift nurse",
        what_happened=(
            "A guest asked for our cheapest room, and the receptionist could simply have handed over "
            "a key. She asked what brought him to town and learnt he was covering night shifts at the "
            "hospital all week, sleeping through the day. She gave him a quiet room at the back, away "
            "from the lift, for the same rate."
        ),
        lesson="One extra question turned the cheapest room into the right room.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("ask-the-right-questions", H), ("empathy", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="The guest who kept checking her watch",
        what_happened=(
            "Halfway through our usual welcome about breakfast times and the spa, the guest looked at "
            "her watch for the third time. The receptionist skipped straight to the room number and "
            "the lift, promised a note with the rest in her room, and she was gone within a minute "
            "with a grateful wave."
        ),
        lesson="Reading the hurry in someone's face is part of checking them in.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("read-the-cues", H),),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A wedding party, a dressing gown and a pot of tea",
        what_happened=(
            "A wedding party was still singing in the lounge well after midnight when another guest came "
            "down in his dressing gown to complain. The night porter heard him out, moved the party into "
            "the function room with the doors shut and sent a pot of tea up to his room. Both sides were "
            "smiling at breakfast."
        ),
        lesson="Nobody was wrong to be there; the job was to make the night work for everyone.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("imperfect-people", H), ("end-well", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="Twenty minutes at an empty desk",
        what_happened=(
            "During a busy changeover, a family with tired children stood at an empty desk for twenty "
            "minutes while two of us were on the phone in the back office. Nobody came out to say even "
            "a quick hello. The father's first words to us were that he had nearly gone to the hotel "
            "across the road."
        ),
        lesson="Ten seconds of 'I'll be right with you' would have changed the whole stay.",
        kind=BAD,
        perspective=GAVE,
        tags=(("celebrate-dont-tolerate", B), ("every-customer-counts", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A welcome card with someone else's name",
        what_happened=(
            "A returning guest found a welcome card in her room addressed to somebody else. A small "
            "slip, except that she had told us when booking that the trip was to scatter her mother's "
            "ashes. The duty manager apologised in person and replaced it with a handwritten note."
        ),
        lesson="Details matter most on the days that matter most to the guest.",
        kind=BAD,
        perspective=GAVE,
        tags=(("deliver-whats-on-the-tin", B), ("make-it-right", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="The reception phone that rang out",
        what_happened=(
            "For most of an afternoon the reception phone rang out, because the only person on the desk "
            "was also covering the bar. A guest calling from the car park with a flat tyre gave up and "
            "rang a taxi firm instead. We learnt about it from her review."
        ),
        lesson="Short staffing shows up first as the phone nobody answers.",
        kind=BAD,
        perspective=GAVE,
        tags=(("care-for-the-carers", B), ("deliver-whats-on-the-tin", B)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A double charge fixed before breakfast",
        what_happened=(
            "A guest e-mailed at six in the morning to say our website had charged him twice for the "
            "same room. The early receptionist checked, cancelled the duplicate and replied with proof "
            "of the refund before he had finished breakfast."
        ),
        lesson="Owning a mistake fast turns a complaint into a compliment.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("make-it-right", H), ("deliver-whats-on-the-tin", H)),
        channel=Channel.EMAIL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A toy rabbit's extra night",
        what_happened=(
            "Twenty minutes after a family checked out, housekeeping found a very loved toy rabbit under "
            "a pillow. The receptionist rang the parents, already on the motorway, and posted the rabbit "
            "home that day with a little note about its extra night at the hotel."
        ),
        lesson="The smallest guest's biggest worry was ours to solve.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("a-little-bit-more", H), ("celebrate-dont-tolerate", H)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
        went_beyond=True,
        cost_note="Postage and a padded box, paid from the desk float.",
        client_nickname="the toy rabbit family",
    ),
    StoryTemplate(
        title="An angry review answered without scoring a point",
        what_happened=(
            "A guest posted that we had lost her luggage, when it was in fact waiting in our store room "
            "under her partner's name. Instead of correcting her in public, we apologised for the "
            "confusion and gave a direct number to call. She called, found her bag and edited the "
            "review herself."
        ),
        lesson="Being right in public would have cost us more than the review.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("always-the-customer", H), ("end-well", H)),
        channel=Channel.SOCIAL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="The accessible room we gave away",
        what_happened=(
            "A guest who uses a wheelchair had booked our accessible room months ahead and arrived to "
            "find it given to someone else. We found a workaround, but it meant a step at the bathroom "
            "door for two nights, and an apology that could not fix that."
        ),
        lesson="Some bookings are not interchangeable, and our system should treat them that way.",
        kind=BAD,
        perspective=GAVE,
        tags=(("deliver-whats-on-the-tin", B), ("empathy", B), ("make-it-right", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
)

# A busy reception tells more stories than one of each a year: more Front Desk situations,
# so that a month of twenty-odd stories never repeats a title.
FRONT_DESK_MORE: tuple[StoryTemplate, ...] = (
    StoryTemplate(
        title="A suite guest met at the door, not at the desk",
        what_happened=(
            "A couple had booked our best suite for their fortieth wedding anniversary. The duty "
            "manager watched for their car, met them at the door with their key, and did the "
            "paperwork upstairs while they looked at the view. The champagne they had mentioned in "
            "passing on the phone was already in the ice bucket."
        ),
        lesson="The suite price buys the whole arrival, not just a larger room.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("premium-means-premium", H), ("a-little-bit-more", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A call the day before a club-floor stay",
        what_happened=(
            "Guests on the club floor pay for a stay that fits them, so the receptionist rang one the "
            "afternoon before he arrived: what time would he land, did he want the room cool, would he "
            "be working late? He asked for a desk lamp and a late dinner, and both were waiting for him."
        ),
        lesson="Premium service starts before the guest walks in, with a couple of good questions.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("premium-means-premium", H), ("ask-the-right-questions", H)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A rushed spa treatment, answered the same evening",
        what_happened=(
            "A guest on our spa weekend wrote that her massage had been cut short and felt hurried. "
            "The duty manager replied that evening in her own words, not a template, refunded the "
            "treatment and rebooked her with our senior therapist the next morning at no charge."
        ),
        lesson="At spa-weekend prices a quick, personal fix is part of what was paid for.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("premium-means-premium", H), ("make-it-right", H)),
        channel=Channel.EMAIL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="Let in at three in the morning, no lecture",
        what_happened=(
            "A young guest came back at three in the morning without his key card or any ID, "
            "embarrassed and a little worse for wear. The night porter checked his name against the "
            "booking and the photo on his phone, let him in and wished him good night. He said later "
            "someone had once done the same for him as a student."
        ),
        lesson="We have all needed a little grace at a bad hour; passing it on costs nothing.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("pay-it-forward", H), ("imperfect-people", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A cancellation fee waived after a family loss",
        what_happened=(
            "A guest rang on the morning of her stay to cancel because her brother had died in the "
            "night. The receptionist waived the same-day fee without asking for any proof and told her "
            "the booking could be moved whenever she felt ready."
        ),
        lesson="Nobody should have to justify their grief to a booking system.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("pay-it-forward", H), ("empathy", H)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="We stopped groaning about stag parties",
        what_happened=(
            "At a team meeting somebody admitted that we groaned every time a stag party booking came "
            "in, and that the groan had started to show at the desk. We agreed to share those bookings "
            "out fairly and to drop the jokes. The next group was welcomed properly, behaved well and "
            "left a tip for housekeeping."
        ),
        lesson="The resentment was ours to notice and ours to fix, before guests felt it.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("check-our-bitterness", H), ("care-for-the-carers", H)),
        channel=Channel.OTHER,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A one-star review, answered the next morning",
        what_happened=(
            "A guest gave us one star for a slow check-in. The receptionist's first draft of a reply "
            "was sharp, and a colleague suggested sleeping on it. The reply that went out the next "
            "morning thanked him, admitted the queue had been too long and said what we had changed."
        ),
        lesson="A reply written while stung is a reply we would regret; a night's sleep is cheap.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("check-our-bitterness", H), ("always-the-customer", H)),
        channel=Channel.SOCIAL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="The parking question, for the fourth time today",
        what_happened=(
            "Near the end of a double shift, a guest rang to ask about parking, the fourth such call "
            "that day. The receptionist thought of how she feels when someone sighs at her on the phone, "
            "and answered as if it were the first call of the morning, directions to the barrier included."
        ),
        lesson="The question is old to us and new to the person asking it.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("golden-rule", H), ("every-customer-counts", H)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="Breakfast after breakfast had closed",
        what_happened=(
            "A guest whose flight had landed after midnight came down ten minutes after breakfast "
            "closed, clearly hoping for coffee at least. The receptionist asked the kitchen, and a plate "
            "of eggs on toast came out with the coffee. He said he would have asked for the same in "
            "our shoes, and we agreed."
        ),
        lesson="We asked ourselves what we would want after a night like his; the answer was easy.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("golden-rule", H), ("a-little-bit-more", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="The guest who said her room was fine, twice",
        what_happened=(
            "When the receptionist asked how the room was, a guest said it was fine, then fine again, "
            "and looked away. He asked gently whether anything at all could be better. It smelled of "
            "smoke, and she had not wanted to make a fuss. She had a fresh room within ten minutes."
        ),
        lesson="'Fine' said twice, with no eye contact, is rarely fine.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("read-the-cues", H), ("make-it-right", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="An older guest walking past the lift",
        what_happened=(
            "The receptionist noticed an older guest walk past the lift for the second time, looking at "
            "the signs. Rather than call out directions across the lobby, she went over, walked him up "
            "to his floor and showed him the way back to breakfast."
        ),
        lesson="Someone who is lost rarely asks; we have to notice first.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("read-the-cues", H), ("every-customer-counts", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="What the twin-room booking did not say",
        what_happened=(
            "A twin room booked for 'me and my son' looked routine. The receptionist e-mailed to ask "
            "whether there was anything that would make the stay easier, and learnt that the son uses "
            "a wheelchair. We moved them to the accessible room before they set off."
        ),
        lesson="One open question by e-mail saved a bad arrival that nobody had warned us about.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("ask-the-right-questions", H), ("deliver-whats-on-the-tin", H)),
        channel=Channel.EMAIL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A four o'clock wake-up call, and a question about the taxi",
        what_happened=(
            "A guest asked for a wake-up call at four. The receptionist asked whether she had a taxi "
            "booked, and when she named the firm, checked: they do not start until five. We booked "
            "another car for her, and she made her flight with time for coffee."
        ),
        lesson="The request was a wake-up call; the need was getting to the airport.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("ask-the-right-questions", H), ("a-little-bit-more", H)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A real meal break for the desk",
        what_happened=(
            "For months the morning receptionists had eaten standing up between guests. The duty "
            "manager covered the desk herself for half an hour each morning so everyone could sit down "
            "and eat. The comments about 'grumpy mornings' in our feedback stopped within weeks."
        ),
        lesson="Hungry, rushed staff give hungry, rushed service.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("care-for-the-carers", H),),
        channel=Channel.OTHER,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A new starter's first bad night, talked through kindly",
        what_happened=(
            "Our newest receptionist's first solo night went badly: two keys cut for the wrong rooms and "
            "a bill sent to the wrong company. The next morning the lead went through it with her over "
            "coffee, without blame, and set up a buddy for her next three nights."
        ),
        lesson="How we treat a colleague's mistakes is how they will learn to treat guests' mistakes.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("care-for-the-carers", H), ("imperfect-people", H)),
        channel=Channel.OTHER,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="Confirmation e-mails that promise only what we can do",
        what_happened=(
            "Our booking confirmation used to promise early check-in 'where possible', which guests "
            "read as a yes. We rewrote it to give the exact time a room is guaranteed and what we can "
            "offer before that. Arguments at the desk about early rooms all but disappeared."
        ),
        lesson="A clear promise kept beats a vague one half-kept.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("deliver-whats-on-the-tin", H), ("honesty", H)),
        channel=Channel.EMAIL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="The early airport shuttle left on the minute",
        what_happened=(
            "We had promised a group a shuttle at a quarter past five. The driver rang in sick at four. "
            "The duty manager, who holds the right licence, drove the minibus herself and left on the "
            "minute. The group never knew anything had gone wrong."
        ),
        lesson="A promise to a guest survives a sick note if somebody owns it.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("deliver-whats-on-the-tin", H),),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A room-service order with the wrong bread",
        what_happened=(
            "A guest who cannot eat gluten rang down: her room-service sandwich had come on ordinary "
            "bread. The receptionist apologised, had a safe one up within ten minutes, took it off the "
            "bill and added a note to the booking so breakfast would be right too."
        ),
        lesson="Fixing it fast was good; making sure it could not happen again at breakfast was better.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("make-it-right", H), ("end-well", H)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="Warned about the scaffolding before they came",
        what_happened=(
            "When scaffolding went up on the east side of the building, we e-mailed every guest booked "
            "on that side for the month: what they would see and hear, and the choice to move rooms or "
            "cancel without a fee. Most stayed, and nobody complained about the noise."
        ),
        lesson="Bad news sent ahead is an inconvenience; bad news found on arrival is a complaint.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("honesty", H), ("end-well", H)),
        channel=Channel.EMAIL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A disputed minibar bill, settled with a smile",
        what_happened=(
            "A father insisted the minibar snacks on his bill were not his. His children's faces said "
            "otherwise, but the receptionist took the charge off with a smile and wished them a good "
            "trip home. He booked the same room for the half-term holiday."
        ),
        lesson="A few pounds of crisps were never worth a family's goodwill.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("always-the-customer", H), ("end-well", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A regular's quiet corridor, remembered",
        what_happened=(
            "A business guest who has stayed with us for years always asks to be far from the lift. A "
            "new receptionist spotted the note on his profile and e-mailed him before his stay to "
            "confirm his usual corridor. He replied that it was the little things that kept him coming."
        ),
        lesson="A note on a profile is only useful if someone reads it and acts on it.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("relationships-over-scripts", H), ("every-customer-counts", H)),
        channel=Channel.EMAIL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A light left on for a one o'clock arrival",
        what_happened=(
            "A guest rang from a delayed train to say she would not arrive before one in the morning. "
            "The night porter kept the porch light on, watched for her taxi and had her key, a map of the "
            "corridors and a hot drink ready. Check-in took a minute."
        ),
        lesson="Arriving late and tired, being expected makes all the difference.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("celebrate-dont-tolerate", H), ("every-customer-counts", H)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A deposit refund that took five weeks",
        what_happened=(
            "We told a guest his deposit would be back within five working days. It took five weeks, "
            "because the refund sat in a handover between two people in accounts, and he had to chase "
            "us three times before anyone could tell him where it was."
        ),
        lesson="A date we give a guest is a promise, and someone has to own it to the end.",
        kind=BAD,
        perspective=GAVE,
        tags=(("deliver-whats-on-the-tin", B), ("honesty", B)),
        channel=Channel.EMAIL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A guest overheard us mocking her complaint",
        what_happened=(
            "With the back-office door ajar, a guest heard two of us mocking the way she had complained "
            "about her pillows a few minutes earlier. She came back to the desk and said so, quite "
            "calmly. There was nothing to say except sorry, and it did not undo it."
        ),
        lesson="What we say about guests behind the door shows in how we treat them in front of it.",
        kind=BAD,
        perspective=GAVE,
        tags=(("check-our-bitterness", B), ("golden-rule", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="The wake-up call that never came",
        what_happened=(
            "A guest asked for a six o'clock call to catch an early train. The request was written on "
            "the next day's sheet, nobody rang, and he woke at half past seven. He missed the train and a "
            "meeting, and all we could offer was an apology and the fare."
        ),
        lesson="Anything a guest relies on us for has to be checked back, not just written down.",
        kind=BAD,
        perspective=GAVE,
        tags=(("deliver-whats-on-the-tin", B), ("every-customer-counts", B)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A question about a guide dog, answered with the pet policy",
        what_happened=(
            "A guest wrote to ask where her guide dog could rest during breakfast. She got our standard "
            "paragraph saying pets are not allowed. She wrote back, understandably hurt, and it took a "
            "phone call from the duty manager to put it right."
        ),
        lesson="Pasting the nearest paragraph is not the same as reading the question.",
        kind=BAD,
        perspective=GAVE,
        tags=(("relationships-over-scripts", B), ("ask-the-right-questions", B)),
        channel=Channel.EMAIL,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="Hurried through check-in by the card machine",
        what_happened=(
            "In the middle of the evening rush, an older guest struggled with the card machine and the "
            "receptionist, watching the queue, kept pressing her to hurry. She got her key, but told her "
            "daughter she had felt stupid and in the way."
        ),
        lesson="The queue could have waited one more minute; her evening could not be taken back.",
        kind=BAD,
        perspective=GAVE,
        tags=(("read-the-cues", B), ("empathy", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A ferry crew that kept us calm in a storm",
        what_happened=(
            "On a rough crossing last winter the ferry rolled badly and a lot of passengers were "
            "frightened. The crew walked the decks, told us plainly how long it would last and why the "
            "boat was safe, and checked on the families with small children twice."
        ),
        lesson="They saw the fear and answered it with plain facts; that is what we owe anxious guests.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("read-the-cues", H), ("honesty", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A first-class lounge that ignored us",
        what_happened=(
            "I had paid for a first-class rail ticket, mostly for the lounge. The attendant did not look "
            "up from his phone, the coffee machine was broken and nobody said so. The standard waiting "
            "room next door was friendlier."
        ),
        lesson="A premium that feels like an afterthought is worse than no premium at all.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("premium-means-premium", B), ("celebrate-dont-tolerate", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A night as our own guests",
        what_happened=(
            "The duty manager booked each of us a night in the hotel as an ordinary guest, with the "
            "usual booking e-mails and the usual check-in. We came back with a list: the shower that "
            "takes five minutes to run hot, the confusing lift signs, the welcome that sounded recited."
        ),
        lesson="We fixed three things in a week that guests had been putting up with for years.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("golden-rule", H), ("empathy", H)),
        channel=Channel.OTHER,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="A ten-minute huddle after a hostile conference",
        what_happened=(
            "Three days of a conference whose delegates were short with everyone had left the desk "
            "snapping at each other and, nearly, at guests. The lead called a ten-minute huddle in the "
            "back office: say it all here, not out there. We went back out lighter."
        ),
        lesson="Resentment kept behind the door grows; said out loud among ourselves, it shrinks.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("check-our-bitterness", H), ("care-for-the-carers", H)),
        channel=Channel.OTHER,
        teams=(FRONT_DESK,),
    ),
    StoryTemplate(
        title="The honeymoon suite, checked twice",
        what_happened=(
            "Before a honeymoon couple arrived, the receptionist went up to look at the suite herself "
            "rather than trust the housekeeping sheet. She found a marked bathrobe and a dead bulb over "
            "the mirror, and both were fixed an hour before the couple walked in."
        ),
        lesson="At suite prices, 'probably fine' is not good enough.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("premium-means-premium", H), ("deliver-whats-on-the-tin", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
    ),
    # Went beyond, each told once: one night, one guest.
    StoryTemplate(
        title="A wedding dress steamed at midnight",
        what_happened=(
            "A bride staying the night before her wedding found her dress badly creased from the car. "
            "The night porter borrowed the steamer from housekeeping and spent forty minutes on the "
            "dress with her sister supervising, then sent them both to bed."
        ),
        lesson="Her morning started with a perfect dress, and she never saw the work behind it.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("a-little-bit-more", H), ("celebrate-dont-tolerate", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
        went_beyond=True,
        cost_note="Forty minutes of the night porter's shift away from the desk.",
        client_nickname="the midnight bride",
    ),
    StoryTemplate(
        title="Walked a worried father to the children's hospital",
        what_happened=(
            "A father arrived in a state: his daughter had been taken to the children's hospital and "
            "he did not know the city. The receptionist, just off shift, walked him there herself and "
            "waited until he had found the right ward."
        ),
        lesson="Directions would have been correct; company was what he needed.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("empathy", H), ("a-little-bit-more", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
        went_beyond=True,
        cost_note="An hour of her own time after her shift, and a taxi back.",
        client_nickname="the father at the children's hospital",
    ),
    StoryTemplate(
        title="A dachshund minded during a funeral",
        what_happened=(
            "A guest had come for her aunt's funeral with her dachshund, and the chapel would not let "
            "him in. We kept him in the back office for the afternoon, walked him twice and had him "
            "brushed and sleepy when she came back."
        ),
        lesson="We asked what we would want on a day like hers, and did that.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("golden-rule", H), ("a-little-bit-more", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
        went_beyond=True,
        cost_note="An afternoon of dog-sitting between guests, and one chewed bin.",
        client_nickname="the dachshund owner",
    ),
    StoryTemplate(
        title="A birthday cake for a guest turning ninety",
        what_happened=(
            "A family mentioned at check-in that their grandmother was turning ninety the next day. "
            "The kitchen baked a small cake off the menu and the whole desk sang at breakfast. Her "
            "grandson filmed it and asked who to thank."
        ),
        lesson="Nobody asked for a cake; that is why it mattered.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("celebrate-dont-tolerate", H), ("a-little-bit-more", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
        went_beyond=True,
        cost_note="A cake from the kitchen, not charged.",
        client_nickname="the ninetieth-birthday family",
    ),
    StoryTemplate(
        title="Overbooked, so we paid for the hotel across the road",
        what_happened=(
            "A cyclist arrived to find we had sold his room twice. The receptionist said so plainly, "
            "booked him into the better hotel across the road, paid the difference and carried his "
            "bike over. We sent a breakfast voucher for the morning."
        ),
        lesson="Our mistake, our bill: he should not pay for it in money or in comfort.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("make-it-right", H), ("honesty", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK,),
        went_beyond=True,
        cost_note="The difference in room rate at the other hotel, and a breakfast on us.",
        client_nickname="the overbooked cyclist",
    ),
)

SUPPORT_LINE_ONLY: tuple[StoryTemplate, ...] = (
    StoryTemplate(
        title="The plan she did not need",
        what_happened=(
            "A caller wanted our most expensive broadband plan because her connection kept dropping. "
            "The agent asked when it happened and where the router sat, and worked out that the old "
            "router behind the television was the problem, not the plan. He talked her through moving "
            "it, and she kept the plan she had."
        ),
        lesson="Selling her the upgrade would have been easy, and wrong.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("ask-the-right-questions", H), ("honesty", H)),
        channel=Channel.PHONE,
        teams=(SUPPORT_LINE,),
    ),
    StoryTemplate(
        title="The long pause on the line",
        what_happened=(
            "While the agent explained how to reset a password, the caller went quiet and then said "
            "sorry, he was writing it all down. The agent slowed right down, let him read each step "
            "back and stayed on the line while he tried it. Twenty minutes instead of five, and he said "
            "nobody had been that patient with him in years."
        ),
        lesson="Silence on a call is information; it usually means slow down.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("read-the-cues", H), ("empathy", H)),
        channel=Channel.PHONE,
        teams=(SUPPORT_LINE,),
    ),
    StoryTemplate(
        title="Forty minutes in the chat bot loop",
        what_happened=(
            "A customer spent forty minutes going round our chat bot trying to reach a person about a "
            "failed payment. Every route led back to the same help article. When she finally got an "
            "agent, her first line was that she had been about to cancel."
        ),
        lesson="A way out to a human has to be one click from anywhere in the chat.",
        kind=BAD,
        perspective=GAVE,
        tags=(("relationships-over-scripts", B), ("deliver-whats-on-the-tin", B)),
        channel=Channel.CHAT,
        teams=(SUPPORT_LINE,),
    ),
    StoryTemplate(
        title="Outage updates on the minute we promised",
        what_happened=(
            "When the service went down one morning, the agent on our social accounts posted what we "
            "knew, what we did not, and when the next update would come, then posted again at exactly "
            "that time even with little to add. Within the hour the replies went from furious to patient."
        ),
        lesson="People cope with bad news; silence is what they cannot stand.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("honesty", H), ("deliver-whats-on-the-tin", H)),
        channel=Channel.SOCIAL,
        teams=(SUPPORT_LINE,),
    ),
    StoryTemplate(
        title="Transferred five times",
        what_happened=(
            "An older caller with a billing question was passed between departments five times and had "
            "to give his account details to each of us. The last agent solved it in two minutes and was "
            "mortified to read the history on the ticket."
        ),
        lesson="Whoever picks up owns the call until it is solved or handed over warmly, with the notes.",
        kind=BAD,
        perspective=GAVE,
        tags=(("every-customer-counts", B), ("empathy", B)),
        channel=Channel.PHONE,
        teams=(SUPPORT_LINE,),
    ),
    StoryTemplate(
        title="A florist's payments, back before lunch",
        what_happened=(
            "A small florist wrote in a panic that payments on her online shop had stopped on the "
            "busiest morning of her year. The agent flagged it as urgent, stayed in the chat with her "
            "while engineering fixed it, and checked back at lunchtime to make sure orders were flowing."
        ),
        lesson="Staying with someone through the fix matters as much as the fix.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("a-little-bit-more", H), ("make-it-right", H)),
        channel=Channel.CHAT,
        teams=(SUPPORT_LINE,),
        client_nickname="the high-street florist",
    ),
    StoryTemplate(
        title="'As already explained'",
        what_happened=(
            "A tired agent answered a long, rambling complaint with a saved reply that began 'As already "
            "explained'. The customer forwarded it to our director asking whether this was how we spoke "
            "to people. Reading it back, we had to agree that it was not how we wanted to."
        ),
        lesson="Weariness leaks into canned replies; when it shows, it is time for a break, not a template.",
        kind=BAD,
        perspective=GAVE,
        tags=(("check-our-bitterness", B), ("golden-rule", B)),
        channel=Channel.EMAIL,
        teams=(SUPPORT_LINE,),
    ),
    StoryTemplate(
        title="A bill explained in four plain sentences",
        what_happened=(
            "A caller asked why his bill had gone up, and our first reply was full of tariff codes. A "
            "second agent rewrote it in four plain sentences: what changed, why, what it costs him and "
            "how to switch back. He answered that he finally understood, and stayed."
        ),
        lesson="Being transparent means being understood, not just being accurate.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("honesty", H), ("empathy", H)),
        channel=Channel.EMAIL,
        teams=(SUPPORT_LINE,),
    ),
    StoryTemplate(
        title="Closing a late husband's account",
        what_happened=(
            "A caller ringing to close her late husband's account began to cry halfway through the "
            "security questions. The agent stopped the script, gave her time, then did everything that "
            "could be done without the usual paperwork and posted the rest with a handwritten line."
        ),
        lesson="The script is there to protect people, not to stand between us and them.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("read-the-cues", H), ("relationships-over-scripts", H), ("empathy", H)),
        channel=Channel.PHONE,
        teams=(SUPPORT_LINE,),
    ),
    StoryTemplate(
        title="A weekend rota that shared the load",
        what_happened=(
            "The same three agents had covered every weekend for two months and were visibly worn out. "
            "The team lead rebuilt the rota so everyone took a turn, herself included. Within a month the "
            "weekend feedback had recovered."
        ),
        lesson="Tired people give tired service; fairness on the rota is customer service too.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("care-for-the-carers", H),),
        channel=Channel.OTHER,
        teams=(SUPPORT_LINE,),
    ),
)

SHOP_FLOOR_ONLY: tuple[StoryTemplate, ...] = (
    StoryTemplate(
        title="What is the paint for?",
        what_happened=(
            "A customer asked for five litres of white paint, and the assistant asked which room it was "
            "for. It was a steamy bathroom, where ordinary paint would have peeled within a year. She "
            "sold him the right tin and a small primer, and he thanked her for saving him doing the job "
            "twice."
        ),
        lesson="The question behind the request is usually where the help is.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("ask-the-right-questions", H),),
        channel=Channel.IN_PERSON,
        teams=(SHOP_FLOOR,),
    ),
    StoryTemplate(
        title="Walked her to the shelf, then to her car",
        what_happened=(
            "Instead of pointing a customer with a walking stick towards aisle nine, the assistant "
            "walked her there, carried her basket to the till and then out to her car. She said it was "
            "the first time in ages a shop had made her feel like a guest."
        ),
        lesson="Pointing is directions; walking alongside is service.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("celebrate-dont-tolerate", H), ("a-little-bit-more", H)),
        channel=Channel.IN_PERSON,
        teams=(SHOP_FLOOR,),
    ),
    StoryTemplate(
        title="Waiting while we finished our chat",
        what_happened=(
            "A customer stood at the till while two of us finished a conversation about the weekend. She "
            "waited maybe a minute, but told us afterwards it felt like ten, and that she had felt like "
            "an interruption in our shop."
        ),
        lesson="Whoever is in front of us comes before whatever we were saying.",
        kind=BAD,
        perspective=GAVE,
        tags=(("celebrate-dont-tolerate", B), ("every-customer-counts", B)),
        channel=Channel.IN_PERSON,
        teams=(SHOP_FLOOR,),
    ),
    StoryTemplate(
        title="We told them the cheaper one was as good",
        what_happened=(
            "A couple were about to buy our most expensive vacuum cleaner. The assistant mentioned that "
            "the mid-range model had the same motor and differed only in colour and guarantee. They "
            "bought the cheaper one and came back the next month for a fridge, asking for her by name."
        ),
        lesson="Honesty that costs a sale today tends to pay for itself later.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("honesty", H), ("golden-rule", H)),
        channel=Channel.IN_PERSON,
        teams=(SHOP_FLOOR,),
        client_nickname="the vacuum-cleaner couple",
    ),
    StoryTemplate(
        title="A refused return that humiliated a teenager",
        what_happened=(
            "A teenager tried to return a jacket that had clearly been worn. Policy was on our side, but "
            "the assistant said no in a way that made him feel like a thief, in front of a queue. He left "
            "red in the face, and his mother wrote to us that evening."
        ),
        lesson="'No' was right; the way we said it was not.",
        kind=BAD,
        perspective=GAVE,
        tags=(("end-well", B), ("always-the-customer", B)),
        channel=Channel.IN_PERSON,
        teams=(SHOP_FLOOR,),
    ),
    StoryTemplate(
        title="A shopping list taken over the phone",
        what_happened=(
            "A regular who had broken her hip rang to ask whether she could order her usual things by "
            "phone. We do not normally take phone orders, but the assistant wrote the list down, packed "
            "it and dropped it off on his way home."
        ),
        lesson="The rule exists for the usual case; she was not the usual case.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("a-little-bit-more", H), ("relationships-over-scripts", H)),
        channel=Channel.PHONE,
        teams=(SHOP_FLOOR,),
        went_beyond=True,
        cost_note="His own fuel and half an hour after closing.",
        client_nickname="the regular with the broken hip",
    ),
    StoryTemplate(
        title="The shelf price, honoured without a fuss",
        what_happened=(
            "The shelf label said one price and the till rang up a higher one. The assistant did not "
            "debate whose fault it was: she charged the shelf price, thanked the customer for spotting "
            "it and fixed the label before the next person came along."
        ),
        lesson="When we get it wrong, the customer should not pay for it, in money or in hassle.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("honesty", H), ("make-it-right", H)),
        channel=Channel.IN_PERSON,
        teams=(SHOP_FLOOR,),
    ),
    StoryTemplate(
        title="A queue photo, and a second till",
        what_happened=(
            "A customer posted a photo of our Saturday queue with a sarcastic caption. We thanked them "
            "for the nudge, opened a second till the following Saturday and posted a photo of that too. "
            "They replied with a thumbs up."
        ),
        lesson="A complaint in public is free advice if we act on it in public.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("always-the-customer", H), ("make-it-right", H)),
        channel=Channel.SOCIAL,
        teams=(SHOP_FLOOR,),
    ),
    StoryTemplate(
        title="School shoes found two branches away",
        what_happened=(
            "We had sold out of the school shoes a mother needed for the next morning. The assistant "
            "rang two of our other branches, found the size and had a pair held under her name. She "
            "collected them that evening and came in the following week to say thanks."
        ),
        lesson="'We haven't got it' is the start of the answer, not the end.",
        kind=GOOD,
        perspective=GAVE,
        tags=(("end-well", H), ("a-little-bit-more", H)),
        channel=Channel.PHONE,
        teams=(SHOP_FLOOR,),
    ),
    StoryTemplate(
        title="Followed round the shop for how he looked",
        what_happened=(
            "A security guard trailed a young man round the shop because of the way he was dressed. He "
            "had come in to buy a present for his mum and noticed every step. He paid, and told the "
            "assistant at the till that he would not be coming back."
        ),
        lesson="Suspicion is service too, just the worst kind.",
        kind=BAD,
        perspective=GAVE,
        tags=(("golden-rule", B), ("every-customer-counts", B), ("empathy", B)),
        channel=Channel.IN_PERSON,
        teams=(SHOP_FLOOR,),
    ),
)


# --- service we received, as customers --------------------------------------------------
# Each is told in two teams: we are all somebody's customer, in every team.

RECEIVED_AS_CUSTOMERS: tuple[StoryTemplate, ...] = (
    StoryTemplate(
        title="Sighed at in a very expensive restaurant",
        what_happened=(
            "For a birthday dinner I booked a restaurant that charges a small fortune for its tasting "
            "menu. The waiter sighed at our allergy questions, brought the wrong wine twice and clearly "
            "wanted us gone. At those prices even ordinary service would have disappointed; this was "
            "worse than ordinary."
        ),
        lesson="A high price raises the bar, and we hold ourselves to it when {customers} pay for our best.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("premium-means-premium", B), ("empathy", B), ("read-the-cues", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="The bank clerk who came round the counter",
        what_happened=(
            "Queueing at my bank, I watched an elderly man grow more and more confused as the clerk "
            "explained a new card reader. She noticed him staring at the floor, stopped mid-sentence, "
            "came round to his side of the counter and went through it with him step by step. Nobody "
            "in the queue minded waiting."
        ),
        lesson="She read his face, not just his question; we want to be that clerk for confused {customers}.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("read-the-cues", H), ("empathy", H), ("every-customer-counts", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SUPPORT_LINE),
    ),
    StoryTemplate(
        title="A courier who stayed late to fix a wrong delivery",
        what_happened=(
            "A parcel of mine went to the wrong street although the tracking said delivered. When I "
            "called, the driver himself rang back, said he had finished his round but would sort it, and "
            "turned up at half past eight in the evening with the parcel and an apology."
        ),
        lesson="Owning the mistake in person, not through a form, is what I remember.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("make-it-right", H), ("a-little-bit-more", H)),
        channel=Channel.PHONE,
        teams=(SUPPORT_LINE, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="The shop assistant who found the perfect present",
        what_happened=(
            "I needed a retirement present for a friend and had no idea what to get. The assistant asked "
            "what she loved doing, what she already had too much of and what I wanted to spend, then "
            "found a beautiful gardening journal I would never have looked at. It was the present of "
            "the evening."
        ),
        lesson="Three good questions did what an hour of browsing could not.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("ask-the-right-questions", H), ("empathy", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SUPPORT_LINE),
    ),
    StoryTemplate(
        title="Fifty-five minutes on hold, then cut off",
        what_happened=(
            "I spent fifty-five minutes on hold to my mobile provider, and the line dropped the moment an "
            "agent answered. Nobody rang back, although they had my number on screen. I cancelled the "
            "contract the following week."
        ),
        lesson="A dropped call is ours to repair, not the {customer}'s to redial.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("deliver-whats-on-the-tin", B), ("every-customer-counts", B)),
        channel=Channel.PHONE,
        teams=(FRONT_DESK, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="The dealership that proved it wasn't their fault",
        what_happened=(
            "A warning light came on the day after a service at a rather grand car dealership. The "
            "service advisor spent ten minutes explaining why it could not possibly be their doing. He "
            "may even have been right, but I bought my next car somewhere else."
        ),
        lesson="Winning the argument cost them the customer, and a premium badge made it sting more.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("always-the-customer", B), ("end-well", B), ("premium-means-premium", B)),
        channel=Channel.IN_PERSON,
        teams=(SUPPORT_LINE, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="A pass at the ticket office on my worst morning",
        what_happened=(
            "Running late for a train, I was short and frankly rude at the ticket office. The man behind "
            "the glass said we all have mornings like that, sold me the ticket and pointed out the quickest "
            "way to the platform. I still feel a bit ashamed, and I think of him when a {customer} snaps at me."
        ),
        lesson="The grace someone once gave us is the grace we owe the next flustered {customer}.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("pay-it-forward", H), ("imperfect-people", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="Rebooked at midnight, with a smile",
        what_happened=(
            "When our flight was cancelled close to midnight, the gate agent had a hundred angry "
            "passengers in front of her. She still found me a seat on the first morning flight and a "
            "hotel voucher, and stayed kind with every single person in that queue."
        ),
        lesson="She could not make the night good, but she made sure it ended as well as it could.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("make-it-right", H), ("end-well", H), ("every-customer-counts", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SUPPORT_LINE),
    ),
    StoryTemplate(
        title="The wrong takeaway, put right",
        what_happened=(
            "Our takeaway arrived with someone else's order. When I rang, the owner said straight out "
            "that it was their mistake, sent the right food within half an hour and told us to keep the "
            "other one too. We order from them every week now."
        ),
        lesson="A plain 'our fault' and a quick fix made a mistake into loyalty.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("make-it-right", H), ("honesty", H)),
        channel=Channel.PHONE,
        teams=(SUPPORT_LINE, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="In the way at the garage",
        what_happened=(
            "At my local garage I waited while the mechanic finished a phone call and then a cigarette "
            "before asking what I wanted, in a tone that made clear I was in the way. The repair was "
            "fine. I still went elsewhere next time."
        ),
        lesson="Good work delivered grudgingly still feels like bad service.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("celebrate-dont-tolerate", B), ("golden-rule", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SUPPORT_LINE),
    ),
    StoryTemplate(
        title="A pharmacist who rang round for us",
        what_happened=(
            "Late one evening I went to collect medicine for my feverish son and it was out of stock. The "
            "pharmacist rang three other pharmacies, found one still open and wrote the directions on the "
            "back of the bag."
        ),
        lesson="He could have stopped at 'sorry'; the next five minutes are why I trust him.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("a-little-bit-more", H), ("empathy", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="A hotel that lost my booking and blamed me",
        what_happened=(
            "I arrived at a hotel in another city to be told there was no booking, and the receptionist "
            "insisted the mistake was mine. The confirmation on my phone did not change her mind. I "
            "found a room elsewhere at midnight."
        ),
        lesson="Even when we are unsure whose mistake it is, the guest should not be the one left outside.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("honesty", B), ("make-it-right", B), ("always-the-customer", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SUPPORT_LINE),
    ),
    StoryTemplate(
        title="An online shop that did exactly what it said",
        what_happened=(
            "A small online shop said my order would arrive on Thursday, e-mailed when it left the "
            "warehouse, and it arrived on Thursday. It is a low bar, but so few clear it that I noticed, "
            "and ordered again."
        ),
        lesson="Doing precisely what was promised is rarer, and more memorable, than it should be.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("deliver-whats-on-the-tin", H),),
        channel=Channel.EMAIL,
        teams=(SUPPORT_LINE, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="The barista who knows everyone's order",
        what_happened=(
            "The barista near my bus stop remembers every regular's order and asks how their weekend "
            "went. I switched coffee shops because of him and have never gone back."
        ),
        lesson="People return to people, not to coffee.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("relationships-over-scripts", H), ("celebrate-dont-tolerate", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="Restart the router, four times",
        what_happened=(
            "Asking my broadband provider's chat about a slow connection, I was told to restart the "
            "router by four different agents, each pasting the same paragraph. Not one asked what I had "
            "already tried."
        ),
        lesson="Copying and pasting is not listening; one real question would have saved an hour.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("relationships-over-scripts", B), ("ask-the-right-questions", B)),
        channel=Channel.CHAT,
        teams=(FRONT_DESK, SUPPORT_LINE),
    ),
    StoryTemplate(
        title="Pay me next time",
        what_happened=(
            "At the corner shop I realised my wallet was at home, with milk and bread already on the "
            "counter. The owner told me to pay next time and would not hear of me putting things back. "
            "I go out of my way to shop there now."
        ),
        lesson="A little trust extended on a bad day buys years of loyalty.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("pay-it-forward", H), ("relationships-over-scripts", H)),
        channel=Channel.IN_PERSON,
        teams=(SUPPORT_LINE, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="An honest waiter on a busy night",
        what_happened=(
            "At a packed pub, the waiter told us straight away that the kitchen was forty minutes behind "
            "and suggested two dishes that would come quicker. We would have waited anyway, but hearing "
            "it up front made the wait perfectly fine."
        ),
        lesson="Expectations set honestly are expectations met.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("honesty", H), ("end-well", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SUPPORT_LINE),
    ),
    StoryTemplate(
        title="Fifty times a day, but my first time",
        what_happened=(
            "At the council office, the clerk told me before I had finished my question that she was "
            "asked it fifty times a day. She probably was. It was still my first time asking, and I "
            "left feeling foolish for it."
        ),
        lesson="Our hundredth repeat is the {customer}'s first question; the weariness is ours to manage.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("check-our-bitterness", B), ("every-customer-counts", B), ("empathy", B)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="A squeaky brake fixed for nothing",
        what_happened=(
            "I took my bike in for a squeaky brake and was told it would need booking in for next week. "
            "Then the mechanic had another look, adjusted something in two minutes and waved away "
            "payment. My full service in spring went to that shop, and so did my brother's."
        ),
        lesson="Two free minutes earned a loyal customer and a referral.",
        kind=GOOD,
        perspective=RECEIVED,
        tags=(("a-little-bit-more", H), ("relationships-over-scripts", H)),
        channel=Channel.IN_PERSON,
        teams=(FRONT_DESK, SHOP_FLOOR),
    ),
    StoryTemplate(
        title="A luxury spa that shrugged",
        what_happened=(
            "On a weekend treat at a luxury spa hotel, my massage booking had vanished, and the receptionist "
            "shrugged and offered a slot three hours later. No apology, no alternative, no gesture. At that "
            "price I expected them to fix it, not shrug."
        ),
        lesson="The more someone pays, the less a shrug is an answer.",
        kind=BAD,
        perspective=RECEIVED,
        tags=(("premium-means-premium", B), ("make-it-right", B)),
        channel=Channel.IN_PERSON,
        teams=(SUPPORT_LINE, SHOP_FLOOR),
    ),
)

TEMPLATES: tuple[StoryTemplate, ...] = (
    EVERY_TEAM
    + FRONT_DESK_ONLY
    + FRONT_DESK_MORE
    + SUPPORT_LINE_ONLY
    + SHOP_FLOOR_ONLY
    + RECEIVED_AS_CUSTOMERS
)


# --- placed stories: karma chains, the watchlist, the moderation queue ------------------

PLACED: tuple[PlacedStory, ...] = (
    # Front Desk chain: the passport, a conference and a wedding.
    PlacedStory(
        key="passport",
        team=FRONT_DESK,
        author="nora",
        days_ago=230,
        story=StoryTemplate(
            title="A forgotten passport, driven to the airport",
            what_happened=(
                "An hour after a guest left for an early flight, housekeeping found her passport in the "
                "room safe. The night porter took a taxi to the airport, found her at the check-in desk "
                "with twenty minutes to spare and came back to finish his shift."
            ),
            lesson="She would have missed the flight; we would have lost nothing by shrugging, and gained nothing either.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("make-it-right", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="Taxi there and back, paid by the hotel, and a late finish for the night porter.",
            client_nickname="the passport lady",
        ),
    ),
    PlacedStory(
        key="passport-conference",
        team=FRONT_DESK,
        author="lead",
        days_ago=120,
        story=StoryTemplate(
            title="The passport lady booked her whole conference with us",
            what_happened=(
                "The guest whose passport we drove to the airport turned out to organise events for her "
                "company. She rang to book forty rooms and the function suite for their annual conference, "
                "and said she had told the story to her whole team."
            ),
            lesson="One taxi fare came back as the biggest booking of our season.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("relationships-over-scripts", H),),
            channel=Channel.PHONE,
            client_nickname="the passport lady",
        ),
    ),
    PlacedStory(
        key="passport-wedding",
        team=FRONT_DESK,
        author="member",
        # Linked last month, so last month's retro has karma to show.
        months_ago=1,
        day_of_month=9,
        story=StoryTemplate(
            title="A wedding party sent by the passport lady",
            what_happened=(
                "A couple came in to look at the function room for their wedding and said the passport lady "
                "had told them we were the hotel that drives passports to airports. They booked the room "
                "and twenty bedrooms for their guests."
            ),
            lesson="The best advertising we ever had was a story someone else told about us.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("celebrate-dont-tolerate", H),),
            channel=Channel.IN_PERSON,
            client_nickname="the passport lady",
        ),
    ),
    # Front Desk chain: the anniversary rescued after a flight delay.
    PlacedStory(
        key="anniversary",
        team=FRONT_DESK,
        author="lead",
        days_ago=300,
        story=StoryTemplate(
            title="An anniversary rescued after a flight delay",
            what_happened=(
                "A couple arrived at eleven at night, six hours late, their anniversary dinner long gone. "
                "The receptionist asked the kitchen for a late supper, moved them to a room with a view "
                "and left a card from the team on the pillow."
            ),
            lesson="Their evening was not our fault, but how it ended was in our hands.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("end-well", H), ("empathy", H), ("a-little-bit-more", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="A late supper from the kitchen after hours and a free room upgrade.",
            client_nickname="the anniversary couple",
        ),
    ),
    PlacedStory(
        key="anniversary-return",
        team=FRONT_DESK,
        author="nora",
        days_ago=140,
        story=StoryTemplate(
            title="The anniversary couple came back",
            what_happened=(
                "The couple whose late arrival we rescued booked again for a long weekend, asked for "
                "the same room and brought chocolates for 'the night team'. They said they would not "
                "think of staying anywhere else in town."
            ),
            lesson="A bad night handled well made us their hotel.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("relationships-over-scripts", H), ("celebrate-dont-tolerate", H)),
            channel=Channel.IN_PERSON,
            client_nickname="the anniversary couple",
        ),
    ),
    # Front Desk chain: the late-night pharmacy, and a card.
    PlacedStory(
        key="pharmacy",
        team=FRONT_DESK,
        author="priya",
        days_ago=95,
        story=StoryTemplate(
            title="Finding an open pharmacy for a feverish toddler",
            what_happened=(
                "A family arrived late with a toddler running a temperature and no medicine with them. "
                "The receptionist, whose shift had just ended, stayed to ring round until she found a "
                "pharmacy open, printed a map and booked them a taxi there and back."
            ),
            lesson="Empathy at eleven at night looks like a phone and a list of numbers.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("empathy", H), ("a-little-bit-more", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="An hour and a half after the end of her shift, unpaid.",
            client_nickname="the family with the feverish toddler",
        ),
    ),
    PlacedStory(
        key="pharmacy-thanks",
        team=FRONT_DESK,
        author="priya",
        days_ago=80,
        story=StoryTemplate(
            title="A card from the toddler's family",
            what_happened=(
                "A card arrived addressed to 'the lady on reception who found the pharmacy', with a "
                "drawing of a very happy-looking child. It is pinned up in the back office now."
            ),
            lesson="Thanks like this is what keeps people going on the late shift.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("care-for-the-carers", H),),
            channel=Channel.OTHER,
            client_nickname="the family with the feverish toddler",
        ),
    ),
    # Front Desk chain where nothing good came back: kindness does not always return.
    PlacedStory(
        key="late-checkout",
        team=FRONT_DESK,
        author="member",
        days_ago=200,
        story=StoryTemplate(
            title="A free late check-out for a stressed consultant",
            what_happened=(
                "A consultant with a mid-afternoon video call asked to keep his room until four. We were "
                "nearly full, but we held the room back from the afternoon arrivals and did not charge."
            ),
            lesson="It was the right call for him, whatever came next.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("ask-the-right-questions", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="A room held back from afternoon arrivals, unpaid.",
            client_nickname="the late check-out consultant",
        ),
    ),
    PlacedStory(
        key="late-checkout-review",
        team=FRONT_DESK,
        author="member",
        days_ago=190,
        story=StoryTemplate(
            title="The consultant's review did not mention the late check-out",
            what_happened=(
                "Ten days later the consultant left a two-star review about the breakfast queue and the "
                "noise from the lift. The free afternoon did not get a mention. We replied politely and "
                "took the point about the queue to the kitchen."
            ),
            lesson="Not every kindness comes back, and it was still the right thing to do.",
            kind=BAD,
            perspective=GAVE,
            tags=(("imperfect-people", H), ("check-our-bitterness", H)),
            channel=Channel.SOCIAL,
            client_nickname="the late check-out consultant",
        ),
    ),
    # Front Desk chain: an early breakfast for a runner, and her running club (linked last month).
    PlacedStory(
        key="marathon",
        team=FRONT_DESK,
        author="ewan",
        # Over 180 days ago, yet the club's booking last month still falls inside the window.
        days_ago=195,
        story=StoryTemplate(
            title="Porridge at five for a marathon runner",
            what_happened=(
                "A guest running the city marathon came down at five, two hours before the kitchen "
                "opened, hoping for something to eat. The receptionist made her porridge and a banana "
                "in the staff kitchen and filled her water bottle on the way out."
            ),
            lesson="Her race started at our desk; we wanted it to start well.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("ask-the-right-questions", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="A breakfast made off the menu before the kitchen opened, not charged.",
            client_nickname="the marathon runner",
        ),
    ),
    PlacedStory(
        key="marathon-club",
        team=FRONT_DESK,
        author="hana",
        months_ago=1,
        day_of_month=14,
        story=StoryTemplate(
            title="The marathon runner's club booked for race weekend",
            what_happened=(
                "The secretary of a running club rang to book twelve rooms for next year's race. The "
                "runner we fed at five in the morning is a member, and had told the club about 'the "
                "hotel with the porridge'. They asked for early breakfast as part of the deal."
            ),
            lesson="One bowl of porridge became twelve rooms; the kitchen is already planning the menu.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("relationships-over-scripts", H),),
            channel=Channel.PHONE,
            client_nickname="the marathon runner",
        ),
    ),
    # Front Desk chain: a cellist and a broken lift (both in the last two retro months).
    PlacedStory(
        key="cellist",
        team=FRONT_DESK,
        author="zara",
        months_ago=2,
        day_of_month=12,
        story=StoryTemplate(
            title="A cello carried up four floors when the lift broke",
            what_happened=(
                "The lift broke down just as a touring cellist arrived with her instrument and two cases. "
                "Two of us carried the lot up to the fourth floor, the cello last and very carefully, and "
                "moved her to a lower room for the rest of her stay."
            ),
            lesson="The lift was not her problem; getting her settled was ours.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("make-it-right", H), ("a-little-bit-more", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="Two of us away from the desk for half an hour at check-in time.",
            client_nickname="the touring cellist",
        ),
    ),
    PlacedStory(
        key="cellist-tickets",
        team=FRONT_DESK,
        author="zara",
        months_ago=1,
        day_of_month=20,
        story=StoryTemplate(
            title="Concert tickets from the touring cellist",
            what_happened=(
                "An envelope came for 'the two who carried the cello' with two tickets for her concert "
                "and a note saying she had played better for a good night's sleep. We drew straws, and the "
                "winners went."
            ),
            lesson="Thanks that comes back as music is the best kind.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("care-for-the-carers", H),),
            channel=Channel.OTHER,
            client_nickname="the touring cellist",
        ),
    ),
    # Front Desk: went beyond, and nothing ever came of it. That is part of the karma rate too.
    PlacedStory(
        key="lost-ring",
        team=FRONT_DESK,
        author="luca",
        days_ago=250,
        story=StoryTemplate(
            title="A wedding ring found in the laundry bags",
            what_happened=(
                "A guest realised at check-out that her wedding ring had gone, probably wrapped in the "
                "sheets. The night porter went through twelve laundry bags before the van came and found "
                "it caught in a pillowcase. She cried, hugged him and caught her train."
            ),
            lesson="Some things cannot be replaced, so we look until we find them.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("make-it-right", H), ("empathy", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="Two hours of the night porter's shift and a late laundry collection.",
            client_nickname="the ring in the laundry",
        ),
    ),
    PlacedStory(
        key="declined-card",
        team=FRONT_DESK,
        author="zara",
        days_ago=150,
        karma_closed_after_days=110,
        story=StoryTemplate(
            title="A taxi fare lent to a student whose card was declined",
            what_happened=(
                "A student's card was declined for the taxi to her early train home, and her bank would "
                "not open for hours. The receptionist lent her the fare from the desk float against a "
                "promise to pay it back online."
            ),
            lesson="We would rather risk a fare than leave a young woman stranded at dawn.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("pay-it-forward", H), ("empathy", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="A taxi fare from the desk float, never paid back.",
            client_nickname="the student with the declined card",
        ),
    ),
    # Support Line chain: a bakery's till, a referral and an upgrade.
    PlacedStory(
        key="bakery",
        team=SUPPORT_LINE,
        author="tom",
        days_ago=260,
        story=StoryTemplate(
            title="Stayed on after closing to rescue a bakery's card machine",
            what_happened=(
                "A bakery owner rang five minutes before the line closed: her card machine had stopped "
                "and she had a market stall at dawn. The agent stayed on for an hour and a half, walked "
                "her through a full reset and did not log it as a paid call-out."
            ),
            lesson="Her whole next day depended on that call; the clock could wait.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("make-it-right", H)),
            channel=Channel.PHONE,
            went_beyond=True,
            cost_note="Ninety minutes after closing, unpaid, and the call-out fee waived.",
            client_nickname="the corner bakery",
        ),
    ),
    PlacedStory(
        key="bakery-referral",
        team=SUPPORT_LINE,
        author="sam",
        days_ago=170,
        story=StoryTemplate(
            title="The corner bakery sent us the traders' association",
            what_happened=(
                "The chair of the local traders' association rang to ask about accounts for eleven shops. "
                "She said the bakery owner would not stop talking about the night we stayed late for her."
            ),
            lesson="One small business told ten others; that is how reputations really travel.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("relationships-over-scripts", H),),
            channel=Channel.PHONE,
            client_nickname="the corner bakery",
        ),
    ),
    PlacedStory(
        key="bakery-upgrade",
        team=SUPPORT_LINE,
        author="tom",
        days_ago=75,
        story=StoryTemplate(
            title="The corner bakery moved to the business plan",
            what_happened=(
                "Opening a second shop, the bakery owner moved both sites to our business plan and asked "
                "for the same agent to help set it up. He did, in working hours this time."
            ),
            lesson="Good service given when it cost us came back as a bigger account.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("relationships-over-scripts", H), ("celebrate-dont-tolerate", H)),
            channel=Channel.PHONE,
            client_nickname="the corner bakery",
        ),
    ),
    # Support Line chain: a complaint to the regulator, withdrawn.
    PlacedStory(
        key="regulator",
        team=SUPPORT_LINE,
        author="sam",
        days_ago=150,
        story=StoryTemplate(
            title="A double charge, refunded before the regulator got involved",
            what_happened=(
                "A furious customer said he was writing to the regulator about being charged twice. The "
                "agent did not argue about the process: she admitted the error, refunded the whole month "
                "instead of the duplicate alone and explained exactly how it had happened."
            ),
            lesson="Admitting the mistake plainly took the heat out faster than any explanation of policy.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("honesty", H), ("make-it-right", H), ("always-the-customer", H)),
            channel=Channel.PHONE,
            went_beyond=True,
            cost_note="A full month refunded, not just the duplicate charge.",
            client_nickname="the regulator letter",
        ),
    ),
    PlacedStory(
        key="regulator-withdrawn",
        team=SUPPORT_LINE,
        author="moderator",
        days_ago=130,
        story=StoryTemplate(
            title="The regulator complaint was withdrawn",
            what_happened=(
                "The customer who had threatened the regulator wrote to say he had withdrawn his complaint, "
                "and apologised for how angry he had been on the phone."
            ),
            lesson="Being served with grace while angry is something people remember.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("end-well", H),),
            channel=Channel.EMAIL,
            client_nickname="the regulator letter",
        ),
    ),
    # Support Line chain: a spare charger and a public thank-you.
    PlacedStory(
        key="charger",
        team=SUPPORT_LINE,
        author="priya",
        days_ago=110,
        story=StoryTemplate(
            title="A spare charger posted from the office drawer",
            what_happened=(
                "A student's tablet would not charge the week before her exams, and the replacement cable "
                "was out of stock for a fortnight. The agent posted her a spare from the office drawer that "
                "afternoon."
            ),
            lesson="The fastest fix was sitting in a drawer; policy did not need to be asked.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("empathy", H)),
            channel=Channel.CHAT,
            went_beyond=True,
            cost_note="A charger from the office drawer and the postage.",
            client_nickname="the student with the dead tablet",
        ),
    ),
    PlacedStory(
        key="charger-thanks",
        team=SUPPORT_LINE,
        author="priya",
        days_ago=100,
        story=StoryTemplate(
            title="A public thank-you from the student",
            what_happened=(
                "The student posted a photo of the charger with a thank-you to 'whoever packs the envelopes "
                "at support', and it was shared far more widely than anything our marketing posted that month."
            ),
            lesson="Small kindness travels further than campaigns.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("celebrate-dont-tolerate", H),),
            channel=Channel.SOCIAL,
            client_nickname="the student with the dead tablet",
        ),
    ),
    # Shop Floor chain: the perfect gift, the family, the bowls club.
    PlacedStory(
        key="gift",
        team=SHOP_FLOOR,
        author="jack",
        days_ago=330,
        story=StoryTemplate(
            title="The perfect present for a nervous grandfather",
            what_happened=(
                "An older gentleman said he had no idea what to buy his granddaughter for her first flat. "
                "The assistant asked what she liked, what she was short of and what he wanted to spend, and "
                "together they chose a set of good knives and a cookbook. He gift-wrapped it for free, well "
                "after closing time."
            ),
            lesson="Asking the right questions made a worried shopper a happy one.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("ask-the-right-questions", H), ("a-little-bit-more", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="Free gift-wrapping and twenty minutes past closing.",
            client_nickname="the bowls-club grandad",
        ),
    ),
    PlacedStory(
        key="gift-family",
        team=SHOP_FLOOR,
        author="grace",
        days_ago=260,
        story=StoryTemplate(
            title="The grandad brought the whole family",
            what_happened=(
                "The gentleman we helped with the present came back with his daughter and two "
                "grandchildren and asked for 'the young man with the good questions'. They spent the "
                "afternoon with us."
            ),
            lesson="People come back for the person, not the shop.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("relationships-over-scripts", H),),
            channel=Channel.IN_PERSON,
            client_nickname="the bowls-club grandad",
        ),
    ),
    PlacedStory(
        key="gift-bowls",
        team=SHOP_FLOOR,
        author="jack",
        days_ago=190,
        story=StoryTemplate(
            title="Prizes for the whole bowls club",
            what_happened=(
                "The grandad turned out to be treasurer of his bowls club, and came in to order the prizes "
                "for their tournament: thirty engraved glasses and a trophy. He said there was no question "
                "where the order would go."
            ),
            lesson="Karma, with engraving.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("relationships-over-scripts", H), ("celebrate-dont-tolerate", H)),
            channel=Channel.IN_PERSON,
            client_nickname="the bowls-club grandad",
        ),
    ),
    # Shop Floor chain: a wrong delivery put right, and a fit-out.
    PlacedStory(
        key="delivery",
        team=SHOP_FLOOR,
        author="outsider",
        days_ago=180,
        story=StoryTemplate(
            title="A wrong delivery driven across town after closing",
            what_happened=(
                "Our carrier delivered a café's chairs to the wrong address, the day before their opening. "
                "The assistant loaded the right ones into his own car after closing and had them there by "
                "eight, then helped carry them in."
            ),
            lesson="Our carrier's mistake was still our customer's problem, so it was ours.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("make-it-right", H), ("a-little-bit-more", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="His own car, fuel and an evening.",
            client_nickname="the café on the hill",
        ),
    ),
    PlacedStory(
        key="delivery-fitout",
        team=SHOP_FLOOR,
        author="grace",
        days_ago=60,
        story=StoryTemplate(
            title="The café on the hill ordered its second fit-out from us",
            what_happened=(
                "The café owner opened a second site and ordered all its furniture, lighting and tableware "
                "from us, without asking anyone else for a quote."
            ),
            lesson="An evening's drive turned into our biggest order of the quarter.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("relationships-over-scripts", H),),
            channel=Channel.EMAIL,
            client_nickname="the café on the hill",
        ),
    ),
    # Shop Floor chain: pay next week, and a sister.
    PlacedStory(
        key="red-scarf",
        team=SHOP_FLOOR,
        author="outsider",
        days_ago=70,
        story=StoryTemplate(
            title="Her shopping on trust until next week",
            what_happened=(
                "A regular with a red scarf found at the till that her purse was at home. Rather than have "
                "her put everything back, the assistant said to pay next time, and wrote it in the book."
            ),
            lesson="A bad day is not the time to make someone feel like a risk.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("pay-it-forward", H), ("relationships-over-scripts", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="A full basket of shopping on trust for a week.",
            client_nickname="the red-scarf lady",
        ),
    ),
    PlacedStory(
        key="red-scarf-sister",
        team=SHOP_FLOOR,
        author="outsider",
        days_ago=63,
        story=StoryTemplate(
            title="The red-scarf lady paid, and brought her sister",
            what_happened=(
                "A week later she came back to settle up, with her sister, who had heard the story and "
                "wanted to see 'the shop that trusts people'. They both left with full bags."
            ),
            lesson="Trust extended came back paid, with a new customer attached.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("celebrate-dont-tolerate", H),),
            channel=Channel.IN_PERSON,
            client_nickname="the red-scarf lady",
        ),
    ),
    # The karma watchlist: "went beyond" stories of 30 to 90 days with no sequel yet.
    PlacedStory(
        key="interview-shirt",
        team=FRONT_DESK,
        author="member",
        days_ago=38,
        story=StoryTemplate(
            title="A shirt pressed before a job interview",
            what_happened=(
                "A young guest came down at half past seven in a creased shirt, with an interview at nine "
                "and no iron in his room. The receptionist borrowed the night porter's iron and pressed it "
                "in the back office while he had breakfast."
            ),
            lesson="Ten minutes of ironing might have changed his year.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("empathy", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="Twenty minutes away from the desk in the morning rush.",
            client_nickname="the interview shirt",
        ),
    ),
    PlacedStory(
        key="laptop-charger",
        team=FRONT_DESK,
        author="nora",
        days_ago=64,
        story=StoryTemplate(
            title="A laptop charger sent on by courier",
            what_happened=(
                "A travelling sales rep left his laptop charger plugged in behind the bed and rang from the "
                "next city in a panic before a pitch. We sent it on by next-day courier and did not bill him."
            ),
            lesson="Solving the problem mattered more to him than who paid the courier.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("make-it-right", H), ("a-little-bit-more", H)),
            channel=Channel.PHONE,
            went_beyond=True,
            cost_note="Next-day courier, paid by the hotel.",
            client_nickname="the travelling sales rep",
        ),
    ),
    PlacedStory(
        key="choir-coach",
        team=FRONT_DESK,
        author="lead",
        days_ago=88,
        story=StoryTemplate(
            title="Sandwiches for a choir stuck on the motorway",
            what_happened=(
                "A coach carrying a touring choir arrived three hours late, long after the kitchen had "
                "closed. The duty manager asked a chef to stay on, and forty sandwiches and a vat of soup "
                "were waiting in the lounge."
            ),
            lesson="They arrived tired and hungry and went to bed singing.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("celebrate-dont-tolerate", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="A chef's overtime and supper on the house.",
            client_nickname="the touring choir",
        ),
    ),
    PlacedStory(
        # The issue 5 walkthrough: `member` logs this story's sequel, and the nickname
        # brings it up in the suggestions. No other story has that nickname.
        key="umbrella",
        team=FRONT_DESK,
        author="member",
        days_ago=41,
        story=StoryTemplate(
            title="Our last good umbrella, lent in a downpour",
            what_happened=(
                "A guest heading to a funeral in a thin suit stood at the door watching the rain. We lent "
                "him the best umbrella from the stand, knowing we would probably never see it again."
            ),
            lesson="It was only an umbrella, and it was exactly what that day needed.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("empathy", H), ("read-the-cues", H)),
            channel=Channel.IN_PERSON,
            went_beyond=True,
            cost_note="One good umbrella.",
            client_nickname="the umbrella man",
        ),
    ),
    PlacedStory(
        key="video-call",
        team=SUPPORT_LINE,
        author="tom",
        days_ago=45,
        story=StoryTemplate(
            title="A grandmother's first video call",
            what_happened=(
                "A caller asked whether we could help her join her grandson's birthday video call, though "
                "it had nothing to do with her broadband. The agent talked her through it, stayed on until "
                "she could see him and then quietly hung up."
            ),
            lesson="Not our product, entirely our customer.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("every-customer-counts", H)),
            channel=Channel.PHONE,
            went_beyond=True,
            cost_note="Half an hour of a busy morning queue.",
            client_nickname="the video-call grandmother",
        ),
    ),
    PlacedStory(
        key="bride-shoes",
        team=SHOP_FLOOR,
        author="grace",
        days_ago=50,
        story=StoryTemplate(
            title="Opened early for a bride's shoes",
            what_happened=(
                "A bride's sister rang at seven in the morning: the wedding shoes were still in our "
                "alteration room. The store manager came in early, opened up and handed them over at the door."
            ),
            lesson="Our opening hours are ours; her wedding day was hers.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("make-it-right", H)),
            channel=Channel.PHONE,
            went_beyond=True,
            cost_note="An early start and an unpaid key-holder call-out.",
            client_nickname="the bride's sister",
        ),
    ),
    # The moderation queue for the Front Desk lead.
    PlacedStory(
        key="bus-stop",
        team=FRONT_DESK,
        author="member",
        days_ago=2,
        status=Status.PENDING,
        story=StoryTemplate(
            title="Walked a guest to the bus stop in the rain",
            what_happened=(
                "An elderly guest was unsure which bus to take to the station. The receptionist took an "
                "umbrella, walked her to the right stop and waited with her until the bus came."
            ),
            lesson="Two minutes outside the building saved her an anxious hour.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("a-little-bit-more", H), ("every-customer-counts", H)),
            channel=Channel.IN_PERSON,
        ),
    ),
    PlacedStory(
        key="glasses",
        team=FRONT_DESK,
        author="nora",
        days_ago=1,
        status=Status.PENDING,
        held_for_personal_data=True,
        story=StoryTemplate(
            title="Reading glasses found in the lounge",
            what_happened=(
                "A guest left her reading glasses in the lounge and asked us to ring her on 07700 900461 or "
                "write to reading.glasses@example.com when they turned up. Housekeeping found them this "
                "morning and we have posted them back."
            ),
            lesson="Lost property is a second chance to look after a guest.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("deliver-whats-on-the-tin", H),),
            channel=Channel.PHONE,
        ),
    ),
    PlacedStory(
        key="coach-driver",
        team=FRONT_DESK,
        author="priya",
        days_ago=4,
        status=Status.PENDING,
        story=StoryTemplate(
            title="Breakfast for a coach driver we were not expecting",
            what_happened=(
                "A coach driver waiting for his party was not on our guest list and not entitled to "
                "breakfast. The receptionist noticed he had been outside since six and brought him in for "
                "coffee and toast."
            ),
            lesson="The person waiting outside is somebody's customer too.",
            kind=GOOD,
            perspective=GAVE,
            tags=(("golden-rule", H), ("read-the-cues", H)),
            channel=Channel.IN_PERSON,
        ),
    ),
    PlacedStory(
        key="room-vent",
        team=FRONT_DESK,
        author="nora",
        days_ago=6,
        status=Status.REJECTED,
        rejection_reason=(
            "Please take out the guest's surname and room number, and tell us what happened rather than "
            "what you think of him; then send it again."
        ),
        story=StoryTemplate(
            title="Mr Hartley in room 214, rude again",
            what_happened=(
                "Mr Hartley in room 214 shouted at me about the wifi for the third night running. Honestly "
                "some guests should just stay at home."
            ),
            lesson="",
            kind=BAD,
            perspective=GAVE,
            tags=(("check-our-bitterness", B),),
            channel=Channel.IN_PERSON,
        ),
    ),
)

CHAINS: tuple[ChainSpec, ...] = (
    ChainSpec(
        "passport",
        (("passport-conference", SequelOutcome.BIGGER_ORDER), ("passport-wedding", SequelOutcome.REFERRAL)),
    ),
    ChainSpec("anniversary", (("anniversary-return", SequelOutcome.CLIENT_RETURNED),)),
    ChainSpec("pharmacy", (("pharmacy-thanks", SequelOutcome.THANKS),)),
    ChainSpec("late-checkout", (("late-checkout-review", SequelOutcome.OTHER),)),
    ChainSpec("marathon", (("marathon-club", SequelOutcome.REFERRAL),)),
    ChainSpec("cellist", (("cellist-tickets", SequelOutcome.THANKS),)),
    ChainSpec(
        "bakery",
        (("bakery-referral", SequelOutcome.REFERRAL), ("bakery-upgrade", SequelOutcome.BIGGER_ORDER)),
    ),
    ChainSpec("regulator", (("regulator-withdrawn", SequelOutcome.COMPLAINT_WITHDRAWN),)),
    ChainSpec("charger", (("charger-thanks", SequelOutcome.THANKS),)),
    ChainSpec(
        "gift", (("gift-family", SequelOutcome.CLIENT_RETURNED), ("gift-bowls", SequelOutcome.BIGGER_ORDER))
    ),
    ChainSpec("delivery", (("delivery-fitout", SequelOutcome.BIGGER_ORDER),)),
    ChainSpec("red-scarf", (("red-scarf-sister", SequelOutcome.REFERRAL),)),
)


# --- Front Desk retros for the last two complete months ---------------------------------

RETROS: tuple[RetroSpec, ...] = (
    RetroSpec(
        team=FRONT_DESK,
        months_ago=2,
        notes=(
            "Strong month for making things right after our own mistakes. The phone still rings out when "
            "one person covers the desk and the bar; that needs a rota answer, not more effort."
        ),
        actions=(
            ActionSpec(
                "Put a bell and a 'back in two minutes' card on the desk for changeovers", "lead", 10, True
            ),
            ActionSpec(
                "Draft a Sunday rota so the desk is never covered by one person alone", "lead", 30, False
            ),
        ),
        votes=(("member", 2), ("lead", 1), ("nora", 2)),
    ),
    RetroSpec(
        team=FRONT_DESK,
        months_ago=1,
        notes=(
            "Lots of small extras this month, and two stories where a question at check-in changed the "
            "whole stay. Karma came back twice: the running club's booking and the cellist's tickets. "
            "The shared reservations inbox is still nobody's job."
        ),
        actions=(
            ActionSpec("Name an owner for the reservations inbox on every shift", "member", 14, False),
            ActionSpec("Add 'what brings you here?' to the check-in checklist", "member", 21, True),
            ActionSpec(
                "Ask housekeeping to log lost property in the shared sheet the same day", "lead", 28, False
            ),
        ),
        votes=(("member", 3), ("lead", 2), ("priya", 1)),
    ),
)
