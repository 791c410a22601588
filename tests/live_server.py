"""The live server answers one request at a time when the tests' database is SQLite in memory.

An in-memory SQLite database exists only on its connection, so Django hands the tests' connection
to the live server's threads (`connections_override`), and every thread then works on that one
connection. Two requests in flight at once (an admin autosave and the Publish click) interleaved
their savepoints on it ("no such savepoint", a tag inserted twice), which no real server does:
each of its threads or processes has a connection of its own. On PostgreSQL the server's threads
have their own connections and requests run side by side, as in production.
"""

import threading

from django.core.servers.basehttp import ThreadedWSGIServer


class OneRequestAtATimeOnSharedConnections(ThreadedWSGIServer):
    def set_app(self, application):
        if not self.connections_override:
            return super().set_app(application)
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        return super().set_app(one_at_a_time)


def serialise_requests_on_shared_connections():
    from django.test.testcases import LiveServerThread

    LiveServerThread.server_class = OneRequestAtATimeOnSharedConnections
