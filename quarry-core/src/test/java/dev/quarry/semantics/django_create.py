# Django 3.2 facts for CreateInsertsTest: create() saves with force_insert; save() of a new instance with an
# explicit id tries an UPDATE first. Run: /usr/bin/python3 django_create.py
import os
import sys
sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402
django_memory.setup(__file__, debug=False)
from django.db import models, connection, IntegrityError, transaction
from django.test.utils import CaptureQueriesContext
class Writer(models.Model):
    name = models.CharField(max_length=50)
    class Meta: app_label = 'x'
with connection.schema_editor() as e: e.create_model(Writer)
eve = Writer.objects.create(name='Eve')
with CaptureQueriesContext(connection) as c:
    try:
        with transaction.atomic(): Writer.objects.create(id=eve.id, name='Mallory')
    except IntegrityError as ex: print('create existing ->', type(ex).__name__)
print([q['sql'].split()[0] for q in c.captured_queries])
print('name still', Writer.objects.get(pk=eve.id).name)
with CaptureQueriesContext(connection) as c: Writer.objects.create(id=4242, name='Zed')
print('create new', [q['sql'].split()[0] for q in c.captured_queries])
w = Writer(id=4343, name='Yan')
with CaptureQueriesContext(connection) as c: w.save()
print('save new pk', [q['sql'].split()[0] for q in c.captured_queries])
