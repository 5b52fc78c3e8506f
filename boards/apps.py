from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class BoardsConfig(AppConfig):
    name = "boards"
    verbose_name = "Council, boards and people"

    def ready(self) -> None:
        # Every change to what the site shows makes the public page cache stale.
        from scrutiny.pagecache import site_changed

        post_save.connect(site_changed, dispatch_uid="site_changed_on_save")
        post_delete.connect(site_changed, dispatch_uid="site_changed_on_delete")
        m2m_changed.connect(site_changed, dispatch_uid="site_changed_on_m2m")
