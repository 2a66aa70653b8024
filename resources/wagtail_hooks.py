from wagtail import hooks

from resources.views import resource_listing


@hooks.register("register_admin_viewset")
def register_resource_listing():
    return resource_listing
