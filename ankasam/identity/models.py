"""What the institute says about itself on every page: its logo, tagline, contact and profiles.

Editors set them under Settings → Site identity (Wagtail's `contrib.settings`); without a logo
the site shows its own mark (`templates/includes/mark.svg`). The site's name stays the deploy
setting `WAGTAIL_SITE_NAME`: citations, PDFs and share cards already made carry it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField

from ankasam.core.models import optional_image


class ProfileLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=40, help_text=_("e.g. Bluesky, LinkedIn, YouTube"))
    url = blocks.URLBlock(label=_("address"))

    class Meta:
        icon = "link"


@register_setting(icon="site")
class SiteIdentity(BaseGenericSetting):
    tagline = models.CharField(
        _("tagline"), max_length=160, blank=True, help_text=_("One line under the name in the footer.")
    )
    logo = optional_image(
        _("logo"),
        help_text=_("Shown in the header at 40 pixels high, beside the name; the site's mark when empty."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    profiles = StreamField(
        [("link", ProfileLinkBlock())], blank=True, verbose_name=_("profiles on other sites")
    )

    # One query for the setting and its logo, once per request (wagtail.contrib.settings).
    select_related = ["logo"]

    panels = [
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("tagline")], heading=_("Header and footer")),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_address"), FieldPanel("profiles")],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("site identity")
