"""What the browser tests share: the browser's settings, the demo site and logging in."""

import dataclasses
import os
import re
from pathlib import Path

from playwright.sync_api import expect

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
AXE_JS = Path(__file__).parent / "vendor" / "axe.min.js"

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

# The demo accounts' passwords (recommendations/demo/accounts.py).
PASSWORDS = {
    "member": "demo-member-2024",
    "other-member": "demo-other-member-2024",
    "officer": "demo-officer-2024",
}

SERVER_SETTINGS = {
    "SECURE_SSL_REDIRECT": False,
    "SESSION_COOKIE_SECURE": False,
    "CSRF_COOKIE_SECURE": False,
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
}


@dataclasses.dataclass(frozen=True)
class DemoSite:
    """The running site and the paths of the demo pages the tests visit."""

    url: str
    paths: dict[str, str]
    restricted_document_path: str
    restricted_document_title: str

    def __call__(self, name_or_path: str) -> str:
        """An absolute URL: `demo_site("meeting")` or `demo_site("/search/?q=x")`."""
        return self.url + self.paths.get(name_or_path, name_or_path)


def log_in(page, demo_site: DemoSite, username: str) -> None:
    """Log in as a person would: the header's sign-in link, then the form."""
    page.goto(demo_site("home"))
    menu = page.get_by_role("button", name="Menu", exact=True)
    if menu.is_visible():  # On a phone the navigation folds behind a Menu button.
        menu.click()
    page.get_by_role("link", name=re.compile(r"^(sign|log) in$", re.I)).click()
    page.get_by_label(re.compile("user ?name", re.I)).fill(username)
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORDS[username])
    page.get_by_role("button", name=re.compile(r"^(sign|log) in$", re.I)).click()
    # Signed in: a sign-out button, though on a phone it is folded behind the Menu button.
    sign_out = page.get_by_role(
        "button", name=re.compile(r"^(sign|log) out$", re.I), include_hidden=True
    )
    expect(sign_out).to_have_count(1)
