"""Search speed on a database of generated articles in English, Turkish and Russian.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/search.py [--articles 10000]

Only the server and credentials of DATABASE_URL are used: the benchmark runs in a database of
its own (`ankasam_bench`, created when missing) and refuses any name without "bench" in it
unless `--any-database` is given. Without DATABASE_URL, or with a SQLite one, it measures the
SQLite fallback in `bench.sqlite3` with 1000 articles. Articles are inserted in bulk (not one
`add_child` at a time), indexed with the same code as the site, then searched through
`search_articles` and `with_excerpts`, as the search page does. docs/search.md has the figures.
"""

import argparse
import contextlib
import datetime
import io
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.search_corpus import article_text  # noqa: E402

LANGUAGE_SHARE = {"en": 1.0, "tr": 0.7, "ru": 0.6}
QUERIES = {
    "en": ["economy", "economies", "pipeline", "gas pipeline", "border security", "migrants", "refinery",
           "summit agreement", "trade corridor", "dams", "election", "drought harvest", "ports railway"],
    "tr": ["ekonomi", "ekonomisinin", "ekonomiler", "enerji", "göçmenler", "sınır güvenliği", "boru hattı",
           "seçimler", "liman", "yatırımlar", "kuraklık", "ticaret koridoru", "müzakereler"],
    "ru": ["экономика", "экономике", "газ", "трубопровод", "граница", "мигрантов", "выборы", "санкции",
           "торговли коридор", "плотины", "переговоры саммит", "нефть", "инвестиции"],
}  # fmt: skip


def arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, help="articles to have (default 10000, 1000 on SQLite)")
    parser.add_argument("--searches", type=int, default=300, help="searches per language (default 300)")
    parser.add_argument(
        "--database", default="ankasam_bench", help="PostgreSQL database (default ankasam_bench)"
    )
    parser.add_argument(
        "--any-database", action="store_true", help="allow a database without 'bench' in its name"
    )
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database first")
    parser.add_argument(
        "--compare-indexes", action="store_true", help="also time one partial GIN per language"
    )
    return parser.parse_args()


def prepare_database(args) -> str:
    """Point DATABASE_URL at the benchmark's own database, creating it; returns the vendor."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        path = PROJECT / "bench.sqlite3"
        if args.fresh and path.exists():
            path.unlink()
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        return "sqlite"
    if "bench" not in args.database and not args.any_database:
        sys.exit(
            f"Refusing to fill {args.database!r}: name a database with 'bench' in it, or pass --any-database."
        )
    import psycopg

    parts = urlparse(url)
    server = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as admin:
        if args.fresh:
            admin.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.database]).fetchone():
            admin.execute(f'CREATE DATABASE "{args.database}"')
    os.environ["DATABASE_URL"] = urlunparse(parts._replace(path=f"/{args.database}"))
    return "postgresql"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankasam.settings.dev")
    os.environ["DEBUG"] = "false"  # no query log growing with every insert
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    # wagtail-modeltranslation prints every column it adds, whatever the verbosity.
    with contextlib.redirect_stdout(io.StringIO()):
        call_command("migrate", interactive=False, verbosity=0)


def ensure_fixtures():
    """The section, taxonomy and people the generated articles point at, made by the tests' factories."""
    from wagtail.models import Site

    from ankasam.articles.models import ArticleIndexPage
    from tests.articles.factories import ArticleIndexPageFactory
    from tests.people.factories import PeopleIndexPageFactory, PersonPageFactory
    from tests.taxonomy.factories import ArticleTypeFactory, RegionFactory, TopicFactory

    home = Site.objects.get(is_default_site=True).root_page
    index = ArticleIndexPage.objects.filter(slug_en="bench").first()
    if index is None:
        index = ArticleIndexPageFactory(
            parent=home, title_en="Bench", slug_en="bench", title_tr="Bench", slug_tr=None, title_ru="Bench"
        )
        index.save_revision().publish()
        people = PeopleIndexPageFactory(parent=home, title_en="Bench people", slug_en="bench-people")
        for n in range(12):
            PersonPageFactory(
                parent=people, title_en=f"Author {n} Benchmark", slug_en=f"author-{n}-benchmark"
            )
        for factory, names in ((TopicFactory, "energy security migration trade water diplomacy"),
                               (RegionFactory, "caucasus caspian black-sea central-asia middle-east"),
                               (ArticleTypeFactory, "analysis commentary report")):  # fmt: skip
            for name in names.split():
                factory(name_en=name.title(), slug=name)
    return index.specific


