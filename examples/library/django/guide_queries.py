# Reference results for the Quarry guide's "library" example, computed with real Django.
#
# Loads the sample data from
#   examples/library/src/main/resources/dev/quarry/example/library/{authors,tags,books,reviews}.tsv
# into an in-memory SQLite database (explicit ids, file order), runs every guide query and prints
# the results in a canonical text form on stdout. stdout is exactly the content of expected.txt.
# Data requirement checks are printed to stderr (the script exits with status 1 if one fails).
#
# How to run (Debian's Django 3.2: apt-get install -y python3-django; use the system python):
#   cd examples/library/django
#   /usr/bin/python3 guide_queries.py > expected.txt
#
# Output format: one "## Q<n> <description>" header per query, then one result per line.
# Empty results print "(empty)". Floats are printed with Python's repr().

import os
import sys
from collections import Counter as _Counter
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'src', 'main', 'resources', 'dev', 'quarry', 'example', 'library')

# The differential scripts' shared Django setup (quarry-core/src/test/python/django_memory.py).
sys.path.append(os.path.join(HERE, '..', '..', '..', 'quarry-core', 'src', 'test', 'python'))
import django_memory  # noqa: E402

# An installed app named "library" is needed so that reverse relations (book.review_set, the
# "review" query name) are registered; the models themselves are defined below in this script.
django_memory.setup(__file__, 'library', debug=False)

from django.db import connection, models  # noqa: E402
from django.db.models import Avg, Count, F, Max, Min, Q, Sum  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=100)
    bio = models.TextField(blank=True)

    class Meta:
        app_label = 'library'


class Tag(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'library'


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name='books')
    published_date = models.DateField()
    isbn = models.CharField(max_length=13)
    tags = models.ManyToManyField(Tag, related_name='books')

    class Meta:
        app_label = 'library'


class RecentBook(Book):
    """Model inheritance in the example: a proxy of Book, newest first, with a method of its own."""

    class Meta:
        app_label = 'library'
        proxy = True
        ordering = ['-published_date', 'id']

    def year(self):
        return self.published_date.year


class Review(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)  # reverse: review_set / query name "review"
    user_name = models.CharField(max_length=100)
    rating = models.PositiveSmallIntegerField()
    comment = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = 'library'


class AuthorProfile(models.Model):
    author = models.OneToOneField(Author, on_delete=models.CASCADE)  # reverse: author.authorprofile
    website = models.CharField(max_length=100)

    class Meta:
        app_label = 'library'


class Publisher(models.Model):
    name = models.CharField(max_length=100)
    books = models.ManyToManyField(Book, through='Contract', related_name='publishers')

    class Meta:
        app_label = 'library'


class Contract(models.Model):
    publisher = models.ForeignKey(Publisher, on_delete=models.CASCADE)
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    royalty_pct = models.PositiveSmallIntegerField()

    class Meta:
        app_label = 'library'


def read_tsv(name):
    with open(os.path.join(DATA, name), encoding='utf-8', newline='') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    header = lines[0].split('\t')
    rows = []
    for line in lines[1:]:
        cells = line.split('\t')
        assert len(cells) == len(header), (name, line)
        rows.append(dict(zip(header, cells)))
    return rows


def load():
    with connection.schema_editor() as editor:
        for m in (Author, Tag, Book, Review):
            editor.create_model(m)
    for r in read_tsv('authors.tsv'):
        Author.objects.create(id=int(r['id']), name=r['name'], bio=r['bio'])
    for r in read_tsv('tags.tsv'):
        Tag.objects.create(id=int(r['id']), name=r['name'])
    for r in read_tsv('books.tsv'):
        b = Book.objects.create(id=int(r['id']), title=r['title'], author_id=int(r['author_id']),
                                published_date=date.fromisoformat(r['published_date']), isbn=r['isbn'])
        if r['tags']:
            b.tags.add(*[int(t) for t in r['tags'].split(',')])
    for r in read_tsv('reviews.tsv'):
        Review.objects.create(id=int(r['id']), book_id=int(r['book_id']), user_name=r['user_name'],
                              rating=int(r['rating']), comment=r['comment'])
    load_relations()


