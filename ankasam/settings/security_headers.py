"""Security headers (docs/architecture.md, "Security headers"), read into base.py; HSTS is set in
production.py."""

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .environment import env_list

# Frames readers' pages may show: the players of the embeds in article bodies. An embed that is a
# script (X, Instagram, TikTok) shows its plain fallback link under this policy.
EMBED_FRAME_SOURCES = env_list(
    "CSP_FRAME_SRC",
    ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
# The inline <style> of templates/500.html, which must not depend on a stylesheet while the
# site is failing (a test keeps the hash in step with the template).
SERVER_ERROR_STYLE_HASH = "'sha256-cWQq09/ADDcWdkPwaeID3zR3q2zVwDY3I6+06uJdRZQ='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, SERVER_ERROR_STYLE_HASH],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": EMBED_FRAME_SOURCES or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Under WAGTAIL_ADMIN_PATH only, previews included (ankasam/serving/security.py). Looser because
# Wagtail's widgets (choosers, inline panels, date pickers) and wagtail-modeltranslation write
# inline <script>s naming each form's own fields, and Wagtail's bundled libraries add <style>
# elements, so no list of hashes can cover them; its stylesheet and upload previews use data: and
# blob: images. Nothing there is cached, and apart from its login page it answers only staff.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The admin would otherwise load editors' pictures from Gravatar (sending a hash of each editor's
# e-mail address there) and ask releases.wagtail.org for Wagtail's latest version, which matters
# to no editor: Wagtail is pinned in requirements.txt and upgraded by developers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Features no page here uses, denied to the site and to every frame in it. What video players ask
# for (autoplay, fullscreen, encrypted media) and the clipboard (the citation Copy buttons) stay
# allowed; `bluetooth` is left out because Chromium warns that it does not know it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "midi",
        "display-capture", "browsing-topics", "interest-cohort",
    )
}  # fmt: skip