def unsaved_article(index, step, rng, *, content_type, locale, now, types):
    """One live article at child position `step` of `index`, its tree fields filled in by hand."""
    from wagtail.models import Page

    from ankasam.articles.content import write_article_translation
    from ankasam.articles.models import ArticlePage

    article = ArticlePage(publication_date=datetime.date(2016, 1, 1) + datetime.timedelta(days=step % 3650))
    for language, share in LANGUAGE_SHARE.items():
        if rng.random() < share:
            write_article_translation(article, language, **article_text(rng, language, step))
    for language in LANGUAGE_SHARE:
        slug = getattr(article, f"slug_{language}")
        # Every language gets a path, as Wagtail gives one (else `migrate` repairs them all).
        parent_path = getattr(index, f"url_path_{language}")
        setattr(article, f"url_path_{language}", f"{parent_path}{slug or article.slug_en}/")
    article.draft_title = article.title_en
    article.path = Page._get_path(index.path, index.depth + 1, step)
    article.depth, article.numchild, article.url_path = index.depth + 1, 0, article.url_path_en
    article.content_type, article.locale, article.translation_key = content_type, locale, uuid.uuid4()
    article.live, article.first_published_at, article.last_published_at = True, now, now
    article.article_type = rng.choice(types)
    return article


def write_batch(index, batch, rng, *, topics, regions, people):
    """The batch's page rows, article rows and links, the article rows by one raw INSERT each.

    The index's child count goes up in the same transaction, so a run stopped between batches
    leaves a tree the next run continues from.
    """
    from django.db import connection, transaction
    from django.db.models import F
    from wagtail.models import Page

    from ankasam.articles.models import ArticlePage, ArticlePageAuthor

    local_fields = list(ArticlePage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in local_fields)
    placeholders = ", ".join(["%s"] * len(local_fields))
    insert = f"INSERT INTO {ArticlePage._meta.db_table} ({columns}) VALUES ({placeholders})"
    with transaction.atomic():
        pages = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(a, f.attname) for f in Page._meta.concrete_fields}) for a in batch]
        )
        for article, page in zip(batch, pages, strict=True):
            article.pk = article.page_ptr_id = page.pk
        with connection.cursor() as cursor:
            prepared = [
                [f.get_db_prep_save(getattr(a, f.attname), connection) for f in local_fields] for a in batch
            ]
            cursor.executemany(insert, prepared)
        ArticlePage.topics.through.objects.bulk_create(
            [ArticlePage.topics.through(articlepage_id=a.pk, topic=rng.choice(topics)) for a in batch]
        )
        ArticlePage.regions.through.objects.bulk_create(
            [ArticlePage.regions.through(articlepage_id=a.pk, region=rng.choice(regions)) for a in batch]
        )
        ArticlePageAuthor.objects.bulk_create(
            [ArticlePageAuthor(page_id=a.pk, person=rng.choice(people), sort_order=0) for a in batch]
        )
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(batch))


