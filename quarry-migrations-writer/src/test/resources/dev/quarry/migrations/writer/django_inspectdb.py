# Django 3.2's inspectdb on the schema InspectDbTest builds (its SQLite form, in sqlite.sql beside this
# file). Run: /usr/bin/python3 django_inspectdb.py ; prints Django's model source. Facts InspectDbTest relies on (Django 3.2 output):
# - a foreign key column author_id becomes the field author, DO_NOTHING; a unique one is a OneToOneField
#   (Passport.holder); an auto-increment id is left to the model; a primary key other than id is kept with
#   primary_key=True (Tag.code); a unique column is unique=True; names, lengths and NULL as declared.
# - Book.author and Book.editor both point at Author and Django 3.2 gives neither a related_name, so both
#   would get the reverse accessor book_set (a clash). Quarry gives the second key relatedName
#   "<model>_<field>_set" (book_editor_set), so the generated models load.
# - Django 3.2 does not see the (author_id, title) unique constraint on SQLite; Quarry writes uniqueTogether.
import io
import os
import sys

# The differential scripts' shared Django setup, in quarry-core (quarry-core/src/test/python/django_memory.py).
REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), *['..'] * 8)  # the repository's root
sys.path.append(os.path.join(REPO, 'quarry-core', 'src', 'test', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, debug=False)
from django.core.management import call_command
from django.db import connection

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'sqlite.sql')) as f:
    for statement in f.read().split(';'):
        if statement.strip():
            with connection.cursor() as c:
                c.execute(statement)
out = io.StringIO()
call_command('inspectdb', stdout=out)
print(out.getvalue())

