from django.urls import path

from . import views

# Inside the language prefix: /en/share-card/12.png draws the card in English.
urlpatterns = [
    path("share-card/<int:page_id>.png", views.share_card, name="share_card"),
]