def insert_articles(index, count, rng):
    """Insert `count` live articles under `index` in bulk, with treebeard paths computed here."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    from ankasam.articles.models import ArticlePage
    from ankasam.people.models import PersonPage
    from ankasam.taxonomy.models import ArticleType, Region, Topic

    shared = {
        "content_type": ContentType.objects.get_for_model(ArticlePage),
        "locale": Locale.get_default(),
        "now": datetime.datetime.now(datetime.UTC),
        "types": list(ArticleType.objects.all()),
    }
    links = {
        "topics": list(Topic.objects.all()),
        "regions": list(Region.objects.all()),
        "people": list(PersonPage.objects.all()),
    }
    # After the index's last child, whatever its child count says (an earlier version of this
    # script counted only at the end, so a run it stopped midway left the count behind).
    children = Page.objects.child_of(index)
    Page.objects.filter(pk=index.pk).update(numchild=children.count())
    last = children.order_by("-path").values_list("path", flat=True).first()
    first_step = (Page._str2int(last[-Page.steplen :]) if last else 0) + 1
    for start in range(0, count, 500):
        steps = range(first_step + start, first_step + min(start + 500, count))
        batch = [unsaved_article(index, step, rng, **shared) for step in steps]
        write_batch(index, batch, rng, **links)
        print(f"  {start + len(batch)} / {count} articles inserted", flush=True)


def fill(count, rng):
    """Articles up to `count`, each indexed: what a run finds is checked and completed, not assumed.

    Each batch of articles and each chunk of the index is written in a transaction of its own,
    so a run that was stopped (Ctrl-C, a crash) leaves whole batches, and the next run inserts
    only the missing articles and indexes only the articles without entries.
    """
    from ankasam.articles.models import ArticlePage
    from ankasam.search.indexing import index_articles
    from ankasam.search.models import SearchEntry

    index = ensure_fixtures()
    missing = count - ArticlePage.objects.child_of(index).count()
    if missing > 0:
        started = time.monotonic()
        insert_articles(index, missing, rng)
        print(f"Inserted {missing} articles in {time.monotonic() - started:.0f} s.")
    else:
        print(f"{count} articles already there; reusing them (--fresh starts again).")
    indexed = SearchEntry.objects.values("page_id")
    unindexed = ArticlePage.objects.child_of(index).exclude(pk__in=indexed)
    ids = list(unindexed.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return
    print(f"Indexing {len(ids)} articles...")
    started = time.monotonic()
    written = 0
    for start in range(0, len(ids), 1000):
        written += index_articles(ids[start : start + 1000])
        print(f"  {min(start + 1000, len(ids))} / {len(ids)} articles indexed", flush=True)
    print(f"Indexed {written} entries in {time.monotonic() - started:.0f} s.")


def analyze():
    """Settle the tables before measuring: statistics, and on PostgreSQL a vacuum.

    `migrate` rewrites every page row (the translation fields), and a fill inserts thousands:
    without a vacuum first, autovacuum and the setting of hint bits ran during the searches.
    """
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def one_search(language, query, params):
    """What the search page does for page 1: filters, match, count, the page, excerpts, authors."""
    from django.core.paginator import Paginator
    from django.http import QueryDict
    from django.utils import translation

    from ankasam.articles.filters import filter_articles
    from ankasam.articles.kept_parts import bylines_html
    from ankasam.articles.models import ArticlePage
    from ankasam.search.querying import search_articles

    with translation.override(language):
        within = None
        if params:
            within, _filters = filter_articles(ArticlePage.objects.all(), QueryDict(params))
        page = Paginator(search_articles(query, language, within=within), 12).page(1)
        bylines = bylines_html(page)  # the authors and dates, as the page shows them
    return page.paginator.count, bylines


def run_searches(searches, rng) -> dict[str, list[tuple[float, int]]]:
    """(milliseconds, results found) per search, by language."""
    timings = {}
    for language, queries in QUERIES.items():
        one_search(language, queries[0], "")  # warm the connection and caches
        timings[language] = []
        for _ in range(searches):
            query = rng.choice(queries)
            if rng.random() < 0.3:
                query = f"{query} {rng.choice(queries).split()[0]}"
            params = f"topic={rng.choice(['energy', 'trade', 'security'])}" if rng.random() < 0.2 else ""
            started = time.perf_counter()
            found, _bylines = one_search(language, query, params)
            timings[language].append(((time.perf_counter() - started) * 1000, found))
    return timings


def report(timings, label):
    print(f"\n{label}: milliseconds per search (match, count, one page of 12 with excerpts and authors)")
    print(f"{'language':<10}{'searches':>9}{'p50':>9}{'p95':>9}{'max':>9}{'results p50':>13}{'max':>7}")
    for language, runs in timings.items():
        values = sorted(ms for ms, _found in runs)
        found = sorted(count for _ms, count in runs)
        p95 = values[max(int(len(values) * 0.95) - 1, 0)]
        print(
            f"{language:<10}{len(values):>9}{statistics.median(values):>9.1f}{p95:>9.1f}{values[-1]:>9.1f}"
            f"{statistics.median(found):>13.0f}{found[-1]:>7}"
        )


def explain(language, query):
    """The plan of the query a first page runs: the ids of the first matches, best first."""
    from django.db import connection

    from ankasam.search.querying import COUNT_LIMIT, LAGGING_ENTRIES_MARGIN, search_articles

    matches = search_articles(query, language).matches.values_list("page_id", flat=True)
    sql, params = matches[: COUNT_LIMIT + 1 + LAGGING_ENTRIES_MARGIN].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        print(f"\nEXPLAIN ANALYZE of the {language} search for {query!r} (the ids counted and paged):")
        print("\n".join(row[0] for row in cursor.fetchall()))


def swap_to_partial_indexes(enable):
    from django.conf import settings
    from django.db import connection

    from ankasam.core.languages import site_language_codes

    with connection.cursor() as cursor:
        for code in site_language_codes() if enable else []:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS search_entry_vector_gin_{code} ON search_searchentry "
                f"USING gin (search_vector) WHERE language = %s",
                [code],
            )
        if enable:
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")
        else:
            for code, _name in settings.LANGUAGES:
                cursor.execute(f"DROP INDEX IF EXISTS search_entry_vector_gin_{code}")
            cursor.execute(
                "CREATE INDEX IF NOT EXISTS search_entry_vector_gin "
                "ON search_searchentry USING gin (search_vector)"
            )
        cursor.execute("ANALYZE search_searchentry")


def main():
    sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens, even into a file
    args = arguments()
    vendor = prepare_database(args)
    setup_django()
    count = args.articles or (10_000 if vendor == "postgresql" else 1000)
    if vendor != "postgresql":
        print("SQLite: measuring the substring fallback (no stemming, no index), not the PostgreSQL search.")
    rng = random.Random(2026)
    fill(count, rng)
    analyze()
    report(run_searches(args.searches, random.Random(1)), f"{vendor}, {count} articles")
    if vendor == "postgresql":
        explain("tr", "ekonomi")
        if args.compare_indexes:
            swap_to_partial_indexes(True)
            report(run_searches(args.searches, random.Random(1)), "one partial GIN index per language")
            explain("tr", "ekonomi")
            swap_to_partial_indexes(False)
            # Again, now that the cache is as warm as it was for the partial indexes.
            report(run_searches(args.searches, random.Random(1)), "one GIN index, run again")


if __name__ == "__main__":
    main()
