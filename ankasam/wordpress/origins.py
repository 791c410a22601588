"""Which WordPress site an imported record, or an old address, belongs to.

Records are keyed on the site (`scan.site_key`: host and blog path), so the sub-sites of a
multisite on one host keep theirs apart. Redirects are not: Wagtail matches a path alone, so two
sites' `/about/` are one redirect. The first import to redirect a path keeps it; another site's
import reports the clash instead of moving it (`path_owned_elsewhere`).
"""

from .models import ImportedAttachment, ImportedAuthor, ImportedPost, ImportedTerm

RECORDS = (ImportedPost, ImportedAuthor, ImportedTerm, ImportedAttachment)


def adopt_host_records(index, report):
    """Records made before sites were keyed (on the host alone) go to this site, once.

    Only for a site in a sub-directory (`example.org/tr`), and only while it has no records of its
    own: a site at the host's root already has the host as its key.
    """
    if index.site == index.source or ImportedPost.objects.filter(site=index.site).exists():
        return
    if not ImportedPost.objects.filter(site=index.source).exists():
        return
    for model in RECORDS:
        model.objects.filter(site=index.source).update(site=index.site)
    report.warn(
        None,
        f"records of an earlier import keyed on the host {index.source} alone are now this site's, "
        f"{index.site}; if they were another sub-site's, import that one again",
    )


def path_owned_elsewhere(site: str, path: str) -> ImportedPost | None:
    """Another site's imported post (or page) whose old address is this path, if any."""
    return ImportedPost.objects.filter(old_path=path).exclude(site=site).first()
