from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.home.models import HomePage
from ankasam.people.models import PeopleIndexPage, PersonPage


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_sits_at_the_root_and_holds_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {ArticleIndexPage, PeopleIndexPage})

    def test_articles_live_only_in_an_article_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(PeopleIndexPage, ArticlePage)

    def test_people_live_only_in_the_people_index(self):
        self.assertAllowedParentPageTypes(PersonPage, {PeopleIndexPage})
        self.assertAllowedSubpageTypes(PersonPage, set())
        self.assertCanNotCreateAt(ArticleIndexPage, PersonPage)

    def test_sections_hang_from_the_home_page_only(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(PeopleIndexPage, {HomePage})
        self.assertCanNotCreateAt(ArticleIndexPage, ArticleIndexPage)
