# What Django 3.2 gives for Manager.raw(), cursor.execute() and QuerySet.explain() on the rows of
# RawSqlTest (dev.quarry.raw). Each output line is one fact the Java test asserts; run on SQLite in
# memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/raw/django_raw.py
#
# Needs Debian's python3-django (3.2). Django writes placeholders as %s where Quarry writes ?.
import os
import sys
from datetime import date

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'lib')

from django.core.exceptions import FieldDoesNotExist  # noqa: E402
from django.db import connection, models, reset_queries  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'lib'
        db_table = 'raw_author'


class Book(models.Model):
    title = models.CharField(max_length=50)
    pages = models.IntegerField()
    published = models.DateField(null=True)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name='books')

    class Meta:
        app_label = 'lib'
        db_table = 'raw_book'


with connection.schema_editor() as s:
    for m in (Author, Book):
        s.create_model(m)

ann = Author.objects.create(name='ann')
bob = Author.objects.create(name='bob')
Book.objects.create(title='Dune', pages=412, published=date(1965, 8, 1), author=ann)
Book.objects.create(title='Emma', pages=320, published=date(1996, 6, 15), author=ann)
Book.objects.create(title='Faust', pages=180, published=None, author=bob)


def queries(work):
    reset_queries()
    out = work()
    return out, len(connection.queries)


# Every column: instances with every field.
rows, n = queries(lambda: [(b.title, b.pages, b.published, b.author_id) for b in
                           Book.objects.raw('SELECT * FROM raw_book ORDER BY id')])
print('all columns', rows, n)

# Parameters.
rows, n = queries(lambda: [b.title for b in Book.objects.raw('SELECT * FROM raw_book WHERE pages > %s ORDER BY id', [300])])
print('params', rows, n)

# Missing columns are deferred; reading one loads it with one query.
books = list(Book.objects.raw('SELECT id, title FROM raw_book ORDER BY id'))
print('deferred', sorted(books[0].get_deferred_fields()))
_, n = queries(lambda: books[0].pages)
print('reading a deferred field', books[0].pages, 'queries', n)
print('still deferred', sorted(books[0].get_deferred_fields()))

# Saving a deferred instance writes only the loaded fields.
b = list(Book.objects.raw('SELECT id, title FROM raw_book WHERE title = %s', ['Emma']))[0]
b.title = 'Emma!'
reset_queries()
b.save()
print('save of deferred', len(connection.queries), connection.queries[0]['sql'])
print('after save', list(Book.objects.filter(pk=b.pk).values_list('title', 'pages')))
Book.objects.filter(pk=b.pk).update(title='Emma')

# Extra columns become attributes (Quarry: annotations).
rows = [(b.title, b.author_name, b.n) for b in Book.objects.raw(
    'SELECT b.id, b.title, a.name AS author_name, 2 * b.pages AS n FROM raw_book b JOIN raw_author a ON a.id = b.author_id '
    'ORDER BY b.id')]
print('annotations', rows)

# translations.
rows = [(b.pk, b.title) for b in Book.objects.raw('SELECT id AS key, title AS heading FROM raw_book ORDER BY id',
                                                  translations={'key': 'id', 'heading': 'title'})]
print('translations', rows)

# The primary key is required.
try:
    list(Book.objects.raw('SELECT title FROM raw_book'))
except FieldDoesNotExist as e:
    print('no primary key:', e)

# columns.
print('columns', Book.objects.raw('SELECT id, title AS heading FROM raw_book').columns)

# Iterating twice: Django 3.2 caches the rows of one RawQuerySet; Quarry runs the statement each time (ADR 0006).
rq = Book.objects.raw('SELECT id, title FROM raw_book')
_, n = queries(lambda: (list(rq), list(rq)))
print('iterating twice, django queries', n)

# cursor.execute: rows changed, rows read.
with connection.cursor() as c:
    c.execute('UPDATE raw_book SET pages = pages + %s WHERE author_id = %s', [1, ann.pk])
    print('execute rowcount', c.rowcount)
    c.execute('SELECT title, pages FROM raw_book WHERE pages > %s ORDER BY id', [200])
    print('query', [col[0] for col in c.description], c.fetchall())

# explain: SQLite's EXPLAIN QUERY PLAN, each row's columns joined by spaces.
print('explain', repr(Book.objects.filter(pages__gt=100).explain()))
try:
    Book.objects.all().explain(format='JSON')
except ValueError as e:
    print('explain format on sqlite:', e)
try:
    Book.objects.all().explain(analyze=True)
except ValueError as e:
    print('explain option on sqlite:', e)
