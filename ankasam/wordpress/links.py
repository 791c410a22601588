"""Links between imported posts, made into Wagtail page links (pure: no database, no network).

This is a pass of its own, apart from `body.convert_body`, because it cannot run while a post is
converted: a link points at a post that may not have a page yet. The importer collects the
addresses first (`BodyResult.links`) and rewrites once every post of the export has its page.
"""

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from ankasam.articles.content import paragraph

from .body import bare_host


def link_key(url: str, site_hosts: Iterable[str] = ()) -> str | None:
    """What identifies a link to the old site: path and query, without scheme, host or fragment.

    None for links elsewhere, so a link to another site's /about/ is never taken for ours.
    """
    parts = urlsplit(url.strip())
    hosts = {bare_host(host) for host in site_hosts}
    if parts.scheme not in ("", "http", "https"):
        return None
    if parts.netloc and bare_host(parts.netloc) not in hosts:
        return None
    if not parts.path and not parts.query:
        return None
    # WordPress answers /slug and /slug/ alike; a file name (image.jpg) has no trailing slash.
    path = parts.path
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"
    return path + (f"?{parts.query}" if parts.query else "")


def rewrite_links(
    blocks: list[tuple], page_ids: Mapping[str, int], site_hosts: Iterable[str] = ()
) -> list[tuple]:
    """Turn links to imported posts into Wagtail page links (`<a linktype="page" id="...">`).

    `page_ids` maps old URLs (any form `link_key` understands) to the new pages' ids. Other blocks and
    other links are returned unchanged.
    """
    hosts = list(site_hosts)
    by_key = {key: page_id for url, page_id in page_ids.items() if (key := link_key(url, hosts))}
    rewritten = []
    for block in blocks:
        if block[0] != "paragraph":
            rewritten.append(block)
            continue
        soup = BeautifulSoup(block[1].source, "html.parser")
        changed = False
        for link in soup.find_all("a", href=True):
            page_id = by_key.get(link_key(str(link["href"]), hosts) or "")
            if page_id is not None:
                link.attrs = {"linktype": "page", "id": str(page_id)}
                changed = True
        rewritten.append(paragraph(soup.decode(formatter="html5")) if changed else block)
    return rewritten
