# What Django 3.2 gives for aggregate() over annotated, distinct and sliced QuerySets, for several
# aggregates over different multi-valued relations (where Django 3.2 multiplies them, ticket
# #10060, and Quarry is deliberately right: the "true" facts are each aggregate computed alone),
# for values(...).annotate(...) grouping by expressions and for alias(), on the rows of
# AggregateInFullTest (dev.quarry.aggregation). Each output line is one fact the Java test asserts;
# run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/aggregation/django_aggregate.py
#
# Needs Debian's python3-django (3.2).
import os
import sys
from datetime import date

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'lib')

from django.db import connection, models, reset_queries  # noqa: E402
from django.db.models import Avg, Count, F, Max, Min, Q, Sum  # noqa: E402
from django.db.models.functions import ExtractYear, TruncYear  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'lib'


class Tag(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'lib'


class Book(models.Model):
    title = models.CharField(max_length=50)
    pages = models.IntegerField()
    rating = models.FloatField()
    published = models.DateField()
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name='books')
    tags = models.ManyToManyField(Tag, related_name='books')

    class Meta:
        app_label = 'lib'


class Review(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    stars = models.IntegerField()

    class Meta:
        app_label = 'lib'


with connection.schema_editor() as s:
    for m in (Author, Tag, Book, Review):
        s.create_model(m)

ann = Author.objects.create(name='ann')
bob = Author.objects.create(name='bob')
cat = Author.objects.create(name='cat')
dan = Author.objects.create(name='dan')
scifi = Tag.objects.create(name='scifi')
classic = Tag.objects.create(name='classic')
drama = Tag.objects.create(name='drama')


def book(title, pages, rating, published, author, tags, stars):
    b = Book.objects.create(title=title, pages=pages, rating=rating, published=published, author=author)
    b.tags.set(tags)
    for s in stars:
        Review.objects.create(book=b, stars=s)


book('Dune', 412, 4.5, date(1965, 8, 1), ann, [scifi, classic], [5, 3])
book('Emma', 474, 3.75, date(1996, 6, 15), ann, [classic], [])
book('Faust', 158, 4.0, date(2003, 3, 18), bob, [], [4])
book('Gigi', 120, 2.5, date(2003, 11, 2), bob, [classic], [])
book('Hamlet', 300, 5.0, date(1965, 3, 10), dan, [classic, drama], [5, 4, 2])


def fact(name, value):
    if isinstance(value, dict):
        value = sorted(value.items())
    print('%-34s %r' % (name, value))


def queries(name, work):
    reset_queries()
    work()
    fact(name + ' queries', len(connection.queries))


def error(work):
    try:
        work()
        return 'no error'
    except Exception as e:  # noqa: BLE001
        return '%s: %s' % (type(e).__name__, str(e).splitlines()[0])


authors = Author.objects.all()
counted = authors.annotate(book_count=Count('books'))
# aggregate() over an annotated QuerySet: Django wraps it, SELECT ... FROM (inner) subquery.
fact('avg book_count', counted.aggregate(Avg('book_count')))
fact('max sum book_count, count id', counted.aggregate(Max('book_count'), Sum('book_count'), Count('id')))
fact('having then avg', counted.filter(book_count__gte=1).aggregate(Avg('book_count')))
fact('sum of F annotation', Book.objects.annotate(double=F('pages') * 2).aggregate(Sum('double')))
fact('avg review count, sum pages', Book.objects.annotate(n=Count('review')).aggregate(Avg('n'), Sum('pages')))
fact('max min avg stars', authors.annotate(a=Avg('books__review__stars')).aggregate(Max('a'), Min('a')))
fact('max per author values', Book.objects.values('author').annotate(n=Count('id')).aggregate(Max('n')))
fact('conditional over annotated', counted.aggregate(n=Count('id', filter=Q(book_count__gte=2))))
queries('avg book_count', lambda: counted.aggregate(Avg('book_count')))

# distinct
fact('distinct count', authors.filter(books__review__stars__gte=4).distinct().aggregate(Count('id')))
fact('not distinct count', authors.filter(books__review__stars__gte=4).aggregate(Count('id')))
fact('distinct values count', Book.objects.values('author').distinct().aggregate(Count('author')))

# sliced
fact('top 3 avg rating', Book.objects.order_by('-rating')[:3].aggregate(Avg('rating')))
fact('slice 1:3 by title', Book.objects.order_by('title')[1:3].aggregate(Sum('pages'), Count('id')))
fact('top 2 authors sum', counted.order_by('-book_count', 'name')[:2].aggregate(Sum('book_count')))

# several aggregates over different multi-valued relations (#10060): Django's combined value,
# then the true value of each alone.
combos = [
    ('books+reviews', authors, [Count('books'), Count('books__review')]),
    ('books+tags', authors, [Count('books'), Count('books__tags')]),
    ('pages+stars', authors, [Sum('books__pages'), Avg('books__review__stars')]),
    ('id+books', authors, [Count('id'), Count('books')]),
    ('ann dan books+reviews', authors.filter(name__in=['ann', 'dan']), [Count('books'), Count('books__review')]),
    ('book tags+reviews', Book.objects.all(), [Count('tags'), Count('review'), Avg('review__stars')]),
    ('same relation', authors, [Count('books'), Avg('books__rating')]),
    ('conditional', authors, [Count('books', filter=Q(books__rating__gte=4)),
                              Count('books__review', filter=Q(books__review__stars=5))]),
]
for name, qs, aggs in combos:
    named = {'a%d' % i: a for i, a in enumerate(aggs)}
    fact(name + ' django', qs.aggregate(**named))
    alone = {}
    for k, a in named.items():
        alone.update(qs.aggregate(**{k: a}))
    fact(name + ' true', alone)

# aggregate() over a wrapped query crossing a multi-valued relation: Django joins the relation inside
# the grouped (or sliced) query, which splits its groups (or slices the joined rows); Quarry computes
# the relation's aggregate over the query's rows apart. "true": the relation's aggregate over the
# same authors without the annotation, and the annotation's aggregate alone.
wrapped_cases = [
    ('counted avg+reviews', counted, Avg('book_count'), Count('books__review'), authors),
    ('counted avg+pages', counted, Avg('book_count'), Sum('books__pages'), authors),
    ('filtered sum n+pages', authors.filter(books__rating__gte=4).annotate(n=Count('books')), Sum('n'), Sum('books__pages'),
     authors.filter(books__rating__gte=4)),
    ('having reviews+avg', counted.filter(book_count__gte=2), Avg('book_count'), Count('books__review'),
     authors.filter(name__in=['ann', 'bob'])),
    ('sliced books', authors.order_by('name')[:2], Count('id'), Count('books'), authors.filter(name__in=['ann', 'bob'])),
    ('counted five stars', counted, Max('book_count'), Count('books__review', filter=Q(books__review__stars=5)), authors),
    ('grouped max+reviews', Book.objects.values('author').annotate(n=Count('id')), Max('n'), Count('review'),
     Book.objects.all()),
]
for name, qs, first, relation, same_rows in wrapped_cases:
    fact(name + ' django', qs.aggregate(a0=first, a1=relation))
    fact(name + ' true', {'a0': qs.aggregate(a0=first)['a0'], 'a1': same_rows.aggregate(a1=relation)['a1']})

# values(...).annotate(...) grouping by expressions
by_year = Book.objects.annotate(year=ExtractYear('published')).values('year').annotate(n=Count('id')).order_by('year')
fact('by year', [(r['year'], r['n']) for r in by_year])
by_trunc = Book.objects.annotate(y=TruncYear('published')).values('y').annotate(n=Count('id'), p=Sum('pages')) \
    .order_by('y')
fact('by trunc year', [(str(r['y']), r['n'], r['p']) for r in by_trunc])
by_hundreds = Book.objects.annotate(h=F('pages') / 100).values('h').annotate(n=Count('id')).order_by('h')
fact('by pages/100', [(r['h'], r['n']) for r in by_hundreds])
by_hundreds_reviews = Book.objects.annotate(h=F('pages') / 100).values('h').annotate(r=Count('review')).order_by('h')
fact('by pages/100 reviews', [(r['h'], r['r']) for r in by_hundreds_reviews])
fact('max per year', Book.objects.annotate(year=ExtractYear('published')).values('year').annotate(n=Count('id'))
     .aggregate(Max('n')))
queries('by year', lambda: list(by_year.all()))

# alias()
fact('alias filter then count', authors.alias(n=Count('books')).filter(n__gte=2).aggregate(Count('id')))
fact('alias unused then count', authors.alias(n=Count('books')).aggregate(Count('id')))
fact('alias avg', error(lambda: authors.alias(n=Count('books')).aggregate(Avg('n'))))
fact('alias promoted avg', authors.annotate(n=Count('books')).aggregate(Avg('n')))
fact('alias F sum', error(lambda: Book.objects.alias(d=F('pages') * 2).aggregate(Sum('d'))))
fact('alias F promoted sum', Book.objects.annotate(d=F('pages') * 2).aggregate(Sum('d')))

# errors
fact('unknown annotation', error(lambda: authors.aggregate(Avg('book_count'))))
fact('unknown beside annotation', error(lambda: counted.aggregate(Avg('bookcount'))))
fact('aggregate of aggregate', error(lambda: authors.aggregate(Sum(Count('books')))))
fact('alias conflicts', error(lambda: counted.aggregate(book_count=Avg('book_count'))))
