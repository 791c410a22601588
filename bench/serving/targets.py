"""What to request: the running site's articles, homes, listings and static files, the mixed
readers' choice among them, the warm-up and the check of the cache's behaviour."""

import itertools
import json
import random
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from .load import fetch, request_bytes, run_load
from .preparing import static_root

# The article measured alone when the demo has it (it has notes, authors and similar posts).
PREFERRED_ARTICLE = "/en/analyses/trans-caspian-gas-after-2030/"
HREF = re.compile(r'href="(/[^"#?]*)"')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"')
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"')


@dataclass
class Targets:
    article: str
    home: str
    listing: str
    static_css: str
    articles: list
    homes: list
    listings: list
    statics: list


def discover(port: int) -> Targets:
    """Addresses from the running site: its articles in every language, their listings, static files."""
    status, _headers, body = fetch(port, "/en/analyses/")
    if status != 200:
        raise RuntimeError(f"/en/analyses/ answered {status}")
    english = sorted(set(re.findall(r'href="(/en/analyses/[^"/]+/)"', body.decode())))
    if not english:
        raise RuntimeError("no article is linked from /en/analyses/")
    article = PREFERRED_ARTICLE if PREFERRED_ARTICLE in english else english[0]
    articles, homes, listings, statics = set(), {"/en/"}, {"/en/analyses/"}, set()
    for path in english:
        html = fetch(port, path)[2].decode()
        articles.add(path)
        statics.update(ASSET.findall(html))
        for language, address in ALTERNATE.findall(html):
            local = urlparse(address).path
            if language != "x-default" and local.startswith(f"/{language}/"):
                articles.add(local)
                homes.add(f"/{language}/")
                listings.add(local.rstrip("/").rsplit("/", 1)[0] + "/")
    for home in sorted(homes):
        listings.update(
            path for path in HREF.findall(fetch(port, home)[2].decode())
            if re.fullmatch(r"/[a-z]{2}/(topics|regions|types)/[^/]+/", path)
        )  # fmt: skip
    manifest = json.loads((static_root() / "staticfiles.json").read_text())
    static_css = "/static/" + manifest["paths"]["css/site.css"]
    if static_css not in statics:
        raise RuntimeError(f"the article does not load {static_css}: is STATIC_ROOT the stack's?")
    return Targets(
        article, "/en/", "/en/analyses/", static_css,
        sorted(articles), sorted(homes), sorted(listings), sorted(statics),
    )  # fmt: skip


def mixed_pick(port: int, targets: Targets):
    """Readers: 45 % articles, 15 % homes, 15 % listings and hubs, 20 % static files (anonymous),
    5 % articles with a session cookie (rendered, as for a signed-in editor)."""
    groups = [
        ("article", [request_bytes(port, p) for p in targets.articles], 45),
        ("home", [request_bytes(port, p) for p in targets.homes], 15),
        ("listing", [request_bytes(port, p) for p in targets.listings], 15),
        ("static", [request_bytes(port, p) for p in targets.statics], 20),
        ("bypassed", None, 5),
    ]
    rng = random.Random(2026)
    cumulative = list(itertools.accumulate(weight for _l, _r, weight in groups))

    def pick():
        draw = rng.random() * cumulative[-1]
        label, requests, _weight = groups[next(i for i, c in enumerate(cumulative) if draw < c)]
        if requests is None:
            return label, request_bytes(port, rng.choice(targets.articles), session=True)
        return label, rng.choice(requests)

    return pick


def warm_up(port: int, targets: Targets, args):
    """Every page once (so the mixed run finds the site's pages cached, as readers mostly do), then
    --warmup seconds of the mixed load, so that every worker has loaded its templates and catalogues."""
    for path in targets.articles + targets.homes + targets.listings + targets.statics:
        fetch(port, path)
    run_load(port, mixed_pick(port, targets), min(16, args.concurrency * 2), args.warmup)


def check_cache_behaviour(port: int, path: str) -> list[str]:
    """Problems with the premise of a cached/bypassed pair of phases (empty when all is well)."""
    problems = []
    first = fetch(port, path)
    cached = fetch(port, path)
    bypassed = fetch(port, path, session=True)
    if first[0] != 200 or cached[0] != 200 or bypassed[0] != 200:
        problems.append(f"{path}: answered {first[0]}, {cached[0]}, {bypassed[0]}")
    if cached[1].get("x-cache") != "HIT":
        said = cached[1].get("x-cache")
        problems.append(f"{path}: the second anonymous request was not a page-cache HIT ({said})")
    if "x-cache" in bypassed[1]:
        problems.append(f"{path}: a sessionid cookie did not bypass the page cache")
    if bypassed[2] != cached[2]:
        problems.append(f"{path}: with a sessionid cookie the page differs from the anonymous one")
    return problems
