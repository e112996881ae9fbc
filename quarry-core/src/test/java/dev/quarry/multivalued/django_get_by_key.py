# Django 3.2 facts for GetByKeyTest: get() by primary key still counts the rows a join repeats, an OR of keys
# or a key equal to another column. Run: /usr/bin/python3 django_get_by_key.py
import os
import sys
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402
django_memory.setup(__file__, 'x', debug=False)
from django.db import models, connection
from django.db.models import F, Q
class Author(models.Model):
    name = models.CharField(max_length=100)
    born = models.IntegerField(null=True)
    class Meta: app_label = 'x'
class Book(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, models.CASCADE, related_name='books')
    year = models.IntegerField()
    class Meta: app_label = 'x'
with connection.schema_editor() as e:
    e.create_model(Author)
    e.create_model(Book)
ann = Author.objects.create(name='ann', born=1950)
bob = Author.objects.create(name='bob')
Book.objects.create(title='Dune', author=ann, year=2019)
Book.objects.create(title='Emma', author=ann, year=2021)
Book.objects.create(title='Faust', author=bob, year=2021)
def outcome(f):
    try:
        return f().name
    except Exception as ex:
        return type(ex).__name__ + ': ' + str(ex)
print('get(pk=ann) ->', outcome(lambda: Author.objects.get(pk=ann.pk)))
print('get(pk=missing) ->', outcome(lambda: Author.objects.get(pk=999)))
print('filter(books__year__gte=2000).get(pk=ann) ->', outcome(lambda: Author.objects.filter(books__year__gte=2000).get(pk=ann.pk)))
print('... .distinct().get(pk=ann) ->', outcome(lambda: Author.objects.filter(books__year__gte=2000).distinct().get(pk=ann.pk)))
print('filter(books__year=2021).get(pk=ann) ->', outcome(lambda: Author.objects.filter(books__year=2021).get(pk=ann.pk)))
print('get(Q(pk=ann) | Q(pk=bob)) ->', outcome(lambda: Author.objects.get(Q(pk=ann.pk) | Q(pk=bob.pk))))
print('get(pk__in=[ann, bob]) ->', outcome(lambda: Author.objects.get(pk__in=[ann.pk, bob.pk])))
Author.objects.create(id=9001, name='eve', born=9001)
Author.objects.create(id=9002, name='fay', born=9002)
print('get(pk=F(born)) ->', outcome(lambda: Author.objects.get(pk=F('born'))))
print('get(pk=F(born), name=eve) ->', outcome(lambda: Author.objects.get(pk=F('born'), name='eve')))
print('select_related get(pk=dune) ->', Book.objects.select_related('author').get(pk=1).author.name)
