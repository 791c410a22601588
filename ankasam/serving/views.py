from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from .page_cache import current_generation


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def page_cache_answers() -> bool:
    try:
        return bool(current_generation())
    except Exception:
        # Any failure of the cache's client (a refused connection, a full disk) means "no".
        return False


@never_cache
def healthz(request):
    """For load balancers: 200 when the database and the page cache answer, 503 otherwise."""
    problems = [
        name
        for name, answers in (("database", database_answers), ("cache", page_cache_answers))
        if not answers()
    ]
    if problems:
        return HttpResponse(
            f"unavailable: {', '.join(problems)}\n", status=503, content_type="text/plain; charset=utf-8"
        )
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
