"""Publishing an imported group the way WordPress had it: per language, never more than was public.

A group's page is one Wagtail page, but its posts can differ in status: an English post
published, its Russian translation still scheduled or private. The live revision holds only the
published languages; the others wait in a later revision, scheduled at their date (future) or a
draft (draft, pending, private). Old addresses redirect only to what is live.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import override
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from ankasam.core.languages import default_language, localized_field

from .models import ImportedPost
from .origins import path_owned_elsewhere

PUBLISHED = "publish"
SCHEDULED = "future"
# The texts that make a language exist on the page (`translation_required_fields` reads the body):
# an article's body, notes and standfirst, a standard page's body and intro.
TEXT_FIELDS = ("body", "footnotes", "standfirst", "intro")


def held_fields(page) -> tuple[str, ...]:
    return tuple(name for name in TEXT_FIELDS if hasattr(page, localized_field(name, default_language())))


def finish_group(group, written: dict, index, report):
    """Publish, schedule or keep as a draft each language of the group's page; redirect old paths."""
    members = {
        language: (post_id, written[post_id])
        for language, post_id in group.members.items()
        if post_id in written
    }
    if not any(post.changed for _id, post in members.values()):
        return  # the page already is what this run would make it: no revision, no publish
    page = page_of_group(group, index.site)
    restore_unchanged(page, [language for language, (_id, post) in members.items() if not post.changed])
    protect(page, members, report)
    public = {language: post for language, (_id, post) in members.items() if post.status == PUBLISHED}
    future = {
        language: post
        for language, (_id, post) in members.items()
        if post.status == SCHEDULED and post.post_date_gmt
    }
    drafts = {
        language: post for language, (_id, post) in members.items() if language not in {*public, *future}
    }
    # Each step publishes only its languages (the live revision what was public, the scheduled one
    # what was future, the latest draft everything), and saves in one of them: saving validates
    # the title in the active language.
    if public:
        with override(saving_language(page, public)):
            texts = take_out(page, {**future, **drafts})
            publish_at_original_date(page, public.values())
            put_back(page, texts)
    if future:
        with override(saving_language(page, future)):
            texts = take_out(page, drafts)
            schedule(page, future.values())
            put_back(page, texts)
    if drafts:
        with override(saving_language(page, members)):
            page.save_revision()
    for language, (post_id, post) in members.items():
        if language in public:
            redirect_old_path(page, language, index.paths.get(post_id), report, index.site)
        elif language in future and public:
            message = f"future: its {language} text goes live on its date; the others are live"
            report.warn(post_id, message, "a translation waits for its date")
        elif language in drafts and (public or future):
            message = f"{post.label}: its {language} text stays in a draft; other languages go live"
            report.warn(post_id, message, "a translation stays a draft")


def restore_unchanged(page, languages: list[str]):
    """Put back the texts of languages this run did not write, from the page's latest revision.

    Writing a post saves the page's own row, which holds only what is live: a translation kept
    in a draft is in the latest revision alone. The revision this run saves must keep it.
    """
    if not languages:
        return
    latest = page.get_latest_revision_as_object()
    for language in languages:
        for name in (*held_fields(page), "title", "slug", "seo_title", "search_description"):
            column = localized_field(name, language)
            setattr(page, column, getattr(latest, column))


def protect(page, members: dict, report):
    """A password-protected post's page gets a password restriction before anything is published.

    WordPress asks for a post's password before showing it; Wagtail's password restriction does
    the same, and every public listing, feed, sitemap and search leaves restricted pages out
    (`core.visibility`). A page holds every language of the group but takes one restriction, so
    its translations share the first password; a different one is reported.
    """
    passwords = {post_id: post.password for post_id, post in members.values() if post.password}
    if not passwords:
        return
    password = next(iter(passwords.values()))
    PageViewRestriction.objects.update_or_create(
        page=page,
        defaults={"restriction_type": PageViewRestriction.PASSWORD, "password": password},
    )
    report.protected += len(passwords)
    for post_id, other in passwords.items():
        if other != password:
            report.warn(
                post_id,
                "password-protected with another password than its translation's; "
                "the page asks for the translation's",
            )


