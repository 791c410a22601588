"""The article's admin form: notes that do not match the text stop publishing, not a draft."""

from ankasam.translations.forms import TranslationAwarePageForm


def publishes(post_data) -> bool:
    """Whether the admin post may make this revision live: "Publish" (now or scheduled) or a
    reviewer's "Approve" from the edit view. Saving a draft and submitting for review do not."""
    if post_data.get("action-publish"):
        return True
    approving = post_data.get("workflow-action-name") == "approve"
    return bool(post_data.get("action-workflow-action")) and approving


class ArticlePageForm(TranslationAwarePageForm):
    def _post_clean(self):
        # Django's ModelForm calls the model's clean() from here; the page learns whether it is
        # being published before that happens.
        self.instance.footnotes_may_be_inconsistent = not publishes(self.data)
        super()._post_clean()
