import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ankasam.articles.content import Note, paragraph
from ankasam.core.published import start_new_generation

from ..images.factories import saved_image
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import ArticleTypeFactory, RegionFactory, TopicFactory
from .factories import create_article, text_with_notes

pytestmark = pytest.mark.django_db


def get_page(client, article, language="en"):
    with translation.override(language):
        url = article.get_url()
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text(title, body_html, **notes):
    """write_article_translation arguments: one paragraph and its notes by label."""
    return {
        "title": title,
        "blocks": [paragraph(body_html)],
        "notes": [Note(label, html) for label, html in notes.items()],
    }


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_article_shows_linked_footnotes_bios_json_ld_and_similar(client, article_index, people_index):
    topic = TopicFactory()
    authors = [PersonPageFactory(parent=people_index), PersonPageFactory(parent=people_index)]
    neighbour = create_article(article_index, title="A neighbour", topics=[topic])
    article = create_article(
        article_index,
        title="Gas across the Caspian",
        authors=authors,
        topics=[topic],
        article_type=ArticleTypeFactory(name_en="Analysis"),
        footnote_count=3,
    )

    html = get_page(client, article)

    assert '<html lang="en" dir="ltr">' in html
    assert html.count("<h1") == 1
    assert '<article class="article">' in html
    for n in (1, 2, 3):
        assert f'<sup class="footnote-ref" id="fnref-{n}"><a href="#fn-{n}"' in html
        assert f'<li id="fn-{n}" class="footnote" value="{n}">' in html
        assert f'href="#fnref-{n}"' in html
    assert html.count('class="footnote__text" dir="ltr"') == 3
    for person in authors:
        assert (
            f'<a href="{person.url}">Full profile'
            f'<span class="visually-hidden"> of {person.title_en}</span></a>' in html
        )
    assert "Similar posts" in html and neighbour.title in html
    data = json_ld(html)
    assert data["@type"] == "Article"
    assert data["headline"] == "Gas across the Caspian"
    assert data["inLanguage"] == "en"
    assert data["datePublished"].startswith(article.publication_date.isoformat())
    assert [a["name"] for a in data["author"]] == [p.title_en for p in authors]
    assert all(a["url"].startswith("http") for a in data["author"])


def test_the_article_ends_with_a_line_or_two_per_author_and_a_link_to_the_full_profile(
    client, article_index, people_index
):
    with_short_bio = PersonPageFactory(
        parent=people_index,
        short_bio_en="Works on Caspian gas.",
        bio_en="<p>Elif works on Caspian gas. She spent six years in Baku.</p><p>A second paragraph.</p>",
    )
    without = PersonPageFactory(
        parent=people_index, short_bio_en="", bio_en="<p>Murat studies the Gulf. He was a diplomat.</p>"
    )
    article = create_article(article_index, authors=[with_short_bio, without])

    html = get_page(client, article)
    ending = html[html.index('<section class="author-bios"') :]
    ending = ending[: ending.index("</section>")]

    assert '<p class="author-bio__bio">Works on Caspian gas.</p>' in ending
    assert '<p class="author-bio__bio">Murat studies the Gulf.</p>' in ending
    for gone in ("Baku", "A second paragraph", "He was a diplomat"):
        assert gone not in ending
    assert ending.count("Full profile") == 2
    assert "She spent six years in Baku." in client.get(with_short_bio.url).content.decode()


def test_each_language_shows_its_own_notes_and_numbering(client, article_index):
    article = create_article(
        article_index,
        translations={
            "en": text(
                "Water talks",
                "<p>First[^a], second[^b].</p>",
                a="<p>English source A.</p>",
                b="<p>English source B.</p>",
            ),
            "tr": text(
                "Su müzakereleri",
                "<p>Önce[^b], sonra[^a], yine[^b].</p>",
                a="<p>Türkçe kaynak A.</p>",
                b="<p>Türkçe kaynak B.</p>",
            ),
        },
    )

    english = get_page(client, article, "en")
    turkish = get_page(client, article, "tr")

    assert '<html lang="tr"' in turkish
    assert "English source" not in turkish
    assert "Türkçe kaynak" not in english
    # In Turkish "b" comes first, so it is note 1, referred to twice.
    assert re.search(r'<li id="fn-1"[^>]*>\s*<div[^>]*><p>Türkçe kaynak B\.</p>', turkish)
    assert 'id="fnref-1-2"' in turkish
    assert re.search(r'<li id="fn-1"[^>]*>\s*<div[^>]*><p>English source A\.</p>', english)


