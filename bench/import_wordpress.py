"""Speed and memory of the WordPress import on synthetic exports of 200 and 2000 translation groups.

    .venv/bin/python bench/import_wordpress.py [--sizes 200,2000] [--quick]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/x .venv/bin/python bench/import_wordpress.py

Each size is a Polylang-style export written by `bench/synthetic.py` (one post per group
in English, Turkish and Russian, ten hand-typed footnotes each), imported through `run_import`, the
code path of `manage.py import_wordpress`, into a fresh database: migrated, with the home page's
article index and experts page the import needs, and nothing else. Every size runs in a process of
its own (the script calls itself with `--one-size`), so the peak resident memory of the large run
owes nothing to the small one; DEBUG is off, or Django would keep every query of the import.

Without DATABASE_URL, or with a SQLite one, only SQLite runs, in a temporary `bench-import.sqlite3`.
With a PostgreSQL DATABASE_URL, SQLite runs and then PostgreSQL, of which only the server and
credentials are used: the import goes into a database of its own (`ankasam_bench_import`, dropped
and recreated for every size), and the script refuses any name without "bench" in it unless
`--any-database` is given.

Peak memory is the process's maximum resident set (`ru_maxrss`, what the operating system had to
give it at its worst), with how much of it the import added (migrations run in a process of their
own). The last lines compare the largest size with the smallest: a peak within a small factor
(SMALL_FACTOR) for ten times the posts shows the import streams, and the script exits non-zero if
it is not. `--tracemalloc` adds the peak of Python's own allocations, which tells what holds the
memory but makes the import about four times slower, so its seconds are not the import's speed;
with it, `--snapshot` prints where the memory is held when the streaming pass over the posts ends
and when the last group is published (top 10 lines each). `--profile` prints the 15 most expensive
calls, cumulatively, per size; `--profile-dir DIR` also saves each size's whole profile there
(`import-<backend>-<groups>.prof`), to read callers and callees with `pstats`.
"""

import argparse
import contextlib
import cProfile
import gc
import io
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlparse, urlunparse

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

LANGUAGES = ("en", "tr", "ru")
FOOTNOTES_PER_POST = 10
RESULT = "RESULT "  # the line a one-size run hands its figures back on
MIB = 1024 * 1024
# The first pass keeps a few hundred bytes of facts per post; a post's text is ~4 KB, more once parsed.
FACTS_PER_POST = 1024
# Ten times the posts may cost a little more memory (the facts above, caches warming), never ten times.
SMALL_FACTOR = 1.5


def arguments():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="200,2000", help="translation groups per run, comma-separated (default 200,2000)"
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: sizes 20,100")
    parser.add_argument(
        "--database",
        default="ankasam_bench_import",
        help="PostgreSQL database (default ankasam_bench_import)",
    )
    parser.add_argument(
        "--any-database", action="store_true", help="allow a database without 'bench' in its name"
    )
    parser.add_argument(
        "--backends", help="comma-separated, of sqlite and postgresql (default: as DATABASE_URL allows)"
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also measure the peak of Python allocations (about four times slower)",
    )
    parser.add_argument(
        "--snapshot", action="store_true", help="print what holds memory when the pass over the posts ends"
    )
    parser.add_argument("--profile", action="store_true", help="print the top 15 calls by cumulative time")
    parser.add_argument(
        "--profile-by",
        choices=["cumulative", "tottime"],
        default="cumulative",
        help="with --profile: order by time including callees (cumulative) or own time (tottime)",
    )
    parser.add_argument(
        "--profile-dir",
        type=Path,
        help="with --profile: also save each size's whole profile there, for pstats or snakeviz",
    )
    parser.add_argument("--one-size", type=int, help=argparse.SUPPRESS)  # the child run
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        args.sizes = "20,100"
    args.sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    if args.snapshot and not args.tracemalloc:
        parser.error("--snapshot needs --tracemalloc")
    return args


# The parent: one child process per backend and size, then the table.