def load_relations():
    # The rows of RelationSampleData.java: three profiles, three publishers, six contracts, explicit ids.
    with connection.schema_editor() as editor:
        for m in (AuthorProfile, Publisher, Contract):
            editor.create_model(m)
    for i, author, website in ((1, 1, 'jkrowling.com'), (2, 5, 'asimovonline.com'), (3, 10, 'neilgaiman.com')):
        AuthorProfile.objects.create(id=i, author_id=author, website=website)
    for i, name in ((1, 'Bloomsbury'), (2, 'Gollancz'), (3, 'Tor Books')):
        Publisher.objects.create(id=i, name=name)
    for i, publisher, book, pct in ((1, 1, 1, 10), (2, 1, 2, 12), (3, 2, 19, 8), (4, 3, 19, 15), (5, 3, 25, 11),
                                    (6, 2, 34, 9)):
        Contract.objects.create(id=i, publisher_id=publisher, book_id=book, royalty_pct=pct)


out = []


def header(n, desc):
    out.append('## Q%s %s' % (n, desc))


def lines(items):
    items = list(items)
    if not items:
        out.append('(empty)')
    out.extend(str(i) for i in items)


def count_queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def run_queries():
    rowling = Author.objects.get(name="J.K. Rowling")

    header(1, 'Author.objects.get(name="J.K. Rowling").books.all() order_by id -> title')
    lines(b.title for b in rowling.books.all().order_by('id'))

    header(2, 'author.book_set (related_name="books" is set)')
    try:
        rowling.book_set
        lines(['no error'])
    except AttributeError:
        lines(['AttributeError'])

    top = (Book.objects.filter(author=rowling).annotate(n=Count('review'))
           .order_by('-n', 'id').first())
    header(3, 'Book(id=%d "%s").review_set.all() order_by id -> user_name|rating' % (top.id, top.title))
    lines('%s|%d' % (r.user_name, r.rating) for r in top.review_set.all().order_by('id'))

    header(4, 'Author.objects.filter(books__published_date__gt=date(2020,1,1)) order_by id (duplicates kept)')
    qs = list(Author.objects.filter(books__published_date__gt=date(2020, 1, 1)).order_by('id'))
    lines(['count=%d' % len(qs)] + [a.name for a in qs])

    header(5, 'Author.objects.filter(books__title__icontains="Python") order_by id (duplicates kept)')
    qs = list(Author.objects.filter(books__title__icontains="Python").order_by('id'))
    lines(['count=%d' % len(qs)] + [a.name for a in qs])

    header(6, 'Author.objects.filter(books__review__rating=5).distinct() order_by id -> name')
    lines(a.name for a in Author.objects.filter(books__review__rating=5).distinct().order_by('id'))

    header(7, "Author.objects.annotate(book_count=Count('books')).order_by('-book_count')[:5] -> name|book_count")
    lines('%s|%d' % (a.name, a.book_count)
          for a in Author.objects.annotate(book_count=Count('books')).order_by('-book_count')[:5])

    header(8, "Book.objects.annotate(avg_rating=Avg('review__rating')) highest avg_rating -> title|avg_rating")
    b = (Book.objects.annotate(avg_rating=Avg('review__rating'))
         .order_by(F('avg_rating').desc(nulls_last=True)).first())
    b2 = Book.objects.annotate(avg_rating=Avg('review__rating')).order_by('-avg_rating').first()
    lines(['%s|%r' % (b.title, b.avg_rating), 'sqlite-default:%s|%r' % (b2.title, b2.avg_rating)])

    header(9, "Author.objects.prefetch_related('books') order_by id -> name|titles by id joined with ;")
    lines('%s|%s' % (a.name, ';'.join(x.title for x in sorted(a.books.all(), key=lambda x: x.id)))
          for a in Author.objects.prefetch_related('books').order_by('id'))

    def n_plus_1():
        for a in Author.objects.all():
            list(a.books.all())

    def prefetch_books():
        for a in Author.objects.prefetch_related('books'):
            list(a.books.all())

    def prefetch_reviews():
        for a in Author.objects.prefetch_related('books__review_set'):
            for bk in a.books.all():
                list(bk.review_set.all())

    lines(['queries:n_plus_1=%d' % count_queries(n_plus_1),
           'queries:prefetch_books=%d' % count_queries(prefetch_books),
           'queries:prefetch_books__review_set=%d' % count_queries(prefetch_reviews)])

    header(10, 'Review.objects.filter(book__author=rowling) order_by id -> id|user_name|rating')
    lines('%d|%s|%d' % (r.id, r.user_name, r.rating)
          for r in Review.objects.filter(book__author=rowling).order_by('id'))

    header(11, 'Review.objects.filter(book__author__name="J.K. Rowling").values_list("user_name", flat=True)'
               '.distinct() -> sorted')
    names = list(Review.objects.filter(book__author__name="J.K. Rowling")
                 .values_list('user_name', flat=True).distinct())
    lines(['count=%d' % len(names)] + sorted(names))

    header(12, 'Tag.objects.get(name="Fantasy").books.all() order_by id -> title')
    lines(b.title for b in Tag.objects.get(name="Fantasy").books.all().order_by('id'))

    header(13, 'Book.objects.filter(tags__name__in=["Mystery","Thriller"]) -> count without distinct, '
               'then distinct titles order_by id')
    nodistinct = len(list(Book.objects.filter(tags__name__in=["Mystery", "Thriller"])))
    lines(['count=%d' % nodistinct] +
          [b.title for b in Book.objects.filter(tags__name__in=["Mystery", "Thriller"]).distinct().order_by('id')])

    header(14, 'Author.objects.filter(books__isnull=True) order_by id -> name')
    lines(a.name for a in Author.objects.filter(books__isnull=True).order_by('id'))

    header(15, 'Author.objects.filter(books__tags__name="Fantasy").filter(books__tags__name="Science Fiction")'
               '.distinct() order_by id -> name')
    lines(a.name for a in Author.objects.filter(books__tags__name="Fantasy")
          .filter(books__tags__name="Science Fiction").distinct().order_by('id'))

    header('15b', 'Author.objects.filter(Q(books__tags__name="Fantasy") & Q(books__tags__name="Science Fiction"))'
                  '.distinct() order_by id -> name')
    lines(a.name for a in Author.objects.filter(Q(books__tags__name="Fantasy") &
                                                Q(books__tags__name="Science Fiction")).distinct().order_by('id'))

    header('15c', 'Author.objects.filter(books__in=Book.objects.filter(tags__name="Fantasy")'
                  '.filter(tags__name="Science Fiction")).distinct() order_by id -> name (same book has both tags)')
    lines(a.name for a in Author.objects.filter(
        books__in=Book.objects.filter(tags__name="Fantasy").filter(tags__name="Science Fiction"))
        .distinct().order_by('id'))

    header(16, "Author.objects.annotate(avg_book_rating=Avg('books__review__rating'), "
               "review_count=Count('books__review')).filter(review_count__gt=10).order_by('-avg_book_rating')[:10]"
               " -> name|avg_book_rating|review_count")
    lines('%s|%r|%d' % (a.name, a.avg_book_rating, a.review_count)
          for a in Author.objects.annotate(avg_book_rating=Avg('books__review__rating'),
                                           review_count=Count('books__review'))
          .filter(review_count__gt=10).order_by('-avg_book_rating')[:10])

    header(17, 'Author.objects.exclude(books__review__rating=5) order_by id -> name')
    lines(a.name for a in Author.objects.exclude(books__review__rating=5).order_by('id'))

    header(18, "Author.objects.annotate(book_count=Count('books')).filter(book_count=0) order_by id -> name")
    lines(a.name for a in Author.objects.annotate(book_count=Count('books')).filter(book_count=0).order_by('id'))

    header(19, 'Book.objects.filter(published_date__year=2020) order_by id -> title')
    lines(b.title for b in Book.objects.filter(published_date__year=2020).order_by('id'))

    header('19b', 'Book.objects.filter(title__startswith="Harry") order_by id -> title')
    lines(b.title for b in Book.objects.filter(title__startswith="Harry").order_by('id'))

    header(20, "Author.objects.filter(books__published_date__gt=date(2020,1,1)).annotate(n=Count('books'))"
               ".order_by('id') -> name|n")
    lines('%s|%d' % (a.name, a.n) for a in Author.objects.filter(books__published_date__gt=date(2020, 1, 1))
          .annotate(n=Count('books')).order_by('id'))

    header(21, "Review.objects.aggregate(Avg('rating'), Count('id'), Max('rating'), Min('rating'), Sum('rating'))"
               " -> key=value sorted by key")
    agg = Review.objects.aggregate(Avg('rating'), Count('id'), Max('rating'), Min('rating'), Sum('rating'))
    lines('%s=%r' % (k, v) for k, v in sorted(agg.items()))

    header('P1', "RecentBook.objects.filter(author__name='J.K. Rowling')[:3] (a proxy of Book ordered by "
                 "-published_date, id) -> class|title|year")
    lines('%s|%s|%d' % (type(b).__name__, b.title, b.year())
          for b in RecentBook.objects.filter(author__name='J.K. Rowling')[:3])


