"""Teams get a country, guiding how the personal-data guard reads local phone numbers."""

from django.db import migrations, models

import stories.teams.countries


def fill_from_time_zone(apps, schema_editor):
    Team = apps.get_model("stories", "Team")
    for team in Team.objects.filter(country=""):
        team.country = stories.teams.countries.country_for_time_zone(team.time_zone)
        if team.country:
            team.save(update_fields=["country"])


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0008_teams_run_themselves"),
    ]

    operations = [
        migrations.AddField(
            model_name="team",
            name="country",
            field=models.CharField(
                blank=True,
                choices=stories.teams.countries.country_choices,
                default="",
                help_text="Guides how local phone numbers are recognised in stories. Defaults to the time zone's country.",
                max_length=2,
                verbose_name="country",
            ),
        ),
        migrations.RunPython(fill_from_time_zone, migrations.RunPython.noop),
    ]