def saving_language(page, languages) -> str:
    # A standard page has no original language: it saves in the default one when it has it.
    original = getattr(page, "original_language", None) or default_language()
    return original if original in languages else next(iter(languages))


def page_of_group(group, site: str):
    """The page an earlier post of the group (in this run or a former one) was written into."""
    # The page's id and type first, then the page as its own type: loading it as a plain page
    # and then again as its type read every language's columns twice.
    found = (
        ImportedPost.objects.filter(site=site, post_id__in=group.members.values())
        .values_list("page_id", "page__content_type_id")
        .first()
    )
    if found is None:
        return None
    page_id, content_type_id = found
    return ContentType.objects.get_for_id(content_type_id).model_class().objects.get(pk=page_id)


def take_out(page, held: dict) -> dict:
    """Empty the held languages' texts on the page object and return them to put back."""
    texts = {}
    for language in held:
        held = held_fields(page)
        names = held if language == default_language() else (*held, "title", "slug")
        for name in names:
            column = localized_field(name, language)
            texts[column] = getattr(page, column)
            setattr(page, column, [] if name in ("body", "footnotes") else "")
    return texts


def put_back(page, texts: dict):
    for column, value in texts.items():
        setattr(page, column, value)


LIVE_STATE = ("live", "live_revision", "first_published_at", "last_published_at", "has_unpublished_changes")


def publish_at_original_date(page, posts):
    # Publishing saves the revision's page, which cleans it: cleaning the revision as well checked
    # the same texts twice (a fifth of an import's time).
    page.save_revision(clean=False).publish()
    posts = list(posts)
    dates = [post.post_date_gmt for post in posts if post.post_date_gmt]
    if dates:
        modified = [post.modified_gmt for post in posts if post.modified_gmt] + dates
        Page.objects.filter(pk=page.pk).update(first_published_at=min(dates), last_published_at=max(modified))
    # Publishing works on a copy; a revision saved from this object next must know it is live,
    # or scheduling that revision would take the page offline.
    page.refresh_from_db(fields=LIVE_STATE)


def schedule(page, posts):
    """Scheduled at the earliest of the posts' dates."""
    # Publishing a revision whose go-live time is ahead schedules it (Wagtail's own rule).
    page.go_live_at = min(post.post_date_gmt for post in posts)
    page.save_revision().publish()


def redirect_old_path(page, language: str, path: str | None, report, site: str = ""):
    if not path or path == "/":
        return
    with override(language):
        target = page.get_url()
    redirect = Redirect.objects.filter(old_path=Redirect.normalise_path(path), site=None).first()
    if redirect is not None and redirect.redirect_link != target:
        other = path_owned_elsewhere(site, path)
        if other is not None:
            report.warn(
                None,
                f"the old address {path} already redirects to {other.site}'s post {other.post_id} "
                f"({redirect.redirect_link}); left as it is, not redirected to {target}",
                "old address taken by another site's import",
            )
            return
    redirect_path(path, target, report, existing=redirect)


MISSING = object()


def redirect_path(path: str, target: str, report, kind: str = "redirect", existing=MISSING):
    """A permanent redirect from the old path, counted under `kind` in the report."""
    normalised = Redirect.normalise_path(path)
    if normalised == Redirect.normalise_path(target):
        return  # the new address is the old one (a page at /tr/hakkimizda/): nothing to redirect
    redirect = (
        Redirect.objects.filter(old_path=normalised, site=None).first() if existing is MISSING else existing
    )
    if redirect and (redirect.redirect_link, redirect.is_permanent) == (target, True):
        report.unchanged[kind] += 1
        return
    # The row was read above: no second read (update_or_create's) for every old address.
    if redirect is None:
        Redirect.objects.create(old_path=normalised, site=None, redirect_link=target, is_permanent=True)
    else:
        redirect.redirect_link, redirect.is_permanent = target, True
        redirect.save()
    report.created[kind] += redirect is None
    report.updated[kind] += redirect is not None
