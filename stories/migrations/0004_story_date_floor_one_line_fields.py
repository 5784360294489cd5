"""Repair what the new rules refuse, then enforce them.

Story dates before 2000-01-01 (a date picker's year 0001) or after the day the story was
logged become the day it was logged: that is when it happened at the latest, and it keeps the
story in a month every page can name. Line breaks and control characters in one-line text
become single spaces.
"""

import datetime

import stories.core.text
from django.conf import settings
from django.db import migrations, models


FLOOR = datetime.date(2000, 1, 1)
ONE_LINE_FIELDS = {
    "story": ("title", "cost_note", "client_nickname"),
    "team": ("name",),
    "principle": ("name", "summary", "prompt"),
    "actionitem": ("text",),
}


def repair_dates(apps, schema_editor):
    Story = apps.get_model("stories", "Story")
    for pk, happened_on, created_at in Story.objects.values_list("pk", "happened_on", "created_at").iterator():
        logged_on = max(created_at.date(), FLOOR)
        # A day of leeway: the team's zone may be ahead of UTC.
        if happened_on < FLOOR or happened_on > logged_on + datetime.timedelta(days=1):
            Story.objects.filter(pk=pk).update(happened_on=logged_on)


def repair_one_line_fields(apps, schema_editor):
    for model_name, fields in ONE_LINE_FIELDS.items():
        model = apps.get_model("stories", model_name)
        for row in model.objects.values("pk", *fields).iterator():
            changed = {
                field: stories.core.text.one_line(row[field])
                for field in fields
                if stories.core.text.CONTROL_CHARACTERS.search(row[field] or "")
            }
            if changed:
                model.objects.filter(pk=row["pk"]).update(**changed)


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0003_karma_reminder_skipped'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='actionitem',
            name='text',
            field=models.CharField(max_length=300, validators=[stories.core.text.OneLineValidator()], verbose_name='action'),
        ),
        migrations.AlterField(
            model_name='principle',
            name='name',
            field=models.CharField(max_length=80, validators=[stories.core.text.OneLineValidator()], verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='principle',
            name='prompt',
            field=models.CharField(help_text='A question that helps staff recognise the principle in a story.', max_length=200, validators=[stories.core.text.OneLineValidator()], verbose_name='question'),
        ),
        migrations.AlterField(
            model_name='principle',
            name='summary',
            field=models.CharField(max_length=200, validators=[stories.core.text.OneLineValidator()], verbose_name='one-line summary'),
        ),
        migrations.AlterField(
            model_name='story',
            name='client_nickname',
            field=models.CharField(blank=True, help_text="A team-local label such as 'the red-scarf lady', never a real name.", max_length=60, validators=[stories.core.text.OneLineValidator()], verbose_name='client nickname'),
        ),
        migrations.AlterField(
            model_name='story',
            name='cost_note',
            field=models.CharField(blank=True, max_length=200, validators=[stories.core.text.OneLineValidator()], verbose_name='what it cost us'),
        ),
        migrations.AlterField(
            model_name='story',
            name='title',
            field=models.CharField(max_length=120, validators=[stories.core.text.OneLineValidator()], verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='team',
            name='name',
            field=models.CharField(max_length=100, validators=[stories.core.text.OneLineValidator()], verbose_name='name'),
        ),
        migrations.RunPython(repair_dates, migrations.RunPython.noop),
        migrations.RunPython(repair_one_line_fields, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='story',
            constraint=models.CheckConstraint(condition=models.Q(('happened_on__gte', datetime.date(2000, 1, 1))), name='story_happened_on_floor', violation_error_message='The date cannot be before 1 January 2000.'),
        ),
    ]