def backends(args) -> list[str]:
    url = os.environ.get("DATABASE_URL", "")
    if args.backends:
        chosen = [name.strip() for name in args.backends.split(",") if name.strip()]
        if set(chosen) - {"sqlite", "postgresql"}:
            sys.exit(f"Unknown backend in {args.backends!r}: sqlite and postgresql are measured.")
        if "postgresql" in chosen and not url.startswith("postgres"):
            sys.exit("PostgreSQL needs DATABASE_URL=postgres://user@host:port/anything")
        return chosen
    return ["sqlite", "postgresql"] if url.startswith("postgres") else ["sqlite"]


def run_child(args, backend: str, size: int) -> dict:
    command = [sys.executable, __file__, "--one-size", str(size), "--backend", backend]
    command += ["--database", args.database]
    if args.profile:
        command += ["--profile-by", args.profile_by]
    if args.profile and args.profile_dir:
        command += ["--profile-dir", str(args.profile_dir.resolve())]
    for flag in ("any_database", "tracemalloc", "snapshot", "profile"):
        if getattr(args, flag):
            command.append(f"--{flag.replace('_', '-')}")
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=PROJECT)
    result = None
    for line in child.stdout:
        if line.startswith(RESULT):
            result = json.loads(line[len(RESULT) :])
        else:
            print(f"  {line}", end="")
    if child.wait() != 0 or result is None:
        sys.exit(f"The {backend} run of {size} groups failed (exit status {child.returncode}).")
    peak = "" if result["tracemalloc_peak"] is None else f", peak {result['tracemalloc_peak'] / MIB:.1f} MiB"
    print(
        f"  {result['posts']} posts in {result['seconds']:.1f} s{peak}, "
        f"maxrss {result['maxrss_after'] / MIB:.1f} MiB"
    )
    return result


def print_table(results: list[dict], traced: bool) -> bool:
    """The figures, then per backend the largest size against the smallest; False if memory did not keep."""
    print()
    heading = (
        f"{'backend':<11}{'groups':>7}{'posts':>7}{'seconds':>9}{'posts/s':>9}{'groups/s':>9}"
        f"{'peak MiB':>10}{'+import MiB':>12}{'py peak MiB':>12}"
    )
    print(heading)
    print("-" * len(heading))
    for r in results:
        python_peak = f"{r['tracemalloc_peak'] / MIB:>12.1f}" if traced else f"{'-':>12}"
        print(
            f"{r['backend']:<11}{r['groups']:>7}{r['posts']:>7}{r['seconds']:>9.1f}"
            f"{r['posts'] / r['seconds']:>9.1f}{r['groups'] / r['seconds']:>9.1f}"
            f"{r['maxrss_after'] / MIB:>10.1f}{(r['maxrss_after'] - r['maxrss_before']) / MIB:>12.1f}"
            f"{python_peak}"
        )
    print(
        "\npeak MiB: the process's maximum resident set; +import MiB: how much of it the import added;"
        "\npy peak MiB: the tracemalloc peak of Python allocations during the import (--tracemalloc)."
        + ("\nSeconds are with tracemalloc on, about four times slower than without." if traced else "")
    )
    kept = True
    for backend in dict.fromkeys(r["backend"] for r in results):
        runs = sorted((r for r in results if r["backend"] == backend), key=lambda r: r["posts"])
        if len(runs) < 2:
            continue
        small, large = runs[0], runs[-1]
        ratio = large["maxrss_after"] / small["maxrss_after"]
        within = ratio <= SMALL_FACTOR
        kept = kept and within
        grew_small = max(small["maxrss_after"] - small["maxrss_before"], 1)
        grew_large = large["maxrss_after"] - large["maxrss_before"]
        print(
            f"\n{backend}: {large['posts']} posts against {small['posts']} "
            f"({large['posts'] / small['posts']:.0f}x the posts)"
            f"\n  peak memory {ratio:.2f}x ({'within' if within else 'NOT within'} {SMALL_FACTOR}x); "
            f"the import's own share {grew_large / grew_small:.2f}x"
            f"\n  speed {large['posts'] / large['seconds']:.1f} against "
            f"{small['posts'] / small['seconds']:.1f} posts/s"
        )
        if traced:
            extra = large["tracemalloc_peak"] - small["tracemalloc_peak"]
            per_post = extra / (large["posts"] - small["posts"])
            print(
                f"  Python peak {large['tracemalloc_peak'] / small['tracemalloc_peak']:.2f}x, "
                f"{per_post:,.0f} bytes more per extra post "
                f"({'within' if per_post <= FACTS_PER_POST else 'OVER'} the {FACTS_PER_POST} bytes of facts)"
            )
    print(
        "\nThe index of small facts from the first pass grows linearly with the posts, a few hundred"
        "\nbytes each (well under 1 MiB per 1000 posts), while the text of the posts (~4 KB each,"
        "\nseveral times that once parsed) must not accumulate: a peak growing like the posts means"
        "\nwhole posts are being kept (--tracemalloc --snapshot shows where)."
    )
    return kept


