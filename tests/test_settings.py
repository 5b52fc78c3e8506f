"""Settings fail loudly when a production secret is missing (design.md, style.md)."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def import_settings(**environ: str) -> subprocess.CompletedProcess:
    """Import scrutiny.settings in a fresh interpreter with only the given variables set."""
    env = {"PATH": os.environ.get("PATH", ""), **environ}
    return subprocess.run(
        [sys.executable, "-c", "import scrutiny.settings"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_debug_a_missing_secret_key_stops_the_site():
    result = import_settings()

    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured: Set DJANGO_SECRET_KEY" in result.stderr


def test_a_secret_key_is_enough_to_start():
    result = import_settings(DJANGO_SECRET_KEY="a-long-random-string")

    assert result.returncode == 0, result.stderr


def test_debug_runs_without_a_secret_key():
    result = import_settings(DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr


def test_the_deployment_checks_pass_with_production_settings(tmp_path):
    """security.md: `manage.py check --deploy` is clean on production settings."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
            "DJANGO_ALLOWED_HOSTS": "democracy.example.gov.uk",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
