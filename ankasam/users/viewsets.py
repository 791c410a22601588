from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import AnkasamUserCreationForm, AnkasamUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AnkasamUserEditForm if for_update else AnkasamUserCreationForm
