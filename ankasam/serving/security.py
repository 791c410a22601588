"""Security headers on every answer: Content-Security-Policy and Permissions-Policy.

Both middlewares sit outside the page cache (settings MIDDLEWARE), so a page answered from it gets
the headers of today's settings, not those of the day it was stored; for the same reason the
policies use no nonces, which a stored page would repeat.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def in_admin(request) -> bool:
    return request.path_info.startswith("/" + settings.WAGTAIL_ADMIN_PATH)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY instead under the admin's path.

    A view that sets its own policy with django-csp's decorators keeps it.
    """

    def process_response(self, request, response):
        # Wagtail renders a preview by running a dummy request for the page's public address
        # through the whole middleware chain; the admin view that asked for it sets the policy.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and in_admin(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """`camera=(), fullscreen=(self)`: each feature with the origins that may use it."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class PermissionsPolicyMiddleware:
    """Sets PERMISSIONS_POLICY as the Permissions-Policy header, unless a view set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        header = permissions_policy_header(settings.PERMISSIONS_POLICY)
        if header:
            response.headers.setdefault("Permissions-Policy", header)
        return response
