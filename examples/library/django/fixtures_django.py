# Reference fixtures for Quarry's dumpdata, written by real Django (3.2, Debian's python3-django).
#
# Writes two files that Quarry's tests compare its own dumpdata output with, byte for byte:
#   examples/library/src/test/resources/library.json
#       the guide's sample data (guide_queries.py's models and load(), the same TSV files as SampleData), every
#       review's created_at set to 2024-03-01T10:20:30.250Z, dumped with
#       `dumpdata library.Author library.Tag library.Book library.Review --indent 2`;
#       LibraryFixturesTest loads it with @Fixtures and dumps it back.
#   quarry-core/src/test/resources/dev/quarry/fixtures/django_kinds.json
#       two rows of a model with one field of every scalar kind (the Kinds model of FixturesDjangoTest, here in
#       the app "library" that guide_queries.py installs), dumped compact (`dumpdata library.Kinds`).
#
# How to run (from this directory):
#   /usr/bin/python3 fixtures_django.py
#
# Django facts these files show (and Quarry's tests rely on):
# - the layout: "[" then objects separated by ", " (compact) or ",\n" with each object indented (--indent N),
#   keys "model", "pk", "fields"; non-ASCII text as it is (ensure_ascii=False);
# - model labels are "app_label.modelname"; a foreign key is the target's key; a many-to-many field is a list of
#   keys (here in the order of the link rows, ascending keys); the primary key is not repeated in "fields";
# - rows in primary key order; models in the app's registration order (dumpdata sorts by dependency only with
#   --natural-foreign; Quarry always writes a model after those it refers to, which on these models is the same);
# - decimals as text with the field's places ("12.50"); dates ISO; aware datetimes in UTC with "Z"; times ISO;
#   the fraction of a second cut to milliseconds (Django's DjangoJSONEncoder; Quarry writes six digits when the
#   value has microseconds, so the rows compared here have whole milliseconds); durations as "1 02:03:04.005000";
#   UUIDs as text; bytes in base64; booleans and numbers as JSON; floats as Python's repr.
# - Django has no naive DateTimeField under USE_TZ=True: Quarry's LocalDateTime is written as Django writes one
#   with USE_TZ=False (no "Z"); the compared row leaves it NULL.

import io
import os
import sys
import uuid
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

# guide_queries.py configures Django (app "library", in-memory SQLite) and defines the guide's models and load().
from guide_queries import Review, load as load_library_rows  # noqa: E402  (first: it configures Django)
from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, models  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LIBRARY_OUT = os.path.join(HERE, '..', 'src', 'test', 'resources', 'library.json')
KINDS_OUT = os.path.join(HERE, '..', '..', '..', 'quarry-core', 'src', 'test', 'resources', 'dev', 'quarry', 'fixtures',
                         'django_kinds.json')

# Instants are written with "Z" only with time zones on (guide_queries.py runs without); set before any row exists.
settings.USE_TZ = True
# dumpdata skips an app without a models module; the app's models are defined in scripts.
apps.get_app_config('library').models_module = sys.modules['library']


class Kinds(models.Model):
    name = models.CharField(max_length=40)
    text = models.TextField(null=True)
    number = models.IntegerField(null=True)
    small = models.SmallIntegerField(null=True)
    rating = models.PositiveSmallIntegerField(null=True)
    big = models.BigIntegerField(null=True)
    flag = models.BooleanField(null=True)
    ratio = models.FloatField(null=True)
    price = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    day = models.DateField(null=True)
    at = models.DateTimeField(null=True)
    local = models.DateTimeField(null=True)
    time = models.TimeField(null=True)
    length = models.DurationField(null=True)
    uuid = models.UUIDField(null=True)
    data = models.BinaryField(null=True)
    color = models.CharField(max_length=5, null=True)
    priority = models.SmallIntegerField(null=True)
    email = models.EmailField(null=True)
    ip = models.GenericIPAddressField(null=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = 'library'


def load_library():
    load_library_rows()
    Review.objects.update(created_at=datetime(2024, 3, 1, 10, 20, 30, 250000, tzinfo=timezone.utc))


def load_kinds():
    # The same values as FixturesDjangoTest.rows(); fractions of seconds in whole milliseconds.
    Kinds.objects.create(
        id=1, name='full', text='line one\nline "two" \u2014 \u00fcn\u00efcode', number=-2000000000, small=-300, rating=5,
        big=9000000000000000000, flag=True, ratio=0.1, price=Decimal('12.50'), day=date(2024, 2, 29),
        at=datetime(2024, 2, 29, 13, 45, 10, 123000, tzinfo=timezone.utc), local=None, time=time(9, 30, 0, 5000),
        length=timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5000),
        uuid=uuid.UUID('12345678-1234-5678-1234-567812345678'), data=bytes([0, 1, 2, 255, ord('q')]), color='BLUE',
        priority=30, email='ann@example.com', ip='192.0.2.1')
    Kinds.objects.create(id=2, name='nulls')
    Kinds.objects.update(created=datetime(2024, 3, 1, 10, 20, 30, tzinfo=timezone.utc))
    # Negative durations: Django's days are floored, "-1 23:59:59" is minus one second.
    assert Kinds._meta.get_field('length').value_to_string(Kinds(length=timedelta(seconds=-1))) == '-1 23:59:59'


def dump(labels, path, **options):
    out = io.StringIO()
    call_command('dumpdata', *labels, stdout=out, **options)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(out.getvalue())


load_library()
with connection.schema_editor() as editor:
    editor.create_model(Kinds)
load_kinds()
dump(['library.Author', 'library.Tag', 'library.Book', 'library.Review'], LIBRARY_OUT, indent=2)
dump(['library.Kinds'], KINDS_OUT)
