"""WordPress pages (About, Team, Contact...) become standard pages under the home page.

A page goes where WordPress had it: under the page of its `wp:post_parent`, or under the Site's
root page (the home page) when it has no parent. A child can come before its parent in the file;
the importer then holds it back until the parent is written (`waits_for_parent`). A parent that is
not imported (in the trash, in a language the site lacks) puts the child under the home page,
reported.
"""

from django.utils.translation import override

from ankasam.core.languages import default_language, localized_field
from ankasam.pages.models import StandardPage

from .footnotes import FootnoteResult
from .models import ImportedPost
from .posts import save_new_language
from .publishing import page_of_group


def destination(item, group, article_index, home, index, report):
    """Where a post's new page goes: posts under the article index, pages where WordPress had them.

    A page already imported stays where it is (an editor may have moved it).
    """
    if item.post_type != "page":
        return article_index
    page = page_of_group(group, index.site)
    if page is not None:
        return page.get_parent()
    return parent_of_page(index, item.post_id, home, report)


def page_footnotes(item, report) -> FootnoteResult:
    """A standard page has no notes: its text is kept as written, core footnotes reported."""
    if (item.postmeta.get("footnotes") or [""])[0].strip() not in ("", "[]"):
        report.warn(
            item.post_id,
            "a page has no notes: its WordPress footnotes are left out (the markers stay)",
            "page footnotes left out",
        )
    return FootnoteResult(item.content)


def home_page(article_index):
    """The Site's root page, where WordPress's top-level pages go."""
    site = article_index.get_site()
    return (site.root_page if site else article_index.get_parent()).specific


def waits_for_parent(index, post_id: int, imported: set[int], written: dict) -> bool:
    """Whether a page must wait for its parent page: imported in this run, not yet written."""
    parent_id = index.pages.get(post_id, 0)
    return bool(parent_id) and parent_id in imported and parent_id not in written


def parent_of_page(index, post_id: int, home, report):
    """The page a new standard page goes under: its WordPress parent's page, else home."""
    parent_id = index.pages.get(post_id, 0)
    if not parent_id:
        return home
    record = ImportedPost.objects.filter(site=index.site, post_id=parent_id).select_related("page").first()
    if record is not None:
        return record.page.specific
    report.warn(
        post_id,
        f"its parent page {parent_id} is not imported (not in the file, in the trash, or in a "
        "language the site lacks); placed under the home page",
        "page parent not imported: under the home page",
    )
    return home


def write_into_standard_page(page, language: str, planned, parent):
    """A WordPress page's language written into its standard page: title, slug, intro, body."""
    created = page is None
    with override(language):
        if created:
            page = StandardPage(live=False)
        values = {
            "title": planned.title,
            "slug": planned.slug,
            "intro": planned.standfirst,
            "body": list(planned.blocks),
        }
        for name, value in values.items():
            setattr(page, localized_field(name, language), value)
        if created:
            # Wagtail needs a default-language title and slug; a page has no original language
            # to take them from (`translations/names.py`), so they are this language's. Its body
            # decides existence, so a Turkish-only page stays Turkish-only.
            for name in ("title", "slug"):
                column = localized_field(name, default_language())
                setattr(page, column, getattr(page, column, "") or values[name])
        planned.write_seo(page, language)
        if created:
            parent.add_child(instance=page)
        else:
            save_new_language(page, language)
    return page
