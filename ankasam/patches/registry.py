"""The patches: what each replaces upstream, why, how it is installed and how it is verified.

Most are an attribute of a package's class or module replaced by ours (`Replacement`); the rest
rely on a package keeping a private name or a behaviour (`Reliance`). docs/architecture.md,
"Upgrading Wagtail and wagtail-modeltranslation", lists them for whoever upgrades a package.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

MISSING = object()


@dataclass
class Replacement:
    """`target.attribute` replaced by `replacement` at start-up."""

    name: str
    upstream: str
    target: object
    attribute: str
    replacement: object
    original: object = field(default=MISSING, repr=False)

    def install(self) -> None:
        if self.original is MISSING:
            self.original = getattr(self.target, self.attribute, MISSING)
        # An attribute that is gone upstream is not created: the check reports it instead.
        if self.original is not MISSING:
            setattr(self.target, self.attribute, self.replacement)

    def problem(self) -> str | None:
        if self.original is MISSING:
            return f"{self.upstream} no longer exists, so there is nothing to replace"
        if getattr(self.target, self.attribute, MISSING) is not self.replacement:
            return f"{self.upstream} is in place instead of ours"
        return None


@dataclass
class Reliance:
    """Code of ours that works only while a package keeps a name or a behaviour."""

    name: str
    upstream: str
    verify: Callable[[], str | None]

    def install(self) -> None:
        pass

    def problem(self) -> str | None:
        return self.verify()


def relies_on(name: str, *, upstream: str) -> Callable[[Callable[[], str | None]], Reliance]:
    """Make a check function (None when all is well, else what is wrong) into a `Reliance`."""

    def reliance(verify: Callable[[], str | None]) -> Reliance:
        return Reliance(name=name, upstream=upstream, verify=verify)

    return reliance


def all_patches() -> list:
    from .catalogue import patches

    return patches()


_installed: list = []


def install_all() -> None:
    _installed[:] = all_patches()
    for patch in _installed:
        patch.install()


def installed() -> list:
    return list(_installed)
