"""Where imported things came from, so that a second import updates them instead of adding more.

Each row names the WordPress site and the thing's WordPress identifier; the pair is unique. The
site is its blog's address without scheme and `www.` (`example.org`, or `example.org/tr` for a
sub-site of a multisite in a sub-directory), so several sites on one host keep their own records.
Rows from before the site was keyed had only the host, which is also the key of a site at the
host's root; `importer.adopt_host_records` hands them over to a site in a sub-directory.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def unique_per_site(*fields: str, name: str) -> list[models.UniqueConstraint]:
    return [models.UniqueConstraint(fields=["site", *fields], name=name)]


class ImportRecord(models.Model):
    site = models.CharField(_("WordPress site"), max_length=500)  # example.org/tr
    source = models.CharField(_("WordPress host"), max_length=255)  # example.org, filled from the site

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.source = self.source or self.site.split("/", 1)[0]
        super().save(*args, **kwargs)


class ImportedPost(ImportRecord):
    """One WordPress post: a page's version in one language."""

    post_id = models.PositiveBigIntegerField(_("WordPress post id"))
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=10)
    old_path = models.CharField(_("address on WordPress"), max_length=500, blank=True)
    # What the last run wrote for the post (`changes.fingerprint`): the same again is not rewritten.
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = unique_per_site("post_id", name="one_page_per_wordpress_post")
        verbose_name = _("imported post")

    def __str__(self):
        return f"{self.site} post {self.post_id} ({self.language})"


class ImportedAuthor(ImportRecord):
    """One WordPress user (or Co-Authors Plus guest author), matched by login."""

    login = models.CharField(_("WordPress login"), max_length=200)
    person = models.ForeignKey("people.PersonPage", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = unique_per_site("login", name="one_person_per_wordpress_login")
        verbose_name = _("imported author")

    def __str__(self):
        return f"{self.site} author {self.login}"


class ImportedTerm(ImportRecord):
    """One WordPress category or tag, and what it became: a topic, a region or an article type."""

    taxonomy = models.CharField(_("WordPress taxonomy"), max_length=100)
    slug = models.CharField(_("WordPress slug"), max_length=200)
    kind = models.CharField(_("imported as"), max_length=20)
    target_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = unique_per_site("taxonomy", "slug", name="one_target_per_wordpress_term")
        verbose_name = _("imported term")

    def __str__(self):
        return f"{self.site} {self.taxonomy} {self.slug} → {self.kind}"


class ImportedAttachment(ImportRecord):
    """One WordPress attachment that became an image."""

    attachment_id = models.PositiveBigIntegerField(_("WordPress attachment id"))
    image = models.ForeignKey(settings.WAGTAILIMAGES_IMAGE_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = unique_per_site("attachment_id", name="one_image_per_wordpress_attachment")
        verbose_name = _("imported attachment")

    def __str__(self):
        return f"{self.site} attachment {self.attachment_id}"
