"""/api/v2/: Wagtail's API router with the language-aware endpoints (docs/api.md)."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import (
    ArticlesAPIViewSet,
    LanguageDocumentsAPIViewSet,
    LanguageImagesAPIViewSet,
    LanguagePagesAPIViewSet,
)

# The namespace Wagtail's serializers reverse detail URLs in.
api_router = WagtailAPIRouter("wagtailapi")
# Pages first: the router finds a model's endpoint in this order, so an article's `detail_url` in
# a pages listing stays on the pages endpoint.
api_router.register_endpoint("pages", LanguagePagesAPIViewSet)
api_router.register_endpoint("articles", ArticlesAPIViewSet)
api_router.register_endpoint("images", LanguageImagesAPIViewSet)
api_router.register_endpoint("documents", LanguageDocumentsAPIViewSet)
