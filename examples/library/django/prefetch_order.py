"""Which SQL Django sends for a reverse foreign key prefetch (ADR 0023, amendment of issue 13's tenth session).

Run with /usr/bin/python3 and Debian's python3-django (3.2); checked on 2026-12-03 with Django 5.2.17
(3.2 was not installed on that machine). Fact relied on: the level's query is
``SELECT ... FROM book WHERE author_id IN (...)`` with no ORDER BY when the model has no Meta.ordering,
so each owner's rows come in the database's order. Quarry sends no ORDER BY either when the key is a
whole number, and puts each owner's rows in key order in Java.
"""
import django
from django.conf import settings

settings.configure(DEBUG=True, INSTALLED_APPS=['__main__'],
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}})
django.setup()

from django.db import connection, models, reset_queries  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = '__main__'


class Book(models.Model):
    title = models.CharField(max_length=50)
    author = models.ForeignKey(Author, models.CASCADE, related_name='books')

    class Meta:
        app_label = '__main__'


with connection.schema_editor() as editor:
    editor.create_model(Author)
    editor.create_model(Book)
ann = Author.objects.create(name='ann')
Book.objects.create(title='a1', author=ann)
reset_queries()
list(Author.objects.prefetch_related('books'))
for query in connection.queries:
    print(query['sql'])
assert 'ORDER BY' not in connection.queries[1]['sql'], connection.queries[1]['sql']
