from django.db import migrations


def load_catalogue(apps, schema_editor):
    from stories.teams.principles import CATALOGUE

    Principle = apps.get_model("stories", "Principle")
    for position, entry in enumerate(CATALOGUE, start=1):
        Principle.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                "position": position,
                "name": entry["name"],
                "summary": entry["summary"],
                "description": entry["description"],
                "prompt": entry["prompt"],
            },
        )


def unload_catalogue(apps, schema_editor):
    # Principles already on stories are protected; only an unused catalogue can be removed.
    apps.get_model("stories", "Principle").objects.filter(tags__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, unload_catalogue)]
