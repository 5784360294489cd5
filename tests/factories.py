"""factory_boy factories for the domain; principles come from the data migration."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from stories.models import (
    ActionItem,
    Channel,
    Kind,
    Membership,
    ModerationMode,
    Perspective,
    Principle,
    Retro,
    Role,
    SequelLink,
    SequelOutcome,
    Status,
    Story,
    StoryPrinciple,
    Team,
    Verdict,
)

PASSWORD = "service-retro"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    first_name = factory.Faker("first_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Team {n}")
    slug = factory.Sequence(lambda n: f"team-{n}")
    time_zone = "Europe/London"
    moderation_mode = ModerationMode.POST


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Role.MEMBER


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story
        skip_postgeneration_save = True

    team = factory.SubFactory(TeamFactory)
    author = factory.SubFactory(UserFactory)
    kind = Kind.GOOD
    perspective = Perspective.GAVE
    title = factory.Sequence(lambda n: f"Story number {n}")
    what_happened = "A customer came in with a problem and we helped."
    lesson = "Listening first made the difference."
    happened_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))
    channel = Channel.IN_PERSON
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        """tags=[("empathy", "honoured"), ...] attaches principle tags by slug."""
        if not create or not extracted:
            return
        for slug, verdict in extracted:
            StoryPrinciple.objects.create(
                story=obj, principle=Principle.objects.get(slug=slug), verdict=Verdict(verdict)
            )


class RetroFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Retro

    team = factory.SubFactory(TeamFactory)
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    retro = factory.SubFactory(RetroFactory)
    team = factory.SelfAttribute("retro.team")
    text = factory.Sequence(lambda n: f"Action {n}")


class SequelLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SequelLink

    original = factory.SubFactory(StoryFactory)
    sequel = factory.SubFactory(StoryFactory, team=factory.SelfAttribute("..original.team"))
    outcome = SequelOutcome.CLIENT_RETURNED
