import json
import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ankasam.articles.content import Note, paragraph, write_article_translation
from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.core.languages import site_language_codes
from ankasam.core.roles import TRANSLATORS
from ankasam.home.models import HomePage
from ankasam.people.models import PeopleIndexPage
from ankasam.translations.availability import languages_of

from ..people.factories import PersonPageFactory
from ..taxonomy.factories import TagFactory, TopicFactory


def empty_translations(*field_names, languages=None):
    # Every site language but English, which the tests write in.
    languages = languages or [code for code in site_language_codes() if code != "en"]
    return {f"{name}_{lang}": streamfield([]) for name in field_names for lang in languages}


class EditorWritesAnArticleTests(WagtailPageTestCase):
    def setUp(self):
        # force_login: django-axes refuses client.login(), which authenticates without a request.
        self.client.force_login(self.create_test_user())
        home = HomePage.objects.get()
        self.index = ArticleIndexPage(title_en="Analyses", slug_en="analyses")
        home.add_child(instance=self.index)
        people = PeopleIndexPage(title_en="Experts", slug_en="experts")
        home.add_child(instance=people)
        self.author = PersonPageFactory(parent=people)
        self.topic = TopicFactory()

    def post_data(self, body_html, notes, **extra):
        return nested_form_data(
            {
                "title_en": "Gas and the Caspian",
                "slug_en": "gas-and-the-caspian",
                "title_tr": "",
                "slug_tr": "",
                "title_ru": "",
                "slug_ru": "",
                "standfirst_en": "Why the pipeline waits.",
                "publication_date": "2026-05-01",
                "original_language": "en",
                "body_en": streamfield([("paragraph", rich_text(body_html))]),
                "footnotes_en": streamfield(
                    [("footnote", {"label": label, "text": rich_text(text)}) for label, text in notes]
                ),
                **empty_translations("body", "footnotes"),
                "topics": [self.topic.pk],
                "article_authors": inline_formset([{"person": self.author.pk}]),
                "related_links": inline_formset([]),
                **extra,
            }
        )

    def test_an_editor_publishes_an_article_with_footnotes_from_the_admin(self):
        data = self.post_data(
            "<p>Turkmenistan hesitates.[^1] Europe waits.[^2] Again.[^1]</p>",
            [("1", "<p>First source.</p>"), ("2", "<p>Ibid., p. 4.</p>")],
            action_publish="action-publish",
        )

        self.assertCanCreate(self.index, ArticlePage, data)

        article = ArticlePage.objects.get(slug_en="gas-and-the-caspian")
        self.assertTrue(article.live)
        response = self.client.get(article.url)
        html = response.content.decode()
        self.assertContains(response, 'id="fnref-1-2"')
        self.assertIn('<li id="fn-2" class="footnote" value="2">', html)
        self.assertIn(self.author.title_en, html)

    def test_the_tag_field_finds_tags_by_any_of_their_names_and_makes_new_ones(self):
        railways = TagFactory(name_en="Railways", name_tr="Demiryolları", slug="railways")
        data = self.post_data(
            "<p>Trains.[^1]</p>", [("1", "<p>Source.</p>")], tags='Demiryolları, "Black Sea ports"'
        )

        self.assertCanCreate(self.index, ArticlePage, data)

        article = ArticlePage.objects.get(slug_en="gas-and-the-caspian")
        tags = sorted(article.tags.all(), key=lambda tag: tag.slug)
        self.assertEqual([tag.slug for tag in tags], ["black-sea-ports", "railways"])
        self.assertEqual(tags[1], railways)
        # The field's autocompletion asks the admin's tag view about the house's tag model.
        found = self.client.get("/admin/tag-autocomplete/taxonomy/tag/", {"term": "Rail"})
        self.assertEqual(found.json(), ["Railways"])

    def add_url(self):
        return f"/admin/pages/add/articles/articlepage/{self.index.pk}/"

    def test_publishing_with_a_reference_to_a_missing_note_is_refused_with_a_message(self):
        data = {
            **self.post_data("<p>Claim.[^1] Other.[^7]</p>", [("1", "<p>Source.</p>")]),
            "action-publish": "action-publish",
        }

        response = self.client.post(self.add_url(), data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "EN: [^7] refers to a note that does not exist")
        self.assertFalse(ArticlePage.objects.exists())

    def test_a_draft_with_notes_that_do_not_match_is_saved_with_a_warning_saying_what_is_wrong(self):
        data = self.post_data("<p>Claim.[^1] Other.[^7]</p>", [("1", "<p>Source.</p>"), ("2", "<p>B.</p>")])

        response = self.client.post(self.add_url(), data, follow=True)

        article = ArticlePage.objects.get(slug_en="gas-and-the-caspian")
        self.assertFalse(article.live)
        self.assertEqual(article.get_latest_revision().as_object().body_en.raw_data[0]["type"], "paragraph")
        warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
        self.assertEqual(len(warnings), 1)
        self.assertIn("cannot be published until its notes match the text", warnings[0])
        self.assertIn("EN: [^7] refers to a note that does not exist", warnings[0])
        self.assertIn("EN: the note “2” is not referred to in the text", warnings[0])

    def test_publishing_that_draft_from_the_edit_view_is_refused_and_saving_it_again_is_not(self):
        self.client.post(self.add_url(), self.post_data("<p>Claim.[^7]</p>", [("1", "<p>Source.</p>")]))
        article = ArticlePage.objects.get(slug_en="gas-and-the-caspian")
        edit_url = f"/admin/pages/{article.pk}/edit/"
        inconsistent = self.post_data("<p>Claim.[^7]</p>", [("1", "<p>Source.</p>")])

        refused = self.client.post(edit_url, {**inconsistent, "action-publish": "action-publish"})
        saved = self.client.post(edit_url, inconsistent)
        fixed = self.client.post(
            edit_url,
            {
                **self.post_data("<p>Claim.[^1]</p>", [("1", "<p>Source.</p>")]),
                "action-publish": "action-publish",
            },
        )

        self.assertEqual(refused.status_code, 200)
        self.assertContains(refused, "EN: [^7] refers to a note that does not exist")
        self.assertEqual(saved.status_code, 302)
        self.assertEqual(fixed.status_code, 302)
        article.refresh_from_db()
        self.assertTrue(article.live)

    def test_a_saved_inconsistent_revision_cannot_be_published_later(self):
        # What a reviewer's approval outside the edit view, or code, would do with the draft.
        self.client.post(self.add_url(), self.post_data("<p>Claim.[^7]</p>", [("1", "<p>Source.</p>")]))
        article = ArticlePage.objects.get(slug_en="gas-and-the-caspian")

        with self.assertRaises(ValidationError):
            article.get_latest_revision().publish()

        article.refresh_from_db()
        self.assertFalse(article.live)

    def test_a_piece_written_only_in_turkish_needs_no_english_title_and_is_read_only_in_turkish(self):
        data = self.post_data(
            "",
            [],
            title_en="",
            slug_en="",
            standfirst_en="",
            title_tr="Hazar'da gaz",
            slug_tr="hazarda-gaz",
            original_language="tr",
            body_en=streamfield([]),
            body_tr=streamfield([("paragraph", rich_text("<p>Türkmenistan bekliyor.</p>"))]),
            action_publish="action-publish",
        )

        self.assertCanCreate(self.index, ArticlePage, data)

        article = ArticlePage.objects.get(slug_tr="hazarda-gaz")
        # Wagtail's tree needs the default language's names; they come from the original.
        self.assertEqual((article.title_en, article.slug_en), ("Hazar'da gaz", "hazarda-gaz"))
        self.assertEqual(languages_of(article), ["tr"])
        self.assertEqual(self.client.get("/tr/analyses/hazarda-gaz/").status_code, 200)
        self.assertEqual(self.client.get("/en/analyses/hazarda-gaz/").status_code, 404)

    def test_an_english_piece_still_needs_its_english_title(self):
        data = self.post_data("<p>Text.</p>", [], title_en="", slug_en="")

        response = self.client.post(f"/admin/pages/add/articles/articlepage/{self.index.pk}/", data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required.")
        self.assertFalse(ArticlePage.objects.exists())

    def test_a_turkish_piece_without_a_turkish_title_is_refused(self):
        data = self.post_data("", [], title_en="", slug_en="", original_language="tr")

        response = self.client.post(f"/admin/pages/add/articles/articlepage/{self.index.pk}/", data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required.")
        self.assertFalse(ArticlePage.objects.exists())

    def test_pasted_notes_are_offered_at_save_and_converted_into_the_same_notes_as_typed_ones(self):
        pasted = (
            "<p>Turkmenistan hesitates.[1] Europe waits.[2] Again.[1]</p><h3>Notes</h3>"
            '<p>1. First <a href="https://example.org/s">source</a>.</p><p>2. Ibid., p. 4.</p>'
        )
        saved = self.client.post(self.add_url(), self.post_data(pasted, []), follow=True)
        article = ArticlePage.objects.get(slug_en="gas-and-the-caspian")
        convert_url = f"/admin/articles/{article.pk}/convert-pasted-notes/en/"

        offers = [str(m) for m in saved.context["messages"] if m.level_tag == "warning"]
        self.assertEqual(len(offers), 1)
        self.assertIn("2 notes found at the end of the EN text, referred to as [1]..[2]", offers[0])
        self.assertIn(convert_url, offers[0])
        question = self.client.get(convert_url)
        self.assertContains(question, "2 notes found at the end of the EN text: convert them into footnotes?")
        self.assertEqual(article.revisions.count(), 1)

        converted = self.client.post(convert_url, follow=True)

        self.assertContains(converted, "2 notes of the EN text are now footnotes, in a new draft.")
        article.refresh_from_db()
        draft = article.get_latest_revision_as_object()
        self.assertEqual(article.revisions.count(), 2)
        typed = ArticlePage()
        write_article_translation(
            typed,
            "en",
            title="Gas and the Caspian",
            blocks=[paragraph("<p>Turkmenistan hesitates.[^1] Europe waits.[^2] Again.[^1]</p>")],
            notes=[
                Note("1", '<p>First <a href="https://example.org/s">source</a>.</p>'),
                Note("2", "<p>Ibid., p. 4.</p>"),
            ],
        )
        for field in ("body_en", "footnotes_en"):
            self.assertEqual(without_ids(getattr(draft, field)), without_ids(getattr(typed, field)), field)
        self.assertEqual(self.client.post(convert_url).status_code, 302)  # nothing left: no new revision
        self.assertEqual(article.revisions.count(), 2)

    def test_a_translator_may_not_convert_another_language(self):
        self.client.post(self.add_url(), self.post_data("<p>A.[1]</p><p>1. Source.</p>", []))
        article = ArticlePage.objects.get(slug_en="gas-and-the-caspian")
        translator = get_user_model().objects.create_user("leyla", password="a long passphrase 42")
        translator.translation_languages = ["tr"]
        translator.save()
        translator.groups.add(Group.objects.get(name=TRANSLATORS))
        self.client.force_login(translator)

        response = self.client.post(f"/admin/articles/{article.pk}/convert-pasted-notes/en/")

        # Wagtail's admin answers a refusal by sending the user to the dashboard.
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertEqual(article.revisions.count(), 1)
        own_language = self.client.get(f"/admin/articles/{article.pk}/convert-pasted-notes/tr/")
        self.assertContains(own_language, "The latest draft holds no pasted notes to convert.")


def without_ids(stream) -> list:
    """The stored blocks without what the editor adds to any text: block ids and paragraph keys."""
    stored = json.dumps([{k: v for k, v in block.items() if k != "id"} for block in stream.get_prep_value()])
    return json.loads(re.sub(r' data-block-key=\\"\w+\\"', "", stored))
