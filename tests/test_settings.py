"""Production settings refuse to start without a secret key and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_secret_key_outside_debug_is_a_clear_start_up_error():
    result = run_manage("check", "--deploy")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    serve = subprocess.run(
        [sys.executable, "-c", "import planportal.wsgi"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert serve.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in serve.stderr


def test_migrations_can_be_checked_without_a_secret_key():
    assert run_manage("makemigrations", "--check", "--dry-run").returncode == 0


def test_deploy_check_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="planer.example.no",
    )
    assert result.returncode == 0, result.stdout + result.stderr
