"""Work queued "on commit" runs in tests when the code's own transaction ends, as it would live.

pytest-django runs each test inside a transaction that is rolled back at the end, so a callback
given to `on_commit` would never run. For the tasks this project queues
(`ankasam.background.queueing.enqueue_on_commit`), this restores what a real database does:
queued outside any transaction of the code's own, the task is queued at once; inside one, when
the outermost such block exits without error; dropped if that block (or the savepoint it was
queued in) rolls back. With the immediate backend of the test settings the task then runs there.
Other `on_commit` callbacks (Wagtail's, the page cache's) keep Django's test behaviour.
"""

from django.db import transaction

from ankasam.background import queueing


def code_transaction_open(connection) -> bool:
    """A transaction opened by the code under test, not only the test's own."""
    return any(not block._from_testcase for block in connection.atomic_blocks)


class CommitEmulation:
    def __init__(self):
        self.queued = []
        self.real_exit = transaction.Atomic.__exit__

    def on_commit(self, func, using=None, robust=False):
        connection = transaction.get_connection(using)
        if not code_transaction_open(connection):
            func()
            return
        # Registered with Django, so that a savepoint rolled back discards it as it would live.
        transaction.on_commit(func, using=using, robust=robust)
        self.queued.append(func)

    def exit_atomic(self, atomic, exc_type, exc_value, traceback):
        result = self.real_exit(atomic, exc_type, exc_value, traceback)
        connection = transaction.get_connection(atomic.using)
        if exc_type is None and not code_transaction_open(connection):
            self.run_queued(connection)
        return result

    def run_queued(self, connection):
        ours = [entry for entry in connection.run_on_commit if any(entry[1] is f for f in self.queued)]
        connection.run_on_commit = [entry for entry in connection.run_on_commit if entry not in ours]
        for _savepoints, func, _robust in ours:
            self.queued = [f for f in self.queued if f is not func]
            func()


def emulate_commits(monkeypatch) -> CommitEmulation:
    emulation = CommitEmulation()
    monkeypatch.setattr(queueing, "on_commit", emulation.on_commit)

    def exit_atomic(atomic, exc_type, exc_value, traceback):
        return emulation.exit_atomic(atomic, exc_type, exc_value, traceback)

    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_atomic)
    return emulation
