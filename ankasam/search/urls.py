from django.urls import path

from . import views

# Inside the language prefix: /en/search/, /tr/search/, /ru/search/.
urlpatterns = [path("search/", views.search, name="search")]
