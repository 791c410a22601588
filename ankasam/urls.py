from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from ankasam.api.urls import api_router
from ankasam.core import views as core_views
from ankasam.discovery import views as discovery_views
from ankasam.oai import views as oai_views
from ankasam.serving import views as serving_views
from ankasam.translations.editor_direction import language_directions_css

# A lost database connection is a translated 503 with Retry-After, not a 500 (serving/outage.py).
handler500 = "ankasam.serving.outage.server_error"

urlpatterns = [
    path("", core_views.choose_language, name="choose_language"),
    path(settings.WAGTAIL_ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", discovery_views.sitemap, name="sitemap"),
    path("robots.txt", discovery_views.robots_txt, name="robots_txt"),
    path("healthz", serving_views.healthz, name="healthz"),
    path("oai/", oai_views.endpoint, name="oai"),
    # The admin editor's per-language field directions (translations/editor_direction.py).
    path("language-directions.css", language_directions_css, name="language_directions_css"),
    # The read API, outside the language prefix: its language is ?lang= (docs/api.md).
    path("api/v2/", include((api_router.get_urlpatterns(), api_router.url_namespace))),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    from django.views.static import serve as serve_file

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve_file,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("", include("ankasam.articles.urls")),
    path("", include("ankasam.discovery.urls")),
    path("", include("ankasam.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
