# What Django 3.2 does with two models of the same class name (Tag) in two apps, on the rows of
# ModelLabelsTest (dev.quarry.modellabels): deletion counts keyed by model label, never merged, and two
# models on one table refused by the system checks (models.E028). Run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/modellabels/django_model_labels.py
#
# Django's label is "app_label.ClassName"; Quarry has no app label, so it keys counts by class name and
# uses the qualified class name for a name two of its models share.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'blog', 'shop', debug=False)

from django.core import checks  # noqa: E402
from django.db import connection, models  # noqa: E402


class Tag(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = 'blog'
        db_table = 'blog_tag'


BlogTag = Tag


class Tag(models.Model):  # noqa: F811  the shop's Tag: same class name, another app
    name = models.CharField(max_length=20)
    source = models.ForeignKey(BlogTag, models.CASCADE, related_name='copies')

    class Meta:
        app_label = 'shop'
        db_table = 'shop_tag'


ShopTag = Tag

with connection.schema_editor() as editor:
    editor.create_model(BlogTag)
    editor.create_model(ShopTag)


def rows():
    blog = BlogTag.objects.create(name='java')
    for n in ('java-1', 'java-2'):
        ShopTag.objects.create(name=n, source=blog)
    return blog


print('Model.delete():', rows().delete())
rows()
print('QuerySet.delete():', BlogTag.objects.filter(name='java').delete())
print('fast delete of nothing:', ShopTag.objects.all().delete())
rows()
print('fast delete:', ShopTag.objects.all().delete())


class Shadow(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = 'shop'
        db_table = 'blog_tag'


print('two models on one table:', [e.id + ': ' + e.msg for e in checks.run_checks() if e.id == 'models.E028'])
