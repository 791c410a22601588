"""An edge cache backend that remembers what it was asked to purge, for the tests."""

from wagtail.contrib.frontend_cache.backends import BaseBackend


class RecordingBackend(BaseBackend):
    # get_backends() builds new backends for every purge: the calls are kept on the class.
    batches: list[set[str]] = []
    sites: list[list[str]] = []

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        RecordingBackend.batches.append(set(urls))

    def purge_site(self, root_urls) -> None:
        RecordingBackend.sites.append(list(root_urls))

    @classmethod
    def forget(cls) -> None:
        cls.batches.clear()
        cls.sites.clear()

    @classmethod
    def purged(cls) -> set[str]:
        return set().union(*cls.batches)


class FailingBackend(BaseBackend):
    def purge_batch(self, urls) -> None:
        raise ConnectionError("Connection refused")

    def purge_site(self, root_urls) -> None:
        raise ConnectionError("Connection refused")
