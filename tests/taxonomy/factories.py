import factory

from ankasam.taxonomy.models import ArticleType, Region, Tag, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = Topic


class RegionFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")

    class Meta:
        model = Region


class ArticleTypeFactory(factory.django.DjangoModelFactory):
    name_en = "Analysis"
    slug = factory.Sequence(lambda n: f"type-{n}")

    class Meta:
        model = ArticleType


class TagFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")

    class Meta:
        model = Tag
