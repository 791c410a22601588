"""The table's rows and the summary: the checks, PASS or FAIL."""

from .host import load_average
from .load import LoadResult

# The load generator's CPU over the run's length above which it may have been the limit.
CLIENT_BUSY = 0.8
HEADER = (
    f"{'backend':<11}{'phase':<18}{'conn':>5}{'answers':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    f"{'non-2xx':>8}{'errors':>7}{'cache':>12}{'worker CPU':>11}{'client CPU':>11}{'restarts':>9}"
)


def cache_summary(result: LoadResult) -> str:
    """The share of HIT among the answers that went through the page cache (X-Cache HIT or MISS)."""
    hits, misses = result.cache.get("HIT", 0), result.cache.get("MISS", 0)
    if not hits + misses:
        return "none"
    return f"HIT {100 * hits / (hits + misses):.0f}%"


def print_row(row):
    r = row.result
    per = max(r.answers, 1)
    print(
        f"{row.backend:<11}{row.phase:<18}{row.concurrency:>5}{r.answers:>9}{r.rate():>9.0f}"
        f"{r.percentile(0.5):>9.1f}{r.percentile(0.99):>9.1f}{r.non_2xx:>8}{sum(r.errors.values()):>7}"
        f"{cache_summary(r):>12}{1000 * row.worker_cpu / per:>8.2f} ms{1000 * r.client_cpu / per:>8.2f} ms"
        f"{row.restarts:>9}",
        flush=True,
    )
    if r.client_cpu / r.elapsed > CLIENT_BUSY:
        busy = 100 * r.client_cpu / r.elapsed
        print(f"{'':<11}  (the load generator used {busy:.0f}% of a core: it may be the limit)")
    if r.errors:
        print(f"{'':<11}  errors: {dict(r.errors)}")
    if r.non_2xx:
        print(f"{'':<11}  answers: {dict(r.statuses)}")


def print_summary(rows, checks) -> bool:
    """Every row again and every check; True when all passed."""
    print("\nSummary (worker CPU and client CPU are per request):")
    print(HEADER)
    for row in rows:
        print_row(row)
    print()
    for name, passed, detail in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}")
    if any(not passed for _name, passed, _detail in checks):
        return False
    print(f"\nAll {len(checks)} checks passed; load average {load_average()}.")
    return True
