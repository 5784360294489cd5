"""Full-text search: a team's language, each story's stored search document and its GIN index.

The column exists everywhere (SQLite keeps it NULL); the GIN index and the filling are
PostgreSQL's only.
"""

import django.contrib.postgres.search
from django.db import migrations, models

import stories.teams.models
from stories.log.search import refresh_search_documents

# story_list's `?q=`, the sequel type-ahead and the karma suggestions:
# WHERE search_document @@ websearch_to_tsquery(<team's config>, %s) [&& to_tsquery(... ':*')]
CREATE_INDEX = "CREATE INDEX story_search_document_idx ON stories_story USING gin (search_document)"
DROP_INDEX = "DROP INDEX IF EXISTS story_search_document_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_INDEX)


def fill_documents(apps, schema_editor):
    # The app's own function, so the document is built exactly as the app builds it.
    Story = apps.get_model("stories", "Story")
    if Story.objects.exists():
        refresh_search_documents(Story.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("stories", "0009_team_country"),
    ]

    operations = [
        migrations.AddField(
            model_name="team",
            name="language",
            field=models.CharField(
                choices=stories.teams.models.language_choices,
                default="en",
                help_text="Search finds the forms of a word in this language: 'refunds' finds 'refund'.",
                max_length=8,
                verbose_name="language of the stories",
            ),
        ),
        migrations.AddField(
            model_name="story",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_index, drop_index, elidable=False),
        migrations.RunPython(fill_documents, migrations.RunPython.noop),
    ]
