"""`manage.py seed_demo`: the demo organisation, for development and `make run` only.

The demo itself is built by stories/demo/builder.py from stories/demo/data.py.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from stories.demo import data as demo_data
from stories.demo.builder import DEBUG_ONLY_MESSAGE, DemoWriter, Written, ensure_people, ensure_teams
from stories.models import Status, Story


class Command(BaseCommand):
    help = "Create the demo teams, accounts and a year of service stories (DEBUG only; safe to re-run)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(DEBUG_ONLY_MESSAGE)
        with transaction.atomic():
            teams, added_teams = ensure_teams()
            users, existing, added_people = ensure_people(teams)
            if Story.objects.filter(team__in=teams.values()).exists():
                written = None
            else:
                written = DemoWriter(teams, users).write()
        if options["verbosity"] >= 1:
            self.report(written, existing, added_teams + added_people)

    def report(self, written: Written | None, existing: set[str], added: int) -> None:
        if written is None and added:
            self.stdout.write(
                f"Demo stories already present; added {added} missing teams, accounts or memberships."
            )
        elif written is None:
            self.stdout.write("Demo data already present: nothing changed.")
        else:
            stories = written.stories
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo data created: {len(demo_data.TEAMS)} teams, {len(demo_data.USERS)} people, "
                    f"{stories.total()} stories over the last {demo_data.MONTHS} months "
                    f"({stories[Status.PUBLISHED]} published, {stories[Status.PENDING]} pending, "
                    f"{stories[Status.REJECTED]} rejected), {written.links} karma links, "
                    f"{written.retros} retros with {written.action_items} action items and {written.votes} votes."
                )
            )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password: {demo_data.PASSWORD}):")
        width = max(len(spec.username) for spec in demo_data.USERS)
        for spec in demo_data.USERS:
            self.stdout.write(f"  {spec.username:<{width}}  {spec.role}")
        if existing and written is not None:
            self.stdout.write(
                "Accounts that already existed were left as they were: " + ", ".join(sorted(existing))
            )
