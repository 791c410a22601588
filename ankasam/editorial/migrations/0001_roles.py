"""The house's four roles, with their permissions (docs/editorial-workflow.md explains them).

Wagtail's own "Moderators" group is removed when nobody is in it: reviewing is the Editors' job.
The specification lives here rather than in app code so that this migration keeps meaning what
it meant when it ran.
"""

from django.db import migrations

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"
TRANSLATORS = "Translators"
ADMINISTRATORS = "Administrators"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")


def crud(app_label, model, *actions):
    return [(app_label, model, f"{action}_{model}") for action in actions]


TAXONOMY_MODELS = ("topic", "region", "articletype")
TAXONOMY = [spec for model in TAXONOMY_MODELS for spec in crud("taxonomy", model, "add", "change", "delete")]

# Model permissions: group.permissions.
MODEL_PERMISSIONS = {
    CONTRIBUTORS: [ACCESS_ADMIN],
    EDITORS: [ACCESS_ADMIN, *TAXONOMY, *crud("wagtailredirects", "redirect", "add", "change", "delete")],
    TRANSLATORS: [
        ACCESS_ADMIN,
        *[("taxonomy", model, f"change_{model}") for model in TAXONOMY_MODELS],
    ],
    ADMINISTRATORS: [
        ACCESS_ADMIN,
        *crud("users", "user", "add", "change", "delete"),
        *crud("auth", "group", "add", "change", "delete"),
        *crud("wagtailcore", "site", "add", "change", "delete"),
        *crud("wagtailcore", "workflow", "add", "change", "delete"),
        *crud("wagtailcore", "task", "add", "change", "delete"),
        *crud("wagtailredirects", "redirect", "add", "change", "delete"),
    ],
}

# Page permissions, on the home page (everything readers can reach) or on each article index.
# "add" alone lets a contributor edit and delete only the unpublished pages they own.
HOME_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["change_page"],
}
ARTICLE_INDEX_PERMISSIONS = {CONTRIBUTORS: ["add_page"]}

# Images and documents are permitted per collection (on the root collection: all of them), and
# checked against Wagtail's own image and document models, even with a custom image model.
COLLECTION_PERMISSIONS = {
    CONTRIBUTORS: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
    EDITORS: [
        *crud("wagtailimages", "image", "add", "change", "delete", "choose"),
        *crud("wagtaildocs", "document", "add", "change", "delete", "choose"),
    ],
    TRANSLATORS: [
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "choose_document"),
    ],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # On a fresh database Django creates permissions only after all migrations have run; the
    # names are Django's, so its later pass finds these instead of adding duplicates.
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action = codename.split("_", 1)[0]
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model}"},
    )
    return found


def page_ids_of_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    return list(Page.objects.filter(content_type=content_type).values_list("pk", flat=True))


def set_page_permissions(apps, group, page_ids, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for page_id in page_ids:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=page_id,
                permission=permission(apps, "wagtailcore", "page", codename),
            )


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None and not moderators.user_set.exists():
        moderators.delete()

    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (CONTRIBUTORS, EDITORS, TRANSLATORS, ADMINISTRATORS)
    }
    for name, group in groups.items():
        # Roles are defined here and only here: earlier grants (Wagtail's default Editors,
        # the first Translators migration) are replaced, not added to.
        group.permissions.set([permission(apps, *spec) for spec in MODEL_PERMISSIONS[name]])
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()

    home_ids = page_ids_of_type(apps, "home", "homepage")
    for name, codenames in HOME_PAGE_PERMISSIONS.items():
        set_page_permissions(apps, groups[name], home_ids, codenames)
    index_ids = page_ids_of_type(apps, "articles", "articleindexpage")
    for name, codenames in ARTICLE_INDEX_PERMISSIONS.items():
        set_page_permissions(apps, groups[name], index_ids, codenames)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for name, specs in COLLECTION_PERMISSIONS.items():
            for spec in specs:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=permission(apps, *spec)
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[CONTRIBUTORS, ADMINISTRATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0002_translators_group"),
        ("users", "0002_user_translation_languages"),
        ("home", "0003_create_homepage"),
        ("articles", "0004_articlepage_original_language_and_more"),
        ("taxonomy", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
