from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    # No models, so no verbose name: the admin never names this app.
    name = "ankasam.discovery"
    label = "discovery"
