from ankasam.wordpress.groups import NO_GROUPS, PostFacts, group_posts

SITE = ["en", "tr", "ru"]


def members(grouping):
    return sorted(sorted(group.members.items()) for group in grouping.groups)


def test_polylang_groups_make_one_page_per_group_and_a_single_language_post_stays_alone():
    posts = [
        PostFacts(101, "en", "pll_a"),
        PostFacts(102, "tr", "pll_a"),
        PostFacts(103, "ru", "pll_a"),
        PostFacts(104, "tr", None),
    ]

    grouping = group_posts(posts, SITE, "en", polylang_groups={"pll_a": {"en": 101, "tr": 102, "ru": 103}})

    assert members(grouping) == [[("en", 101), ("ru", 103), ("tr", 102)], [("tr", 104)]]
    assert grouping.problems == []


def test_a_post_in_a_language_the_site_lacks_is_reported_not_dropped_silently():
    posts = [PostFacts(101, "en", "pll_a"), PostFacts(105, "fa", "pll_a")]

    grouping = group_posts(posts, SITE, "en", polylang_groups={"pll_a": {"en": 101, "fa": 105}})

    assert members(grouping) == [[("en", 101)]]
    assert grouping.problems == [(105, "written in 'fa', which the site does not publish in; not imported")]


def test_wpml_sidecar_groups_by_trid():
    posts = [PostFacts(1, "en"), PostFacts(2, "tr"), PostFacts(3, "ru"), PostFacts(4, "en")]

    grouping = group_posts(posts, SITE, "en", wpml_groups={7: {"en": 1, "tr": 2}, 8: {"ru": 3}})

    assert members(grouping) == [[("en", 1), ("tr", 2)], [("en", 4)], [("ru", 3)]]


def test_without_groups_every_post_is_alone_and_the_report_says_why():
    grouping = group_posts([PostFacts(1, "en"), PostFacts(2, "tr")], SITE, "en")

    assert members(grouping) == [[("en", 1)], [("tr", 2)]]
    assert grouping.problems == [(None, NO_GROUPS)]


def test_a_post_without_language_takes_the_default_and_two_in_one_language_are_split():
    posts = [PostFacts(1, None, "g"), PostFacts(2, "en", "g")]

    grouping = group_posts(posts, SITE, "en", polylang_groups={"g": {"en": 1}})

    assert members(grouping) == [[("en", 1)], [("en", 2)]]
    assert [message for _post, message in grouping.problems] == [
        "no language given; imported as en",
        "its group already has post 1 in 'en'; imported on its own",
    ]
