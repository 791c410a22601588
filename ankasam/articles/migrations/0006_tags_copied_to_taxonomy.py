"""Tags move from taggit's untranslated model to taxonomy.Tag (names per language).

Every taggit tag an article uses is copied with its id, so the links (and the tag ids inside the
revisions' stored JSON) name the same tag afterwards; its name becomes the default-language name.
Unused taggit tags are left behind. The next migration points the links at the new table.
"""

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations


def copy_used_tags(apps, schema_editor):
    TaggitTag = apps.get_model("taggit", "Tag")
    Tag = apps.get_model("taxonomy", "Tag")
    ArticlePageTag = apps.get_model("articles", "ArticlePageTag")
    used = ArticlePageTag.objects.values("tag_id")
    default_name = f"name_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    Tag.objects.using(schema_editor.connection.alias).bulk_create(
        Tag(pk=tag.pk, name=tag.name, slug=tag.slug, **{default_name: tag.name})
        for tag in TaggitTag.objects.filter(pk__in=used).order_by("pk")
    )
    # Rows inserted with their ids leave PostgreSQL's sequence behind: the next tag would clash.
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [Tag]):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_body_code_block_and_marks"),
        ("taxonomy", "0002_tag"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(copy_used_tags, migrations.RunPython.noop)]
