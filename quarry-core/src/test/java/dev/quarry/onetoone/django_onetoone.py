# What Django 3.2 gives for a OneToOneField used both ways, on the rows of OneToOneTest
# (dev.quarry.onetoone): the reverse accessor (one object or RelatedObjectDoesNotExist), lookups both
# ways, isnull on the reverse side, select_related both ways (the reverse as a LEFT JOIN),
# prefetch_related both ways, and uniqueness in full_clean(). Each output line is one fact the Java
# test asserts; run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/onetoone/django_onetoone.py
#
# Needs Debian's python3-django (3.2).
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'lib')

from django.core.exceptions import ValidationError  # noqa: E402
from django.db import IntegrityError, connection, models, reset_queries, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'lib'


class AuthorProfile(models.Model):
    author = models.OneToOneField(Author, on_delete=models.CASCADE)
    website = models.CharField(max_length=100)

    class Meta:
        app_label = 'lib'


class Passport(models.Model):
    holder = models.OneToOneField(Author, on_delete=models.SET_NULL, null=True, related_name='passport')
    number = models.CharField(max_length=20)

    class Meta:
        app_label = 'lib'


with connection.schema_editor() as s:
    for m in (Author, AuthorProfile, Passport):
        s.create_model(m)

ann = Author.objects.create(name='ann')
bob = Author.objects.create(name='bob')
cat = Author.objects.create(name='cat')
dan = Author.objects.create(name='dan')
AuthorProfile.objects.create(author=ann, website='ann.example')
AuthorProfile.objects.create(author=bob, website='bob.example')
Passport.objects.create(holder=ann, number='P1')
Passport.objects.create(holder=cat, number='P2')
Passport.objects.create(holder=None, number='P3')


def fact(name, value):
    print('%-34s %r' % (name, value))


def counted(name, work):
    reset_queries()
    value = work()
    fact(name, value)
    fact(name + ' queries', len(connection.queries))


def error(work):
    try:
        work()
        return 'no error'
    except Exception as e:  # noqa: BLE001
        return '%s: %s' % (type(e).__name__, str(e).splitlines()[0])


def names(qs):
    return [a.name for a in qs.order_by('name')]


authors = Author.objects.all()
# the reverse accessor
counted('ann profile', lambda: Author.objects.get(name='ann').authorprofile.website)
counted('cat profile', lambda: error(lambda: Author.objects.get(name='cat').authorprofile))
counted('ann passport', lambda: Author.objects.get(name='ann').passport.number)
fact('related manager name', error(lambda: Author.objects.get(name='ann').authorprofile_set))

# lookups both ways
fact('reverse lookup', names(authors.filter(authorprofile__website__contains='example')))
fact('reverse related_name lookup', names(authors.filter(passport__number='P2')))
fact('forward lookup', [p.website for p in AuthorProfile.objects.filter(author__name='bob')])
fact('forward related_name lookup', [p.number for p in Passport.objects.filter(holder__name__in=['ann', 'cat'])
                                     .order_by('number')])
fact('reverse instance lookup', names(authors.filter(authorprofile=AuthorProfile.objects.get(website='bob.example'))))
fact('reverse two conditions', names(authors.filter(authorprofile__website__startswith='a', passport__number='P1')))
chained = authors.filter(authorprofile__website__startswith='a').filter(authorprofile__website__endswith='example')
fact('chained filters', names(chained))
fact('chained filters joins', str(chained.query).count('JOIN'))
fact('exclude reverse', names(authors.exclude(authorprofile__website='ann.example')))
fact('values across', list(authors.order_by('name').values_list('name', 'authorprofile__website', 'passport__number')))
fact('count annotation', [(a.name, a.n) for a in authors.annotate(n=Count('authorprofile')).order_by('name')])
fact('unknown reverse', error(lambda: authors.filter(authorprofile_set__website='x')))