def main():
    sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens, even into a file
    args = arguments()
    if args.one_size is not None:
        return one_size(args)
    results = []
    for backend in backends(args):
        for size in args.sizes:
            print(f"{backend}: importing {size} groups ({size * len(LANGUAGES)} posts)...")
            results.append(run_child(args, backend, size))
    if not print_table(results, traced=args.tracemalloc):
        sys.exit(f"Peak memory grew by more than {SMALL_FACTOR}x with the size of the export.")


# The child: one size on one backend, in a fresh database.


def prepare_database(args, folder: Path) -> str:
    """Point DATABASE_URL at a fresh database of the benchmark's own; returns the vendor."""
    if args.backend == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench-import.sqlite3'}"
        return "sqlite"
    if "bench" not in args.database and not args.any_database:
        sys.exit(
            f"Refusing to fill {args.database!r}: name a database with 'bench' in it, or pass --any-database."
        )
    import psycopg

    parts = urlparse(os.environ["DATABASE_URL"])
    server = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{args.database}"')
        admin.execute(f'CREATE DATABASE "{args.database}"')
    os.environ["DATABASE_URL"] = urlunparse(parts._replace(path=f"/{args.database}"))
    return "postgresql"


def setup_django(folder: Path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankasam.settings.dev")
    os.environ["DEBUG"] = "false"  # no query log growing with every post
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    # The project's `migrate` also runs update_translation_fields (and set_translation_url_paths when
    # a page lacks a path), so the home page has its per-language url_paths. It runs in a process of
    # its own, so that its memory is not in this one's maximum resident set.
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"],
        cwd=PROJECT,
        check=True,
        stdout=subprocess.DEVNULL,  # wagtail-modeltranslation prints every column it adds
    )
    import django

    django.setup()
    from django.conf import settings

    assert not settings.DEBUG, "DEBUG must be off: Django would keep every query in memory"


def build_site():
    """The home page from the migrations, with an article index and the experts page under it."""
    from wagtail.models import Site

    from tests.articles.factories import ArticleIndexPageFactory
    from tests.people.factories import PeopleIndexPageFactory

    home = Site.objects.get(is_default_site=True).root_page.specific
    index = ArticleIndexPageFactory(parent=home, title_ru="Аналитика", slug_ru="analitika")
    PeopleIndexPageFactory(parent=home)
    return index


def check_import(report, groups: int):
    """The figures mean nothing if the import did not import: every post, one page per group."""
    from ankasam.articles.models import ArticlePage

    pages = ArticlePage.objects.filter(live=True)
    problems = []
    if report.created["page"] != groups or pages.count() != groups:
        problems.append(f"{report.created['page']} pages created, {pages.count()} live, {groups} groups")
    if report.counted("created") != groups * len(LANGUAGES):
        problems.append(f"{report.counted('created')} posts created for {groups * len(LANGUAGES)} posts")
    if pages.exclude(url_path_en__startswith="/").exists():
        problems.append("pages with a url_path not starting with '/' (update_translation_fields?)")
    if problems:
        sys.exit("The import went wrong: " + "; ".join(problems))


