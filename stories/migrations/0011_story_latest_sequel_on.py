"""Stories store the day of their latest published sequel: the karma ledger's order, read off an index."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import Max, OuterRef, Subquery


def fill_latest_sequel_on(apps, schema_editor):
    Story = apps.get_model("stories", "Story")
    SequelLink = apps.get_model("stories", "SequelLink")
    latest = (
        SequelLink.objects.filter(original=OuterRef("pk"), sequel__status="published")
        .order_by()
        .values("original")
        .annotate(day=Max("sequel__happened_on"))
        .values("day")[:1]
    )
    Story.objects.filter(first_sequel_on__isnull=False).update(latest_sequel_on=Subquery(latest))


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0010_story_search_document"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="story",
            name="latest_sequel_on",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill_latest_sequel_on, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                models.F("team"),
                models.OrderBy(models.F("latest_sequel_on"), descending=True),
                models.OrderBy(models.F("happened_on"), descending=True),
                models.OrderBy(models.F("id"), descending=True),
                condition=models.Q(("latest_sequel_on__isnull", False)),
                name="story_team_latest_sequel_idx",
            ),
        ),
    ]
