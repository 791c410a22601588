"""Page objects that drive Wagtail 8's admin with Playwright, for end-to-end editorial tests.

Selectors, most stable first:
- roles and names for Wagtail's own controls ("Save draft", "More actions", dialogs, options);
- form field names and formset ids for our fields: modeltranslation labels them "Title [en]",
  "Body [en]"..., texts that change with the verbose names and the admin user's language, while
  `title_en` and `[data-contentpath="body_en"]` (the field's comment path) are fixed by the code;
- Wagtail's data attributes where it offers no accessible name (workflow actions, stream blocks).

Every function waits through Playwright (locators, `expect`); none sleeps.
"""

import re

from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

LANGUAGE = "en"
AUTHORS_FORMSET = "article_authors"  # ArticlePageAuthor's related_name, the InlinePanel's prefix
SUBMIT_TO_WORKFLOW = re.compile(r"^(re)?submit to ", re.IGNORECASE)


def admin_url(base_url: str, name: str, *args) -> str:
    """An admin address: the admin's path comes from ADMIN_PATH, so ask the URLconf."""
    return base_url.rstrip("/") + reverse(name, args=args)


# Session


def log_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(admin_url(base_url, "wagtailadmin_login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(admin_url(base_url, "wagtailadmin_home"))
    # The sidebar's logo link is marked as the current page only on the dashboard.
    expect(page.get_by_role("link", name="Dashboard")).to_have_attribute("aria-current", "page")


def awaiting_review(page: Page, base_url: str) -> list[str]:
    """Titles in the dashboard's "Awaiting your review" panel (Wagtail omits it when empty)."""
    page.goto(admin_url(base_url, "wagtailadmin_home"))
    return page.locator("#awaiting-review-section td.title a").all_inner_texts()


# Opening pages


def start_article(page: Page, base_url: str, index_page_id: int) -> None:
    """The create view of an articles.ArticlePage under the article index `index_page_id`."""
    page.goto(admin_url(base_url, "wagtailadmin_pages:add", "articles", "articlepage", index_page_id))
    expect(_field_input(page, "title")).to_be_editable()


def open_edit_view(page: Page, base_url: str, page_id: int) -> None:
    page.goto(admin_url(base_url, "wagtailadmin_pages:edit", page_id))
    expect(_footer(page).get_by_role("button", name="Save draft")).to_be_visible()


def edited_page_id(page: Page) -> int:
    """The id of the page in the edit view (after the first save the create view redirects)."""
    match = re.search(r"/pages/(\d+)/edit/", page.url)
    assert match, f"not on a page's edit view: {page.url}"
    return int(match.group(1))


# Fields


def _field_input(page: Page, field: str) -> Locator:
    return page.locator(f'[name="{field}_{LANGUAGE}"]')


def _stream(page: Page, field: str) -> Locator:
    """A StreamField's widget: the wrapper Wagtail tags with the field's comment path."""
    return page.locator(f'[data-field][data-contentpath="{field}_{LANGUAGE}"]')


def fill_title(page: Page, text: str) -> None:
    _field_input(page, "title").fill(text)


def fill_standfirst(page: Page, text: str) -> None:
    _field_input(page, "standfirst").fill(text)


def _append_block(page: Page, field: str, block_label: str) -> Locator:
    """Add a block at the end of a StreamField and return it.

    The trailing "Insert a block" button is the stream's last one (Draftail's own block menu
    button, inside each rich-text block, has the same name but comes earlier). With several
    block types it opens a combobox (and carries aria-expanded); with one it inserts directly.
    """
    stream = _stream(page, field)
    blocks = stream.locator("[data-streamfield-stream-container] > [data-streamfield-child]")
    count = blocks.count()
    insert = stream.get_by_role("button", name="Insert a block").last
    insert.click()
    if insert.get_attribute("aria-expanded") is not None:
        page.get_by_role("listbox").get_by_role("option", name=block_label, exact=True).click()
    expect(blocks).to_have_count(count + 1)
    return blocks.last


def _type_rich_text(page: Page, container: Locator, text: str) -> None:
    """Draftail ignores `fill`: focus its contenteditable and type like a person."""
    editor = container.locator("[data-draftail-editor]").get_by_role("textbox")
    editor.click()
    page.keyboard.type(text)
    expect(editor).to_have_text(text)
    _expect_stored(container, text)


def _expect_stored(container: Locator, text: str) -> None:
    """Wait until Draftail has copied the text into the hidden input the form posts.

    Draftail saves its state there on a short delay (stateSaveInterval), so a form submitted
    right after typing would post the previous text.
    """
    container.evaluate(
        """(element, text) => new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error(`Draftail did not store: ${text}`)), 5000);
            const stored = () => [...element.querySelectorAll("input[type=hidden]")]
                .some((input) => input.value.includes(text));
            const check = () => (stored() ? resolve() : requestAnimationFrame(check));
            check();
        })""",
        text,
    )


def add_paragraph(page: Page, text: str) -> None:
    block = _append_block(page, "body", "Paragraph")
    _type_rich_text(page, block, text)


def replace_paragraph(page: Page, text: str, position: int = 0) -> None:
    """Replace the whole text of a body paragraph (the first by default)."""
    block = _stream(page, "body").locator("[data-streamfield-stream-container] > [data-streamfield-child]")
    container = block.nth(position)
    editor = container.locator("[data-draftail-editor]").get_by_role("textbox")
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(text)
    expect(editor).to_have_text(text)
    _expect_stored(container, text)


def add_footnote(page: Page, label: str, text: str) -> None:
    """A block of the footnotes stream: its `label` (RegexBlock) and `text` (rich-text note)."""
    block = _append_block(page, "footnotes", "Footnote")
    block.locator('[data-contentpath="label"] input').fill(label)
    _type_rich_text(page, block.locator('[data-contentpath="text"]'), text)


def add_author(page: Page, person_name: str) -> None:
    """Choose a person in the next empty "Authors" form, adding a form when none is empty.

    The InlinePanel has min_num=1, so the create view starts with one empty form: filling it
    (rather than always clicking "Add") avoids leaving an empty required form behind.
    """
    visible = page.locator(f"#id_{AUTHORS_FORMSET}-FORMS > [data-inline-panel-child]").filter(visible=True)
    empty = [form for form in visible.all() if not form.locator('input[name$="-person"]').input_value()]
    if empty:
        form = empty[0]
    else:
        count = visible.count()
        page.locator(f"#id_{AUTHORS_FORMSET}-ADD").click()
        expect(visible).to_have_count(count + 1)
        form = visible.last
    form.get_by_role("button", name="Choose a page").click()
    _choose_page(page, person_name)
    expect(form).to_contain_text(person_name)


def _choose_page(page: Page, title: str) -> None:
    """Pick a page in the page chooser modal by searching for its title.

    The modal is the only visible dialog (Wagtail's other dialogs are aria-hidden). Searching
    works wherever the page sits; the results' count heading is the only role=alert in the modal,
    so it tells the search results from the browse listing they replace.
    """
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Search term").fill(title)
    expect(dialog.get_by_role("alert")).to_be_visible()
    dialog.get_by_role("link", name=title, exact=True).click()
    _expect_modal_closed(page)


def _expect_modal_closed(page: Page) -> None:
    """Wagtail's modals (.modal) fade out, then remove themselves: wait for that."""
    expect(page.locator(".modal")).to_have_count(0)


# Footer actions


def _footer(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Actions (footer)")


def _more_actions(page: Page) -> Locator:
    """Open the footer's dropdown (everything but the default action) and return the footer."""
    footer = _footer(page)
    footer.get_by_role("button", name="More actions").click()
    return footer


def _submit_and_expect_success(page: Page, button: Locator) -> None:
    # Let a running autosave finish first: on the create view it may be creating the page.
    expect(page.locator('[data-w-autosave-state-value="saving"]')).to_have_count(0)
    with page.expect_navigation():
        button.click()
    expect_success_message(page)


def expect_success_message(page: Page, text: str | re.Pattern = "") -> None:
    """Wagtail's messages bar shows success, or the failure with the fields' errors."""
    messages = page.locator(".messages li")
    expect(messages.first).to_be_visible()
    errors = [t for t in page.locator(".messages li.error, .w-field__errors").all_inner_texts() if t.strip()]
    assert not errors, f"Wagtail reported errors: {errors}"
    expect(page.locator(".messages li.success").first).to_contain_text(text)


def save_draft(page: Page) -> None:
    """Save a draft; the create view then redirects to the new page's edit view.

    Wagtail 8 also autosaves (WAGTAIL_AUTOSAVE_INTERVAL, 500 ms): a valid create form may already
    have become the page before the click, so the message is either "created" or "updated".
    Waiting out a running autosave narrows, but cannot close, the race between an autosave that
    is about to create the page and this click: tests that need certainty turn autosave off.
    """
    _submit_and_expect_success(page, _footer(page).get_by_role("button", name="Save draft"))
    expect(page).to_have_url(re.compile(r"/pages/\d+/edit/"))


def wait_for_autosave(page: Page) -> None:
    """Wait until Wagtail's autosave indicator says the form's latest state is saved."""
    indicator = page.locator("#w-autosave-indicator")
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved", timeout=15_000)


def publish(page: Page) -> None:
    """The footer's "Publish"; Wagtail then goes back to the section's listing."""
    _submit_and_expect_success(page, _more_actions(page).get_by_role("button", name="Publish"))


def click_publish(page: Page) -> None:
    """Click "Publish" without waiting for a running autosave, as an editor may."""
    _more_actions(page).get_by_role("button", name="Publish").click()


def submit_for_review(page: Page) -> None:
    """The "Submit to <workflow>" (or "Resubmit to ...") item; Wagtail goes back to the listing."""
    _submit_and_expect_success(page, _more_actions(page).get_by_role("button", name=SUBMIT_TO_WORKFLOW))


# Workflow actions for reviewers (edit view of a page in moderation)


def _workflow_action(page: Page, name: str, *, with_comment: bool) -> Locator:
    """A workflow task's action button in the footer menu, by its action name.

    Labels vary by task and position ("Approve", "Approve and Publish", "Approve with comment
    and Publish"); the action name ("approve", "reject") and the modal URL (comment form) don't.
    """
    modal = "[data-workflow-action-modal-url]" if with_comment else ":not([data-workflow-action-modal-url])"
    return _more_actions(page).locator(f'[data-workflow-action-name="{name}"]{modal}')


def _comment_and_submit(page: Page, button: Locator, comment: str, on_dialog=None) -> None:
    button.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(comment)
    if on_dialog:
        expect(dialog).to_have_css("opacity", "1")  # faded in
        on_dialog()
    # The modal's form has one button (its submit); the modal then submits the edit form.
    _submit_and_expect_success(page, dialog.locator("form").get_by_role("button"))


def request_changes(page: Page, comment: str, on_dialog=None) -> None:
    """Request changes with a comment; `on_dialog` runs while the filled-in dialog is open."""
    _comment_and_submit(page, _workflow_action(page, "reject", with_comment=True), comment, on_dialog)


def approve_and_publish(page: Page, comment: str = "") -> None:
    """Approve the current task (publishes when it is the workflow's last task)."""
    if comment:
        _comment_and_submit(page, _workflow_action(page, "approve", with_comment=True), comment)
    else:
        _submit_and_expect_success(page, _workflow_action(page, "approve", with_comment=False))