# isnull on the reverse side
fact('no profile', names(authors.filter(authorprofile__isnull=True)))
fact('with profile', names(authors.filter(authorprofile__isnull=False)))
fact('no passport', names(authors.filter(passport__isnull=True)))
fact('passport without holder', [p.number for p in Passport.objects.filter(holder__isnull=True)])

# select_related both ways
counted('select reverse', lambda: [(a.name, a.authorprofile.website if hasattr(a, 'authorprofile') else None)
                                   for a in authors.select_related('authorprofile').order_by('name')])
counted('select two reverse', lambda: [(a.name, a.authorprofile.website if hasattr(a, 'authorprofile') else None,
                                        a.passport.number if hasattr(a, 'passport') else None)
                                       for a in authors.select_related('authorprofile', 'passport').order_by('name')])
counted('select forward', lambda: [(p.website, p.author.name)
                                   for p in AuthorProfile.objects.select_related('author').order_by('website')])
counted('select reverse then back', lambda: [(a.name, a.authorprofile.author.name) for a in
                                             authors.select_related('authorprofile').filter(authorprofile__isnull=False)
                                             .order_by('name')])
counted('select forward then reverse', lambda: [(p.website, p.author.passport.number if hasattr(p.author, 'passport')
                                                 else None) for p in AuthorProfile.objects
                                                .select_related('author__passport').order_by('website')])
fact('select_related unknown', error(lambda: list(authors.select_related('profile'))))
print('select reverse sql:', str(authors.select_related('authorprofile').query))

# prefetch_related both ways
counted('prefetch reverse', lambda: [(a.name, a.authorprofile.website if hasattr(a, 'authorprofile') else None)
                                     for a in authors.prefetch_related('authorprofile').order_by('name')])
counted('prefetch reverse then back', lambda: [(a.name, a.authorprofile.author.name if hasattr(a, 'authorprofile')
                                                else None) for a in authors.prefetch_related('authorprofile__author')
                                               .order_by('name')])
counted('prefetch forward', lambda: [(p.number, p.holder.name if p.holder else None)
                                     for p in Passport.objects.prefetch_related('holder').order_by('number')])

# uniqueness
counted("full_clean duplicate", lambda: error(lambda: AuthorProfile(author=ann, website="again.example").full_clean()))
try:
    AuthorProfile(author=ann, website='again.example').full_clean()
except ValidationError as e:
    fact('full_clean message dict', sorted(e.message_dict.items()))
fact('full_clean saved', error(lambda: AuthorProfile.objects.get(author=ann).full_clean()))
fact('full_clean free', error(lambda: AuthorProfile(author=cat, website='cat.example').full_clean()))


def duplicate():
    with transaction.atomic():
        AuthorProfile.objects.create(author=bob, website='dup.example')


fact('duplicate insert', error(duplicate).split(':')[0])

# deletion: the profile cascades, the passport's holder is set to NULL
counted('delete ann', lambda: sorted(Author.objects.get(name='ann').delete()[1].items()))
fact('passports after', [(p.number, p.holder_id) for p in Passport.objects.order_by('number')])

# start-up checks (OneToOneChecksTest): reverse names that clash, with Django's check ids and messages


class Target(models.Model):
    twoones = models.CharField(max_length=10)

    class Meta:
        app_label = 'lib'


class TwoOnes(models.Model):
    first = models.OneToOneField(Target, on_delete=models.CASCADE)
    second = models.OneToOneField(Target, on_delete=models.CASCADE)

    class Meta:
        app_label = 'lib'


class OneAndKey(models.Model):
    one = models.OneToOneField(Target, on_delete=models.CASCADE, related_name='owner')
    key = models.ForeignKey(Target, on_delete=models.CASCADE, related_query_name='owner', related_name='keys')

    class Meta:
        app_label = 'lib'


for model in (TwoOnes, OneAndKey):
    for e in model.check():
        fact('check ' + model.__name__, '%s: %s' % (e.id, e.msg))
