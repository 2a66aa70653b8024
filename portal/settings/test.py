"""Tests: cheap hashing, plain static storage, in-memory cache and e-mail."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-that-is-long-enough-for-django-0123456789abcdef"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", tempfile.mkdtemp(prefix="portal-test-media-")))  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405

PORTAL_SYNC_STRUCTURE_ON_PUBLISH = False  # 31 translations per structural page would slow every test down
# seed_demo builds the home and section pages in these languages only (all of them take ~30 s on PostgreSQL)
PORTAL_DEMO_STRUCTURE_LANGUAGES = ["en", "fr", "pl", "ar"]
