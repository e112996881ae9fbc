"""Django 3.2's answers for dbfeatures/*Test.java: callable defaults, editable=False in full_clean, and
db_collation on SQLite. Run: /usr/bin/python3 django_db_features.py (Debian's python3-django 3.2).
Expected output (asserted by CallableDefaults/Editable/Collation tests):
  codes 1 2
  ddl default None
  editable toolong ['Ensure this value has at most 3 characters (it has 7).']
  editable empty ok
  editable none ok
  editable bad choice ok
  editable fields locked False auto False
  collation NOCASE exact 1 order ['alpha', 'Beta']
  default collation exact 0
"""
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, debug=False, use_tz=True)
from django.core.exceptions import ValidationError
from django.db import connection, models

counter = [0]


def next_number():
    counter[0] += 1
    return counter[0]


class Ticket(models.Model):
    number = models.IntegerField(default=next_number)
    locked = models.CharField(max_length=3, editable=False, choices=[('A', 'A'), ('B', 'B')])
    stamp = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = 'dbfeatures'


class Word(models.Model):
    text = models.CharField(max_length=20, db_collation='NOCASE')
    plain = models.CharField(max_length=20)

    class Meta:
        app_label = 'dbfeatures'


with connection.schema_editor() as e:
    e.create_model(Ticket)
    e.create_model(Word)

a, b = Ticket(), Ticket()
print('codes', a.number, b.number)
cols = connection.introspection.get_table_description(connection.cursor(), 'dbfeatures_ticket')
print('ddl default', [c.default for c in cols if c.name == 'number'][0])


def clean(label, value):
    t = Ticket(locked=value)
    try:
        t.full_clean()
        print('editable', label, 'ok')
    except ValidationError as err:
        print('editable', label, err.message_dict.get('locked'))


clean('toolong', 'toolong')
clean('empty', '')
clean('none', None)
clean('bad choice', 'Z')
print('editable fields locked', Ticket._meta.get_field('locked').editable,
      'auto', Ticket._meta.get_field('stamp').editable)
Word.objects.create(text='alpha', plain='alpha')
Word.objects.create(text='Beta', plain='Beta')
print('collation NOCASE exact', Word.objects.filter(text='ALPHA').count(),
      'order', list(Word.objects.order_by('text').values_list('text', flat=True)))
print('default collation exact', Word.objects.filter(plain='ALPHA').count())