@contextlib.contextmanager
def snapshot_when_posts_are_written(taken: list, groups: int):
    """Snapshots as the streaming pass ends and as the last group is published, before commit."""
    from ankasam.wordpress import importer

    rewrite, finish = importer.rewrite_links_between_posts, importer.finish_group
    finished = []

    def snapshot_then_rewrite(*args, **kwargs):
        taken.append(("when the pass over the posts ended", tracemalloc.take_snapshot()))
        return rewrite(*args, **kwargs)

    def finish_then_snapshot(*args, **kwargs):
        result = finish(*args, **kwargs)
        finished.append(True)
        if len(finished) == groups:
            taken.append(("when the last group was published", tracemalloc.take_snapshot()))
        return result

    importer.rewrite_links_between_posts = snapshot_then_rewrite
    importer.finish_group = finish_then_snapshot
    try:
        yield
    finally:
        importer.rewrite_links_between_posts, importer.finish_group = rewrite, finish


def print_snapshot(snapshot, title: str):
    snapshot = snapshot.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    statistics = snapshot.statistics("lineno")
    total = sum(stat.size for stat in statistics)
    print(f"{title}: {total / MIB:.1f} MiB traced; top 10 lines")
    for stat in statistics[:10]:
        frame = stat.traceback[0]
        name = os.path.relpath(frame.filename, PROJECT)
        print(f"  {stat.size / MIB:8.2f} MiB {stat.count:>9} blocks  {name}:{frame.lineno}")


def maxrss() -> int:
    """The process's maximum resident set so far, in bytes (Linux counts kilobytes, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def measured_import(options, args, snapshots, profile, groups):
    """Run the import once; its time, and its peak of traced memory when --tracemalloc is given."""
    from ankasam.wordpress.importer import run_import

    gc.collect()
    watch = snapshot_when_posts_are_written(snapshots, groups) if args.snapshot else contextlib.nullcontext()
    with watch:
        if args.tracemalloc:
            tracemalloc.start()
        started = time.perf_counter()
        if profile:
            profile.enable()
        report = run_import(options)
        if profile:
            profile.disable()
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if tracemalloc.is_tracing() else None
        tracemalloc.stop()
    return report, seconds, peak


def one_size(args):
    groups = args.one_size
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        vendor = prepare_database(args, folder)
        setup_django(folder)
        from ankasam.wordpress.importer import Options
        from bench.synthetic import write_synthetic_export

        parent = build_site()
        started = time.perf_counter()
        export = write_synthetic_export(
            folder / "export.xml", posts=groups, languages=LANGUAGES, footnotes_per_post=FOOTNOTES_PER_POST
        )
        size = export.path.stat().st_size
        written_in = time.perf_counter() - started
        print(f"{export.posts} posts, {size / MIB:.1f} MiB of WXR written in {written_in:.1f} s")
        options = Options(path=export.path, parent=parent, uploads=None, dry_run=False)

        snapshots = []
        profile = cProfile.Profile() if args.profile else None
        rss_before = maxrss()
        report, seconds, peak = measured_import(options, args, snapshots, profile, groups)
        rss_after = maxrss()

        check_import(report, groups)
        for when, snapshot in snapshots:
            print_snapshot(snapshot, f"{vendor}, {groups} groups, {when}")
        if profile:
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(args.profile_by).print_stats(25)
            if args.profile_dir:
                args.profile_dir.mkdir(parents=True, exist_ok=True)
                profile.dump_stats(args.profile_dir / f"import-{vendor}-{groups}.prof")
            print(f"{vendor}, {groups} groups, top 15 by cumulative time:\n{out.getvalue().strip()}")
        result = {
            "backend": vendor,
            "groups": groups,
            "posts": export.posts,
            "export_bytes": size,
            "seconds": seconds,
            "tracemalloc_peak": peak,
            "maxrss_before": rss_before,
            "maxrss_after": rss_after,
            "warnings": len(report.warnings),
        }
        print(RESULT + json.dumps(result))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
