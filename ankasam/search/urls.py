from django.urls import path

from ankasam.core.addresses import localized_route

from . import views

# Inside the language prefix, in its word (languages.toml `addresses`): /en/search/, /tr/ara/, /ru/poisk/.
urlpatterns = [path(localized_route("{search}/"), views.search, name="search")]
