"""Which WordPress posts are one piece in several languages: one Wagtail page per group.

The export says it in one of three ways, tried in this order: a WPML sidecar (`trid` per post),
Polylang's `post_translations` terms (a map of language to post id per group), or nothing, in
which case every post is a page of its own and the report says the groups could not be rebuilt.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PostFacts:
    """What grouping needs to know of a post, gathered in the first pass over the export."""

    post_id: int
    language: str | None
    polylang_group: str | None = None


@dataclass
class Group:
    members: dict[str, int]  # site language -> WordPress post id


@dataclass
class Grouping:
    groups: list[Group] = field(default_factory=list)
    problems: list[tuple[int | None, str]] = field(default_factory=list)  # (post id, message)


NO_GROUPS = (
    "The export names no translation groups and no WPML sidecar was given: each post becomes a "
    "page of its own. Export WPML's icl_translations table to rebuild the groups "
    "(docs/migrating-from-wordpress.md)."
)


def group_posts(
    posts: Iterable[PostFacts],
    site_languages: Iterable[str],
    default_language: str,
    polylang_groups: Mapping[str, Mapping[str, int]] | None = None,
    wpml_groups: Mapping[int, Mapping[str, int]] | None = None,
) -> Grouping:
    """Group the posts; posts in languages the site lacks are reported and left out, never silently."""
    site_languages = list(site_languages)
    grouping = Grouping()
    known = {}
    for post in posts:
        language = post.language
        if language is None:
            language = default_language
            grouping.problems.append((post.post_id, f"no language given; imported as {default_language}"))
        if language not in site_languages:
            grouping.problems.append(
                (post.post_id, f"written in '{language}', which the site does not publish in; not imported")
            )
            continue
        known[post.post_id] = (language, post)

    if wpml_groups:
        membership = {
            post_id: ("wpml", trid) for trid, members in wpml_groups.items() for post_id in members.values()
        }
    elif polylang_groups:
        membership = {
            post.post_id: ("polylang", post.polylang_group)
            for _language, post in known.values()
            if post.polylang_group
        }
    else:
        membership = {}
        if known:
            grouping.problems.append((None, NO_GROUPS))

    by_key: dict[tuple, Group] = {}
    for post_id, (language, _post) in known.items():
        key = membership.get(post_id) or ("alone", post_id)
        group = by_key.setdefault(key, Group(members={}))
        if language in group.members:
            taken = group.members[language]
            message = f"its group already has post {taken} in '{language}'; imported on its own"
            grouping.problems.append((post_id, message))
            by_key[("alone", post_id)] = Group(members={language: post_id})
            continue
        group.members[language] = post_id
    grouping.groups = list(by_key.values())
    return grouping
