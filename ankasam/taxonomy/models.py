"""How the house classifies its pieces: topics, regions, article types and tags, managed by editors."""

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ankasam.core.languages import default_language, field_in, localized_field, site_language_codes

from .slugs import reached_by

SLUG_TAKEN = _("Another term of this kind is already reached by this slug in this language.")


class Term(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Used in addresses of listings filtered by this term; lowercase, no spaces."),
    )  # translated (translation.py): one slug per language, the default language's required
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The untranslated columns (`slug` is unique too) keep the default language's values,
        # whatever language the editor works in: saved in Turkish, `slug` would take the Turkish
        # slug and could collide with another term's English one.
        default_slug = localized_field("slug", default_language())
        if not field_in(self, "slug", default_language()):
            setattr(self, default_slug, self.slug)
        with override(default_language()):
            super().save(*args, **kwargs)

    def clean(self):
        # Unique columns are not enough: a term without a Turkish slug is reached in Turkish by its
        # English one, which another term's Turkish slug must not take (taxonomy/slugs.py).
        super().clean()
        others = type(self).objects.exclude(pk=self.pk) if self.pk else type(self).objects.all()
        errors = {}
        for language in site_language_codes():
            own = field_in(self, "slug", language, None)
            slug = own or field_in(self, "slug", default_language(), None)
            if slug and others.filter(reached_by(slug, language)).exists():
                field = localized_field("slug", language if own else default_language())
                errors[field] = SLUG_TAKEN
        if errors:
            raise ValidationError(errors)


class Topic(Term):
    class Meta(Term.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class Region(Term):
    class Meta(Term.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class ArticleType(Term):
    """Analysis, commentary, report, interview... the kind of piece, shown above its title."""

    class Meta(Term.Meta):
        verbose_name = _("article type")
        verbose_name_plural = _("article types")


class Tag(index.Indexed, TagBase):
    """A free keyword on articles, named per language; articles hold it through `ArticlePageTag`.

    Unlike terms, tags are made while writing (the article form's tag field creates new ones);
    editors and translators name them in the other languages afterwards, as snippets.
    """

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    def slugify(self, tag, i=None):
        # Slugs go in addresses (/en/tags/<slug>/), where the converter takes ASCII only:
        # "Boru hattı" is boru-hatti, "Железные дороги" zheleznye-dorogi.
        slug = slugify(anyascii(tag)) or "tag"
        return f"{slug}_{i}" if i is not None else slug

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