def checks():
    """Verify the data requirements; returns a list of (ok, message)."""
    res = []

    def check(ok, msg):
        res.append((bool(ok), msg))

    authors = list(Author.objects.order_by('id'))
    books = list(Book.objects.order_by('id'))
    reviews = list(Review.objects.order_by('id'))
    tags = list(Tag.objects.order_by('id'))
    check(12 <= len(authors) <= 15, 'authors=%d in 12..15' % len(authors))
    check(35 <= len(books) <= 45, 'books=%d in 35..45' % len(books))
    check(120 <= len(reviews) <= 180, 'reviews=%d in 120..180' % len(reviews))
    check(6 <= len(tags) <= 8, 'tags=%d in 6..8' % len(tags))
    for name, objs in (('authors', authors), ('books', books), ('reviews', reviews), ('tags', tags)):
        check([o.id for o in objs] == list(range(1, len(objs) + 1)), '%s ids contiguous 1-based' % name)
    rowling = Author.objects.get(name='J.K. Rowling')
    check(rowling.books.count() >= 3, 'Rowling has %d books' % rowling.books.count())
    nobooks = Author.objects.filter(books__isnull=True).count()
    check(nobooks >= 2, '%d authors without books' % nobooks)
    unrev = Book.objects.filter(review__isnull=True).count()
    check(unrev >= 1, '%d books without reviews' % unrev)
    untagged = Book.objects.filter(tags__isnull=True).count()
    check(untagged >= 1, '%d books without tags' % untagged)
    names = {a.name for a in authors}
    check('Gabriel García Márquez' in names and '村上春樹' in names, 'unicode author names')
    check(any(any(ord(ch) >= 0x1F300 for ch in r.comment) for r in reviews), 'emoji in a comment')
    py = [b for b in books if 'python' in b.title.lower()]
    variants = {v for b in py for v in ('Python', 'python', 'PYTHON') if v in b.title}
    check(variants == {'Python', 'python', 'PYTHON'}, 'Python case variants %s' % sorted(variants))
    check(any(b.title.lower() != 'python' for b in py), 'python inside longer titles')
    check(len({b.author_id for b in py}) >= 3, 'python books across %d authors' % len({b.author_id for b in py}))
    check({r.rating for r in reviews} == {1, 2, 3, 4, 5}, 'ratings 1..5 all used')
    years = {b.published_date.year for b in books}
    check(min(years) >= 2015 and max(years) <= 2024 and len(years) == 10, 'years %s' % sorted(years))
    before = sum(1 for b in books if b.published_date <= date(2020, 1, 1))
    after = sum(1 for b in books if b.published_date > date(2020, 1, 1))
    check(before and after, 'dates: %d on/before 2020-01-01, %d after' % (before, after))
    tagnames = {t.name for t in tags}
    check({'Fantasy', 'Science Fiction', 'Mystery', 'Thriller'} <= tagnames, 'required tags present')
    fan = set(Author.objects.filter(books__tags__name='Fantasy').values_list('id', flat=True))
    sf = set(Author.objects.filter(books__tags__name='Science Fiction').values_list('id', flat=True))
    both_diff = [a for a in fan & sf
                 if Book.objects.filter(author_id=a, tags__name='Fantasy').exclude(tags__name='Science Fiction')
                 .exists() and Book.objects.filter(author_id=a, tags__name='Science Fiction')
                 .exclude(tags__name='Fantasy').exists()]
    check(len(both_diff) >= 2, '%d authors with Fantasy and SF on different books' % len(both_diff))
    check(fan - sf and sf - fan, 'authors with only Fantasy (%d) and only SF (%d)' % (len(fan - sf), len(sf - fan)))
    mt = Book.objects.filter(tags__name='Mystery').filter(tags__name='Thriller').count()
    check(mt >= 2, '%d books tagged both Mystery and Thriller' % mt)
    rr = Review.objects.filter(book__author=rowling)
    per_user_books = _Counter(u for u, _ in set(rr.values_list('user_name', 'book_id')))
    check(len(per_user_books) >= 3 and sum(1 for v in per_user_books.values() if v > 1) >= 2,
          'Rowling reviewers: %d users, %d repeated across books'
          % (len(per_user_books), sum(1 for v in per_user_books.values() if v > 1)))
    check(len(set(rr.values_list('book_id', flat=True))) >= 3, 'several Rowling books reviewed')
    rc = {a.id: a.rc for a in Author.objects.annotate(rc=Count('books__review'))}
    big = [a for a, n in rc.items() if n > 10]
    small = [a for a, n in rc.items() if n < 10]
    check(len(big) >= 3 and len(small) >= 3, '%d authors with >10 reviews, %d with <10' % (len(big), len(small)))
    # determinism
    bc = [a.bc for a in Author.objects.annotate(bc=Count('books')).order_by('-bc')]
    check(len(set(bc[:6])) == 6, 'top-6 book counts distinct: %s' % bc[:6])
    avgs = [b.avg for b in Book.objects.annotate(avg=Avg('review__rating')).filter(avg__isnull=False)
            .order_by('-avg')]
    check(avgs[0] != avgs[1], 'unique highest book avg: %r > %r' % (avgs[0], avgs[1]))
    aa = [a.avg for a in Author.objects.annotate(avg=Avg('books__review__rating'), n=Count('books__review'))
          .filter(n__gt=10)]
    check(len(set(aa)) == len(aa), 'distinct avg_book_rating among review_count>10: %s' % sorted(aa))
    top = (Book.objects.filter(author=rowling).annotate(n=Count('review')).order_by('-n', 'id')[:2])
    check(top[0].n != top[1].n, 'unique most-reviewed Rowling book (%d vs %d)' % (top[0].n, top[1].n))
    # no tab/newline inside values (guaranteed by the loader's column-count assertion) and no quoting chars
    for name in ('authors.tsv', 'tags.tsv', 'books.tsv', 'reviews.tsv'):
        with open(os.path.join(DATA, name), encoding='utf-8') as f:
            txt = f.read()
        check('"' not in txt, '%s has no double quotes' % name)
    return res


