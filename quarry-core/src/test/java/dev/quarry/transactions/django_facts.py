# What Django 3.2 does for the transaction, locking and safe-write API that
# dev.quarry.transactions.* ports. Each line of output is one fact the Java tests rely on
# (the test or the decision is named in brackets). Runs on SQLite (in memory), PostgreSQL and
# MariaDB, the servers the Java suite uses; creates its own tables and drops them.
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/transactions/django_facts.py
#
# Needs Debian's python3-django (3.2), python3-psycopg2 and python3-mysqldb; PostgreSQL at
# 127.0.0.1:5432 (user postgres, database test), MariaDB at 127.0.0.1:3306 (root, no password).

import os
import sys

import MySQLdb

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

_m = MySQLdb.connect(host='127.0.0.1', user='root', passwd='')
_m.cursor().execute('CREATE DATABASE IF NOT EXISTS djfacts CHARACTER SET utf8mb4 COLLATE utf8mb4_bin')
_m.close()

django_memory.setup(
    __file__, 'facts',
    databases={
        'default': django_memory.SQLITE_MEMORY,
        'postgresql': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'test', 'USER': 'postgres',
                       'HOST': '127.0.0.1', 'PORT': '5432'},
        'mariadb': {'ENGINE': 'django.db.backends.mysql', 'NAME': 'djfacts', 'USER': 'root', 'PASSWORD': '',
                    'HOST': '127.0.0.1', 'PORT': '3306'},
    },
)

from django.db import IntegrityError, DatabaseError, connections, models, transaction  # noqa: E402
from django.db.transaction import TransactionManagementError  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


class Owner(models.Model):
    name = models.CharField(max_length=40, unique=True)

    class Meta:
        app_label = 'facts'
        db_table = 'djfacts_owner'


class Counter(models.Model):
    name = models.CharField(max_length=40, unique=True)
    qty = models.IntegerField(default=0)
    owner = models.ForeignKey(Owner, null=True, on_delete=models.CASCADE, related_name='counters')

    class Meta:
        app_label = 'facts'
        db_table = 'djfacts_counter'


def fact(text, value):
    print('%-86s %s' % (text, value))


def error(work):
    try:
        work()
        return 'no error'
    except Exception as e:  # noqa: BLE001
        return '%s: %s' % (type(e).__name__, str(e).splitlines()[0])


def sql(db, work):
    with CaptureQueriesContext(connections[db]) as c:
        try:
            work()
        except Exception as e:  # noqa: BLE001
            return ['%s: %s' % (type(e).__name__, str(e).splitlines()[0])] + [q['sql'] for q in c.captured_queries]
    return [q['sql'] for q in c.captured_queries]


for db in ('default', 'postgresql', 'mariadb'):
    with connections[db].schema_editor() as s:
        s.execute('DROP TABLE IF EXISTS djfacts_counter')
        s.execute('DROP TABLE IF EXISTS djfacts_owner')
        s.create_model(Owner)
        s.create_model(Counter)

