"""WordPress authors as people: one person page per login, found again on a second import.

Authors come from `wp:author` and from Co-Authors Plus guest authors (`guest-author` items);
names, roles and bios per language from the bios sidecar, with Polylang's `description_xx`
user meta filling languages the sidecar leaves out.
"""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import override

from ankasam.articles.content import ascii_slug
from ankasam.articles.sanitise import clean_stored_rich_text
from ankasam.core.languages import default_language, localized_field, site_language_codes
from ankasam.people.models import PeopleIndexPage, PersonPage

from .bios import AuthorBio, polylang_bio_meta
from .models import ImportedAuthor


class NoPeopleIndex(Exception):
    pass


def authors_of_export(index) -> dict[str, tuple[str, str, str]]:
    """Login -> (display name, e-mail, bio in the default language) for users and guest authors."""
    authors = {}
    for login, author in index.authors.items():
        name = author.display_name or " ".join(filter(None, [author.first_name, author.last_name]))
        authors[login] = (name or login, author.email, "")
    for login, guest in index.guest_authors.items():
        meta = {key: values[0] for key, values in guest.postmeta.items() if values}
        name = meta.get("cap-display_name") or guest.title or login
        authors[login] = (name, meta.get("cap-user_email", ""), meta.get("cap-description", ""))
    return authors


def import_authors(index, report, bios: dict[str, AuthorBio] | None = None) -> dict[str, PersonPage]:
    bios = bios or {}
    people_index = PeopleIndexPage.objects.first()
    people = {}
    for login, (name, email, description) in authors_of_export(index).items():
        record = ImportedAuthor.objects.filter(site=index.site, login=login).select_related("person").first()
        person = record.person.specific if record else existing_person(email)
        created = person is None
        if created:
            if people_index is None:
                raise NoPeopleIndex("the site has no experts page to put the authors under")
            slug = free_slug(people_index, ascii_slug(name) or ascii_slug(login) or "author")
            person = PersonPage(title_en=name, slug_en=slug, email=email)
        bio = bios.get(login)
        texts = texts_per_language(name, description, bio)
        changed = apply_texts(person, texts, email=(bio.email if bio else "") or email)
        if bio:
            for note in bio.notes:
                report.warn(None, note)
            if bio.links and not person.links:
                person.links = [("link", {"label": link.label, "url": link.url}) for link in bio.links]
                changed = True
        if created:
            people_index.add_child(instance=person)
        if not record:
            ImportedAuthor.objects.create(site=index.site, login=login, person=person)
        if created or changed:
            with override(default_language()):
                person.save_revision().publish()
        report.created["person"] += created
        report.updated["person"] += changed and not created
        report.unchanged["person"] += not changed and not created
        people[login] = person
    return people


def existing_person(email: str):
    """A person already on the site with the author's e-mail: the same person, not a new one."""
    email = email.strip()
    return PersonPage.objects.filter(email__iexact=email).first() if email else None


def free_slug(people_index, slug: str) -> str:
    """The slug, or the slug with -2, -3 ... when another person already has it."""
    taken = set(
        people_index.get_children().values_list(localized_field("slug", default_language()), flat=True)
    )
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def texts_per_language(name: str, description: str, bio: AuthorBio | None) -> dict[str, dict[str, str]]:
    """Field -> language -> text: the sidecar first, Polylang's meta next, WordPress's own last."""
    default = default_language()
    texts = {"title": {default: name}, "role": {}, "bio": {}}
    if description.strip():
        texts["bio"][default] = description
    if bio is None:
        return texts
    meta_bios = polylang_bio_meta(bio.usermeta, site_language_codes(), default)
    texts["bio"].update(meta_bios)
    texts["title"].update(bio.display_name)
    texts["role"].update(bio.role)
    texts["bio"].update(bio.bio)
    return texts


def apply_texts(person: PersonPage, texts: dict[str, dict[str, str]], email: str) -> bool:
    """Write each field's texts into its language's column; True if anything changed."""
    values = {}
    for field_name, per_language in texts.items():
        for language, text in per_language.items():
            if field_name == "bio":
                html = text if text.lstrip().startswith("<") else f"<p>{text}</p>"
                values[localized_field("bio", language)] = clean_stored_rich_text(html)
                short = Truncator(strip_tags(html).strip()).chars(300)
                values[localized_field("short_bio", language)] = short
            else:
                values[localized_field(field_name, language)] = text.strip()
    if email and not person.email:
        values["email"] = email.strip()
    changed = False
    for column, value in values.items():
        if value and getattr(person, column, None) != value:
            setattr(person, column, value)
            changed = True
    return changed
