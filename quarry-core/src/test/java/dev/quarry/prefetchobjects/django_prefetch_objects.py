# What Django 3.2 gives for Prefetch objects (queryset, to_attr, nested prefetches, paths mixing forward
# and reverse hops) on the rows of PrefetchObjectsTest (dev.quarry.prefetchobjects), with the number of
# queries each takes. Run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/prefetchobjects/django_prefetch_objects.py
#
# Needs Debian's python3-django (3.2). Django 3.2 refuses a sliced queryset in a Prefetch ("Cannot filter
# a query once a slice has been taken."); Django 4.2 allows it and computes it with
# ROW_NUMBER() OVER (PARTITION BY the foreign key ORDER BY the queryset's ordering), as Quarry does: the
# script prints 3.2's refusal, then each owner's rows sliced here from the unsliced Prefetch.
import os
import sys
from datetime import date

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'pfapp')

from django.db import connection, models, reset_queries  # noqa: E402
from django.db.models import Prefetch  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'pfapp'


class Tag(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'pfapp'


class Book(models.Model):
    title = models.CharField(max_length=50)
    author = models.ForeignKey(Author, models.CASCADE, related_name='books')
    published_date = models.DateField()
    tags = models.ManyToManyField(Tag, related_name='books')

    class Meta:
        app_label = 'pfapp'


class Review(models.Model):
    book = models.ForeignKey(Book, models.CASCADE)
    rating = models.IntegerField()

    class Meta:
        app_label = 'pfapp'


with connection.schema_editor() as editor:
    for m in (Author, Tag, Book, Review):
        editor.create_model(m)

ann, bob, cyd = (Author.objects.create(name=n) for n in ('ann', 'bob', 'cyd'))
fantasy, scifi, poetry = (Tag.objects.create(name=n) for n in ('fantasy', 'scifi', 'poetry'))


def book(title, author, year, *tags):
    b = Book.objects.create(title=title, author=author, published_date=date(year, 1, 1))
    b.tags.add(*tags)
    return b


a1 = book('a1', ann, 2001, fantasy)
a2 = book('a2', ann, 2005, scifi)
a3 = book('a3', ann, 2010, fantasy, scifi)
book('a4', ann, 2003)
book('b1', bob, 1999)
b2 = book('b2', bob, 2020, scifi)
for b, r in ((a3, 5), (a3, 3), (a2, 4), (b2, 2), (a3, 1)):
    Review.objects.create(book=b, rating=r)


def run(label, fn):
    reset_queries()
    out = fn()
    print('%s: %s [%d queries]' % (label, out, len(connection.queries)))


def titles(rows):
    return [b.title for b in rows]


# to_attr, read back as a list; the relation itself is not prefetched.
run('recent', lambda: [(a.name, titles(a.recent)) for a in Author.objects.order_by('name').prefetch_related(
    Prefetch('books', Book.objects.filter(published_date__year__gte=2004).order_by('-published_date'), to_attr='recent'))])
run('books after to_attr', lambda: titles(Author.objects.prefetch_related(
    Prefetch('books', Book.objects.all(), to_attr='recent')).get(name='ann').books.order_by('title')))

# A nested Prefetch: its queryset prefetches again, with its own to_attr.
run('nested', lambda: [(a.name, [(b.title, [r.rating for r in b.good]) for b in a.books.all()])
                       for a in Author.objects.order_by('name').prefetch_related(Prefetch('books', Book.objects.order_by(
                           'title').prefetch_related(Prefetch('review_set', Review.objects.filter(rating__gte=3)
                                                              .order_by('-rating'), to_attr='good'))))])
run('nested plain', lambda: [(b.title, [t.name for t in b.tags.all()]) for a in Author.objects.filter(name='ann')
                             .prefetch_related(Prefetch('books', Book.objects.order_by('-title').prefetch_related(
                                 Prefetch('tags', Tag.objects.order_by('-name'))))) for b in a.books.all()])

# A later lookup continuing from an earlier to_attr.
run('through to_attr', lambda: [(a.name, [(b.title, [r.rating for r in b.reviews]) for b in a.recent]) for a in Author.objects
                                .order_by('name').prefetch_related(
                                    Prefetch('books', Book.objects.filter(published_date__year__gte=2004)
                                             .order_by('-published_date'), to_attr='recent'),
                                    Prefetch('recent__review_set', Review.objects.order_by('-rating'), to_attr='reviews'))])

# Paths mixing forward and reverse hops.
run('review book author books', lambda: [(r.rating, r.book.title, r.book.author.name, titles(r.book.author.books.all()))
                                         for r in Review.objects.order_by('id').prefetch_related('book__author__books')])
run('review book tags books', lambda: [(r.rating, [(t.name, titles(t.books.all())) for t in r.book.tags.all()])
                                       for r in Review.objects.order_by('id').prefetch_related('book__tags__books')])
run('tag books author', lambda: [(t.name, [(b.title, b.author.name) for b in t.books.all()])
                                 for t in Tag.objects.order_by('name').prefetch_related('books__author')])

# A sliced Prefetch: refused by 3.2; the per-owner slices 4.2 gives, computed from the unsliced rows.
try:
    list(Author.objects.prefetch_related(Prefetch('books', Book.objects.order_by('-published_date')[:2], to_attr='x')))
except Exception as e:  # noqa: BLE001
    print('3.2 refuses a sliced Prefetch: %s: %s' % (type(e).__name__, e))
run('latest two (4.2)', lambda: [(a.name, titles(a.all_[:2])) for a in Author.objects.order_by('name').prefetch_related(
    Prefetch('books', Book.objects.order_by('-published_date'), to_attr='all_'))])
run('second and third oldest (4.2)', lambda: [(a.name, titles(a.all_[1:3])) for a in Author.objects.order_by('name')
                                              .prefetch_related(Prefetch('books', Book.objects.order_by('published_date'),
                                                                         to_attr='all_'))])
# An unordered sliced Prefetch: 4.2 numbers the rows in no defined order; Quarry takes them by primary key.
run('first two by primary key (4.2 with order_by pk)', lambda: [(a.name, titles(a.all_[:2])) for a in Author.objects
                                                                .order_by('name').prefetch_related(
                                                                    Prefetch('books', Book.objects.order_by('pk'),
                                                                             to_attr='all_'))])
run('first book by title per tag (4.2)', lambda: [(t.name, titles(t.all_[:1])) for t in Tag.objects.order_by('name')
                                                  .prefetch_related(Prefetch('books', Book.objects.order_by('title'),
                                                                             to_attr='all_'))])
run('best review per book of ann (4.2)', lambda: [(b.title, [r.rating for r in b.all_[:1]]) for a in Author.objects
                                                  .filter(name='ann').prefetch_related(Prefetch('books', Book.objects
                                                  .order_by('title').prefetch_related(Prefetch('review_set', Review.objects
                                                  .order_by('-rating'), to_attr='all_')))) for b in a.books.all()])

# The same lookup given twice, the second time with a queryset (Django checks this while prefetching).
for label, lookups in (('books twice', ('books', Prefetch('books', Book.objects.all()))),
                       ('books__review_set then books', ('books__review_set', Prefetch('books', Book.objects.all()))),
                       ('books then books with to_attr', ('books', Prefetch('books', Book.objects.all(), to_attr='x')))):
    try:
        list(Author.objects.prefetch_related(*lookups))
        print('%s: accepted' % label)
    except ValueError as e:
        print('%s: ValueError: %s' % (label, e))

# to_attr naming a field: Django 3.2 takes the field's value for an already fetched to_attr and silently skips
# the prefetch (its "conflicts with a field" ValueError is not reached); Quarry refuses the Prefetch instead.
run('to_attr naming a field', lambda: [a.name for a in Author.objects.order_by('name').prefetch_related(
    Prefetch('books', Book.objects.all(), to_attr='name'))])