def run_relation_queries():
    # R1-R8 (RelationQueries.java): a one-to-one both ways, a many-to-many through Contract. The query
    # count of each step goes to stderr ("## relation query counts"), stdout keeps the results only.
    counts = []

    def step(n, desc, work):
        out.append('## %s %s' % (n, desc))
        with CaptureQueriesContext(connection) as ctx:
            lines(work())
        counts.append('%s %d' % (n, len(ctx.captured_queries)))

    def website(a):
        try:
            return a.authorprofile.website
        except AuthorProfile.DoesNotExist:
            return 'None'

    def missing():
        try:
            Author.objects.get(name='Stephen King').authorprofile
            return ['(no error)']
        except AuthorProfile.DoesNotExist:
            return ['DoesNotExist']

    step('R1', "Author.objects.get(name='J.K. Rowling').authorprofile.website",
         lambda: [Author.objects.get(name='J.K. Rowling').authorprofile.website])
    step('R2', "Author.objects.get(name='Stephen King').authorprofile -> RelatedObjectDoesNotExist", missing)
    step('R3', "Author.objects.filter(authorprofile__isnull=False) order_by id -> name",
         lambda: [a.name for a in Author.objects.filter(authorprofile__isnull=False).order_by('id')])
    step('R4', "Author.objects.select_related('authorprofile').filter(id__in=[1, 5, 10, 11]) -> name|website",
         lambda: ['%s|%s' % (a.name, website(a)) for a in
                  Author.objects.select_related('authorprofile').filter(id__in=[1, 5, 10, 11]).order_by('id')])
    step('R5', "Book.objects.get(title='The End of Eternity').publishers.all() order_by name -> name",
         lambda: [p.name for p in Book.objects.get(title='The End of Eternity').publishers.all().order_by('name')])
    step('R6', "Book.objects.filter(contract__royalty_pct__gt=10).distinct() order_by id -> title",
         lambda: [b.title for b in Book.objects.filter(contract__royalty_pct__gt=10).distinct().order_by('id')])
    step('R7', "Publisher.objects.prefetch_related('books') order_by id -> name|titles by id",
         lambda: ['%s|%s' % (p.name, ','.join(b.title for b in sorted(p.books.all(), key=lambda b: b.id)))
                  for p in Publisher.objects.prefetch_related('books').order_by('id')])
    step('R8', "Publisher.objects.annotate(total=Sum('contract__royalty_pct')) order_by id -> name|total",
         lambda: ['%s|%s' % (p.name, p.total) for p in
                  Publisher.objects.annotate(total=Sum('contract__royalty_pct')).order_by('id')])
    return counts


def main():
    load()
    run_queries()
    relation_counts = run_relation_queries()
    sys.stderr.write('## relation query counts\n' + '\n'.join(relation_counts) + '\n')
    sys.stdout.write('\n'.join(out) + '\n')
    sys.stdout.flush()
    res = checks()
    sys.stderr.write('## checks\n')
    for ok, msg in res:
        sys.stderr.write('%s %s\n' % ('OK  ' if ok else 'FAIL', msg))
    if not all(ok for ok, _ in res):
        sys.exit(1)


if __name__ == '__main__':
    main()