try:
    for db in ('default', 'postgresql', 'mariadb'):
        vendor = connections[db].vendor
        C = Counter.objects.db_manager(db)
        print('== %s' % vendor)
        # [selectForUpdate: refused outside a transaction, except on SQLite, which ignores it]
        fact('select_for_update() outside a transaction', error(lambda: list(C.select_for_update())))
        with transaction.atomic(using=db):
            fact('select_for_update() SQL', sql(db, lambda: list(C.select_for_update())))
            fact('select_for_update(nowait=True) SQL', sql(db, lambda: list(C.select_for_update(nowait=True))))
            fact('select_for_update(skip_locked=True) SQL', sql(db, lambda: list(C.select_for_update(skip_locked=True))))
            fact('select_for_update(of=("self",)) SQL',
                 sql(db, lambda: list(C.select_related('owner').select_for_update(of=('self',)))))
            fact('select_for_update().exists() SQL', sql(db, lambda: C.select_for_update().exists()))
            fact('select_for_update().count() SQL', sql(db, lambda: C.select_for_update().count()))
        fact('select_for_update(nowait=True, skip_locked=True)',
             error(lambda: C.select_for_update(nowait=True, skip_locked=True)))

        # [getOrCreate / updateOrCreate: the statements and the result pair]
        fact('get_or_create, new: statements', sql(db, lambda: C.get_or_create(name='a', defaults={'qty': 1})))
        fact('get_or_create, existing: statements', sql(db, lambda: C.get_or_create(name='a', defaults={'qty': 2})))
        fact('get_or_create result', C.get_or_create(name='a', defaults={'qty': 2}))
        fact('update_or_create, existing: statements',
             sql(db, lambda: C.update_or_create(name='a', defaults={'qty': 5})))
        fact('update_or_create, existing: qty after', C.get(name='a').qty)
        fact('get_or_create(name__startswith=...) creates with', C.get_or_create(name__startswith='zz',
                                                                                 defaults={'qty': 9})[0].name)

        # [bulkUpdate: one UPDATE with CASE per batch; PostgreSQL casts]
        C.create(name='b', qty=0)
        objs = list(C.filter(name__in=['a', 'b']).order_by('name'))
        for o in objs:
            o.qty += 10
        fact('bulk_update SQL', sql(db, lambda: C.bulk_update(objs, ['qty'])))
        fact('bulk_update returns', C.bulk_update(objs, ['qty']))
        fact('bulk_update([], ...) statements', sql(db, lambda: C.bulk_update([], ['qty'])))
        fact('bulk_update(objs, []) error', error(lambda: C.bulk_update(objs, [])))
        fact('bulk_update with the pk field', error(lambda: C.bulk_update(objs, ['id'])))
        fact('bulk_update honours a filter: rows changed when filter excludes b',
             sql(db, lambda: C.filter(name='a').bulk_update(objs, ['qty'])))

        # [bulkCreate ignoreConflicts: the statement and the keys]
        dup = [Counter(name='a', qty=1), Counter(name='c', qty=1)]
        fact('bulk_create(ignore_conflicts=True) SQL', sql(db, lambda: C.bulk_create(dup, ignore_conflicts=True)))
        fact('bulk_create(ignore_conflicts=True) keys set', [o.pk for o in dup])

        # [inBulk]
        fact('in_bulk([]) statements', sql(db, lambda: C.in_bulk([])))
        fact('in_bulk on a slice', error(lambda: C.all()[:1].in_bulk([1])))
        fact('in_bulk(field_name="qty") (not unique)', error(lambda: C.in_bulk([1], field_name='qty')))
        fact('in_bulk keys', sorted(C.in_bulk([objs[0].pk, objs[1].pk, 999999]).keys()) == sorted(
            [objs[0].pk, objs[1].pk]))

        # [save(updateFields)]
        a = C.get(name='a')
        a.qty = 77
        fact('save(update_fields=["qty"]) SQL', sql(db, lambda: a.save(update_fields=['qty'])))
        fact('save(update_fields=[]) statements', sql(db, lambda: a.save(update_fields=[])))
        ghost = Counter(id=999999, name='ghost')
        fact('save(update_fields=["qty"]) of a missing row', error(lambda: ghost.save(using=db, update_fields=['qty'])))
        fact('save(update_fields=["nope"])', error(lambda: a.save(update_fields=['nope'])))

        # [refreshFromDb forgets prefetched relations]
        o = Owner.objects.db_manager(db).create(name='o1')
        C.create(name='owned', owner=o)
        o = Owner.objects.db_manager(db).prefetch_related('counters').get(name='o1')
        C.create(name='owned2', owner=o)
        o.refresh_from_db()
        fact('after refresh_from_db, counters query count', len(sql(db, lambda: list(o.counters.all()))))

        # [atomic: a caught error inside a block]
        def caught_then_query():
            with transaction.atomic(using=db):
                try:
                    C.create(name='a')
                except IntegrityError:
                    pass
                C.count()
        fact('atomic: IntegrityError caught inside, next query', error(caught_then_query))

        def caught_then_exit():
            with transaction.atomic(using=db):
                C.create(name='kept?')
                try:
                    C.create(name='a')
                except IntegrityError:
                    pass
        fact('atomic: IntegrityError caught inside, block exits normally', error(caught_then_exit))
        fact('  ... row written before the error survives', C.filter(name='kept?').exists())

        def nested_recovers():
            with transaction.atomic(using=db):
                C.create(name='kept2')
                try:
                    with transaction.atomic(using=db):
                        C.create(name='a')
                except IntegrityError:
                    pass
                C.count()
        fact('atomic: IntegrityError in a nested atomic, outer continues', error(nested_recovers))
        fact('  ... outer row committed', C.filter(name='kept2').exists())

        # [onCommit]
        ran = []
        transaction.on_commit(lambda: ran.append('outside'), using=db)
        fact('on_commit outside a transaction runs at once', ran == ['outside'])
        ran.clear()
        with transaction.atomic(using=db):
            transaction.on_commit(lambda: ran.append('outer'), using=db)
            try:
                with transaction.atomic(using=db):
                    transaction.on_commit(lambda: ran.append('inner'), using=db)
                    raise ValueError('x')
            except ValueError:
                pass
            fact('on_commit not run before the outermost commit', ran == [])
        fact('on_commit after commit: callbacks of the rolled-back inner block dropped', ran)

        def durable_nested():
            with transaction.atomic(using=db):
                with transaction.atomic(using=db, durable=True):
                    pass
        fact('atomic(durable=True) nested', error(durable_nested))
        C.all().delete()
        Owner.objects.db_manager(db).all().delete()
finally:
    for db in ('default', 'postgresql', 'mariadb'):
        with connections[db].schema_editor() as s:
            s.execute('DROP TABLE IF EXISTS djfacts_counter')
            s.execute('DROP TABLE IF EXISTS djfacts_owner')
    _m = MySQLdb.connect(host='127.0.0.1', user='root', passwd='')
    _m.cursor().execute('DROP DATABASE IF EXISTS djfacts')
    _m.close()
