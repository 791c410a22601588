import factory


class ChildPageFactory(factory.Factory):
    """A page added (live) under `parent`; the page types' factories declare only their fields."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page