def test_a_script_in_a_note_is_rendered_inert(client, article_index):
    article = create_article(
        article_index,
        translations={
            "en": text(
                "Hostile note", "<p>Claim[^1]</p>", **{"1": '<p>Source<script>alert("pwned")</script></p>'}
            )
        },
    )

    html = get_page(client, article)

    assert 'alert("pwned")' not in html
    assert "<script>alert" not in html


def render_queries(client, article):
    url = article.get_url()
    assert client.get(url).status_code == 200  # warm caches (renditions, values kept until a publish)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Warm, with the values kept until the next publish in use as in production (core/published.py);
# tests/articles/test_query_counts.py checks every demo article against the same number. The
# article's head, main part and scripts are kept whole (`kept_until_published` in its template),
# and so are the site with its home page and the page's row (core/sites.py, core/routing.py):
# a warm request reads nothing from the database.
ARTICLE_QUERIES = 0


def main_image(name):
    return saved_image(name, file_name=f"{name}.png")


def test_article_queries_do_not_grow_with_notes_authors_related_image_type_or_tags(
    client, article_index, people_index, published_values_cached
):
    topic, region = TopicFactory(), RegionFactory()
    small = create_article(
        article_index,
        authors=[PersonPageFactory(parent=people_index)],
        topics=[topic],
        regions=[region],
        footnote_count=1,
    )
    others = [create_article(article_index, topics=[topic]) for _ in range(6)]
    blocks, notes = text_with_notes(40)
    large = create_article(
        article_index,
        translations={"en": {"title": "Long read", "blocks": blocks, "notes": notes}},
        authors=[PersonPageFactory(parent=people_index) for _ in range(4)],
        topics=[topic],
        regions=[region],
        related=others,
        hero_image=main_image("large"),
        article_type=ArticleTypeFactory(),
    )
    large.tags.add("pipelines", "gas", "transit")
    large.save_revision().publish()
    lonely = create_article(article_index, authors=[PersonPageFactory(parent=people_index)], footnote_count=1)

    assert render_queries(client, small) == ARTICLE_QUERIES
    assert render_queries(client, large) == ARTICLE_QUERIES
    assert render_queries(client, lonely) == ARTICLE_QUERIES


@pytest.mark.parametrize("with_image", [False, True])
@pytest.mark.parametrize("with_type", [False, True])
@pytest.mark.parametrize("with_tags", [False, True])
def test_an_image_a_type_or_tags_cost_no_query_of_their_own(
    client, article_index, people_index, published_values_cached, with_image, with_type, with_tags
):
    article = create_article(
        article_index,
        authors=[PersonPageFactory(parent=people_index)],
        topics=[TopicFactory()],
        hero_image=main_image("main") if with_image else None,
        article_type=ArticleTypeFactory() if with_type else None,
    )
    if with_tags:
        article.tags.add("pipelines", "gas")
        article.save_revision().publish()

    assert render_queries(client, article) == ARTICLE_QUERIES


def first_reader_queries(client, article) -> int:
    """Queries of the first request for the article after a publish, its images already made."""
    url = article.get_url()
    assert client.get(url).status_code == 200  # renditions, made once for every reader after
    start_new_generation()  # as any publish does: nothing kept counts any more
    assert client.get("/en/no-such-page/").status_code == 404  # the header, footer and site kept again
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_first_reader_after_a_publish_pays_nothing_for_an_image_a_type_or_tags(
    client, article_index, people_index, published_values_cached
):
    def article(**fields):
        return create_article(
            article_index, authors=[PersonPageFactory(parent=people_index)], topics=[TopicFactory()], **fields
        )

    bare = article()
    dressed = article(hero_image=main_image("main"), article_type=ArticleTypeFactory())
    dressed.tags.add("pipelines", "gas")
    dressed.save_revision().publish()

    assert first_reader_queries(client, dressed) == first_reader_queries(client, bare)


def test_a_link_to_another_article_in_the_text_renders_as_its_address(client, article_index):
    target = create_article(article_index, title="Target piece")
    blocks = [paragraph(f'<p>See <a linktype="page" id="{target.pk}">the earlier piece</a>.</p>')]
    linking = create_article(article_index, translations={"en": {"title": "Linking", "blocks": blocks}})

    response = client.get(linking.url)

    assert response.status_code == 200
    assert f'<a href="{target.url}">the earlier piece</a>' in response.content.decode()
