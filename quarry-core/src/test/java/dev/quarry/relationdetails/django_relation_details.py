# What Django 3.2 does for four relation details, on the rows of the tests in dev.quarry.relationdetails:
# ordering by a relation (the target's Meta.ordering, recursively, and "Infinite loop caused by ordering."),
# the bulk rule of a reverse foreign key's add/remove/clear/set, limit_choices_to in full_clean(), and
# db_constraint=False (no FK constraint; a dangling reference). Each output line is one fact the Java
# tests assert; run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/relationdetails/django_relation_details.py
#
# Needs Debian's python3-django (3.2).
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'lib')

from django.core.exceptions import ValidationError  # noqa: E402,F401
from django.db import connection, models, reset_queries  # noqa: E402


class Country(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'lib'
        ordering = ['-name']


class Writer(models.Model):
    name = models.CharField(max_length=50)
    active = models.BooleanField(default=True)
    country = models.ForeignKey(Country, on_delete=models.SET_NULL, null=True)

    class Meta:
        app_label = 'lib'
        ordering = ['country', 'name']


def active_writers():
    return {'active': True}


class Novel(models.Model):
    title = models.CharField(max_length=50)
    writer = models.ForeignKey(Writer, on_delete=models.SET_NULL, null=True, related_name='novels',
                               limit_choices_to=active_writers)

    class Meta:
        app_label = 'lib'


class Chapter(models.Model):
    novel = models.ForeignKey(Novel, on_delete=models.CASCADE, related_name='chapters')
    number = models.IntegerField()

    class Meta:
        app_label = 'lib'


class Loan(models.Model):
    novel = models.ForeignKey(Novel, on_delete=models.DO_NOTHING, db_constraint=False, related_name='loans')
    reader = models.CharField(max_length=50)

    class Meta:
        app_label = 'lib'


class Node(models.Model):
    name = models.CharField(max_length=50)
    parent = models.ForeignKey('self', on_delete=models.CASCADE, null=True)

    class Meta:
        app_label = 'lib'
        ordering = ['parent', 'name']


class Left(models.Model):
    name = models.CharField(max_length=50)
    right = models.ForeignKey('Right', on_delete=models.CASCADE, null=True, related_name='+')

    class Meta:
        app_label = 'lib'
        ordering = ['right']


class Right(models.Model):
    name = models.CharField(max_length=50)
    left = models.ForeignKey(Left, on_delete=models.CASCADE, null=True, related_name='+')

    class Meta:
        app_label = 'lib'
        ordering = ['left']


MODELS = (Country, Writer, Novel, Chapter, Loan, Node, Left, Right)
with connection.schema_editor() as s:
    for m in MODELS:
        s.create_model(m)


def fact(name, value):
    print('%-34s %r' % (name, value))


def counted(name, work):
    reset_queries()
    value = work()
    fact(name, value)
    # Django logs the BEGIN of a transaction on SQLite only; Quarry counts statements, so BEGIN is left out.
    fact(name + ' queries', len([q for q in connection.queries if q['sql'] != 'BEGIN']))


def error(work):
    try:
        work()
        return 'no error'
    except Exception as e:  # noqa: BLE001
        return '%s: %s' % (type(e).__name__, str(e).splitlines()[0])


def rows():
    for m in reversed(MODELS):
        m.objects.all().delete()
    fr = Country.objects.create(name='France')
    uk = Country.objects.create(name='UK')
    amy = Writer.objects.create(name='amy', country=uk)
    bea = Writer.objects.create(name='bea', country=fr)
    cid = Writer.objects.create(name='cid', country=uk, active=False)
    dot = Writer.objects.create(name='dot', country=None)
    Novel.objects.create(title='Alpha', writer=cid)
    Novel.objects.create(title='Beta', writer=amy)
    Novel.objects.create(title='Gamma', writer=bea)
    Novel.objects.create(title='Delta', writer=dot)
    Novel.objects.create(title='Omega', writer=None)
    return amy, bea, cid, dot


# ----- ordering by a relation: the target's default ordering -----
rows()
titles = lambda qs: [n.title for n in qs]  # noqa: E731
# Writer.ordering = ['country', 'name']; Country.ordering = ['-name'], so by writer: country name desc
# (NULL country first on SQLite), then writer name.
fact('order by writer', titles(Novel.objects.order_by('writer', 'title')))
fact('order by -writer', titles(Novel.objects.order_by('-writer', 'title')))
fact('order by writer_id', titles(Novel.objects.order_by('writer_id', 'title')))
fact('order by writer__id', titles(Novel.objects.order_by('writer__id', 'title')))
fact('order by writer__pk', titles(Novel.objects.order_by('writer__pk', 'title')))
fact('order by writer__name', titles(Novel.objects.order_by('writer__name', 'title')))
fact('writers default order', [w.name for w in Writer.objects.all()])
fact('writers by country', [w.name for w in Writer.objects.order_by('country', 'name')])
fact('writers by -country', [w.name for w in Writer.objects.order_by('-country', 'name')])
# The same without NULLs, whose place differs between databases (the Java tests use these).
placed = Novel.objects.filter(writer__country__isnull=False)
fact('placed by writer', titles(placed.order_by('writer', 'title')))
fact('placed by -writer', titles(placed.order_by('-writer', 'title')))
fact('placed by writer_id', titles(placed.order_by('writer_id')))
fact('placed writers default order', [w.name for w in Writer.objects.filter(country__isnull=False)])
fact('placed writers by -country', [w.name for w in Writer.objects.filter(country__isnull=False).order_by('-country', 'name')])
print('order by writer sql:', str(Novel.objects.order_by('writer', 'title').query))
# A relation whose target has no default ordering orders by the key.
Chapter.objects.create(novel=Novel.objects.get(title='Omega'), number=1)
Chapter.objects.create(novel=Novel.objects.get(title='Alpha'), number=2)
fact('chapters by novel', [c.number for c in Chapter.objects.order_by('novel')])
# The reverse side uses the target's ordering too (one row per related row).
fact('countries by writer', [c.name for c in Country.objects.order_by('writer', 'name')])
# Loops
fact('node default ordering', error(lambda: list(Node.objects.all())))
fact('node by name', error(lambda: list(Node.objects.order_by('name'))))
fact('node count', Node.objects.count())
fact('node by parent', error(lambda: list(Node.objects.order_by('parent'))))
fact('node by parent__name', error(lambda: list(Node.objects.order_by('parent__name'))))
fact('left default ordering', error(lambda: list(Left.objects.all())))
fact('left order_by built', error(lambda: Left.objects.order_by('right')))

# ----- reverse foreign key: bulk -----
amy, bea, cid, dot = rows()
omega = Novel.objects.get(title='Omega')
delta = Novel.objects.get(title='Delta')
counted('add two saved', lambda: amy.novels.add(omega, delta))
fact('in memory after add', (omega.writer_id == amy.id, delta.writer_id == amy.id))
fact('amy novels', sorted(titles(amy.novels.all())))
print('add sql:', end=' ')
reset_queries()
bea.novels.add(omega)
print(connection.queries[-1]['sql'])
unsaved = Novel(title='Zeta')
counted('add unsaved', lambda: error(lambda: amy.novels.add(unsaved)))
counted('add unsaved bulk=False', lambda: amy.novels.add(unsaved, bulk=False))
fact('unsaved now saved', (unsaved.pk is not None, unsaved.writer_id == amy.id))
counted('add two saved bulk=False', lambda: amy.novels.add(omega, delta, bulk=False))
counted('add wrong type', lambda: error(lambda: amy.novels.add(bea)))
counted('add nothing', lambda: amy.novels.add())
fact('amy novels now', sorted(titles(amy.novels.all())))
counted('remove one', lambda: amy.novels.remove(delta))
fact('in memory after remove', delta.writer_id == amy.id)
fact('delta writer', Novel.objects.get(title='Delta').writer_id)
counted('remove unrelated', lambda: error(lambda: amy.novels.remove(Novel.objects.get(title='Gamma'))))
counted('remove bulk=False', lambda: amy.novels.remove(omega, bulk=False))
fact('in memory after remove bulk=False', omega.writer_id == amy.id)
amy.novels.add(omega, delta)
counted('clear', lambda: amy.novels.clear())
fact('amy novels after clear', sorted(titles(amy.novels.all())))
amy.novels.add(omega, delta, unsaved)
counted('clear bulk=False', lambda: amy.novels.clear(bulk=False))
amy.novels.add(omega, delta)
gamma = Novel.objects.get(title='Gamma')
counted('set', lambda: amy.novels.set([delta, gamma]))
fact('amy novels after set', sorted(titles(amy.novels.all())))
counted('set same', lambda: amy.novels.set([delta, gamma]))
counted('set bulk=False', lambda: amy.novels.set([omega, gamma], bulk=False))
fact('amy novels after set bulk=False', sorted(titles(amy.novels.all())))
counted('set unsaved', lambda: error(lambda: amy.novels.set([Novel(title='Eta')])))
# A foreign key that is not nullable: set() only adds; remove/clear do not exist.
novel = Novel.objects.get(title='Gamma')
one = Chapter.objects.create(novel=Novel.objects.get(title='Alpha'), number=1)
two = Chapter.objects.create(novel=Novel.objects.get(title='Alpha'), number=2)
counted('non-null add', lambda: novel.chapters.add(one))
fact('non-null remove', error(lambda: novel.chapters.remove))
counted('non-null set', lambda: novel.chapters.set([two]))
fact('chapters of gamma', sorted(c.number for c in novel.chapters.all()))

# ----- limit_choices_to in full_clean -----
amy, bea, cid, dot = rows()
n = Novel(title='New', writer=cid)
counted('full_clean inactive', lambda: error(lambda: n.full_clean()))
try:
    n.full_clean()
except ValidationError as e:
    fact('full_clean inactive dict', sorted(e.message_dict.items()))
n.writer = amy
counted('full_clean active', lambda: error(lambda: n.full_clean()))
n.writer_id = 9999
counted('full_clean missing', lambda: error(lambda: n.full_clean()))
n.writer = None
counted('full_clean null', lambda: error(lambda: n.full_clean()))
ch = Chapter(novel=Novel.objects.get(title='Alpha'), number=3)
counted('full_clean plain fk', lambda: error(lambda: ch.full_clean()))
ch.novel_id = 9999
counted('full_clean plain missing', lambda: error(lambda: ch.full_clean()))
fact('get_limit_choices_to', Novel._meta.get_field('writer').get_limit_choices_to())

# ----- db_constraint=False -----
amy, bea, cid, dot = rows()
alpha = Novel.objects.get(title='Alpha')
Loan.objects.create(novel=alpha, reader='r1')
Loan.objects.create(novel_id=9999, reader='r2')
fact('dangling saved', sorted((l.reader, l.novel_id) for l in Loan.objects.all()))
counted('dangling read', lambda: error(lambda: Loan.objects.get(reader='r2').novel))
counted('select_related drops dangling', lambda: [l.reader for l in Loan.objects.select_related('novel').order_by('reader')])
counted('prefetch dangling', lambda: [(l.reader, error(lambda: l.novel.title))
                                      for l in Loan.objects.prefetch_related('novel').order_by('reader')])
fact('join filter', [l.reader for l in Loan.objects.filter(novel__title='Alpha')])
fact('isnull', [l.reader for l in Loan.objects.filter(novel__isnull=True)])
fact('reverse', [l.reader for l in alpha.loans.all()])
fact('full_clean dangling', error(lambda: Loan.objects.get(reader='r2').full_clean()))
counted('delete target', lambda: Novel.objects.filter(title='Alpha').delete())
fact('loans after delete', sorted((l.reader, l.novel_id) for l in Loan.objects.all()))
with connection.schema_editor(collect_sql=True) as s:
    s.create_model(Loan)
    fact('loan ddl references', any('REFERENCES' in q for q in s.collected_sql))
with connection.schema_editor(collect_sql=True) as s:
    s.create_model(Chapter)
    fact('chapter ddl references', any('REFERENCES' in q for q in s.collected_sql))

# ----- every relation kind in the model metadata (RelationKindsMetadataTest, on dev.quarry.through and
# dev.quarry.onetoone's models): Django's _meta.get_fields() flags and through models -----


class Publisher(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'lib'


class Book(models.Model):
    title = models.CharField(max_length=50)
    publishers = models.ManyToManyField(Publisher, through='Contract', through_fields=('book', 'publisher'),
                                        related_name='books')

    class Meta:
        app_label = 'lib'


class Contract(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    publisher = models.ForeignKey(Publisher, on_delete=models.CASCADE)
    agent = models.ForeignKey(Publisher, on_delete=models.SET_NULL, null=True, related_name='+')
    royalty_pct = models.IntegerField(default=10)

    class Meta:
        app_label = 'lib'


class Person(models.Model):
    name = models.CharField(max_length=50)
    friends = models.ManyToManyField('self')
    follows = models.ManyToManyField('self', symmetrical=False, related_name='followers')

    class Meta:
        app_label = 'lib'


def kinds(model):
    out = []
    for f in model._meta.get_fields():
        if not f.is_relation:
            continue
        kind = ('many_to_many' if f.many_to_many else 'one_to_many' if f.one_to_many
                else 'one_to_one' if f.one_to_one else 'many_to_one')
        through = getattr(getattr(f, 'remote_field', None), 'through', None) if f.many_to_many else None
        if f.auto_created and f.many_to_many:
            through = f.through
        auto = through is not None and through._meta.auto_created
        out.append((f.name, kind, 'reverse' if f.auto_created else 'forward', f.related_model.__name__,
                    None if through is None else ('auto' if auto else through.__name__),
                    getattr(f, 'symmetrical', None) if not f.auto_created and f.many_to_many else
                    (f.remote_field.symmetrical if f.many_to_many and not f.auto_created else None)))
    return sorted(out)


for m in (Book, Publisher, Contract, Person):
    fact('relations ' + m.__name__, kinds(m))
fact('friends symmetrical', Person._meta.get_field('friends').remote_field.symmetrical)
fact('follows symmetrical', Person._meta.get_field('follows').remote_field.symmetrical)
