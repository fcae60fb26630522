"""Settings shared by every environment.

This is the one module that reads the environment; ``dev``, ``test`` and
``production`` only change what they must.
"""

import os
from pathlib import Path

from .database import database_config
from .environment import env_bool, env_list
from .logs import logging_config
from .page_cache import *  # noqa: F403  (what anonymous pages the cache keeps, and how)
from .public_address import DEV_URL, public_address
from .redis import celery_broker_default
from .request_limits import *  # noqa: F403  (sizes and counts read before any view)
from .storage import file_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


# --- Core ---------------------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Security headers that hold everywhere; production adds HSTS and secure cookies.
# The Content-Security-Policy and Permissions-Policy come from core.security.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

INSTALLED_APPS = [
    "core",
    "collectivites",
    "contributions",
    "themes",
    "resources",
    "events",
    "votes",
    "newsletter",
    "dsfr",
    "widget_tweaks",
    "django_filters",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.observability.RequestLogMiddleware",
    "core.security.SecurityHeadersMiddleware",
    "core.request_guards.RequestSizeMiddleware",
    "core.request_guards.ControlCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "territoires.urls"
# The prefix the site lives under, from the settings only: Django then ignores the
# SCRIPT_NAME of the WSGI environ, which a client may have had a server fill in.
FORCE_SCRIPT_NAME = os.environ.get("FORCE_SCRIPT_NAME", "")
# Form templates are looked up like page templates, so ours (honeypot, DSFR
# overrides) sit next to django-dsfr's.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "territoires.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------
DATABASES = {
    "default": database_config(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis carries the cache and, in the next database, the Celery broker (production
# requires it). Without it the site runs on its own: memory cache, tasks run in the request.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to no cache while Redis is down (core.cache).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tec"),
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rate limits count in this cache; clients are told apart by their address, read
# from X-Forwarded-For only when the request comes through one of these proxies.
RATE_LIMIT_CACHE = "default"
RATE_LIMITS: dict[str, str] = {}
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# Networks whose one address many agents share: higher ceilings (core.ratelimit).
RATE_LIMIT_SHARED_NETWORKS = env_list("RATE_LIMIT_SHARED_NETWORKS")

# --- Celery -------------------------------------------------------------------------
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or celery_broker_default(REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Europe/Paris"
# A task is acknowledged only once done, so a worker killed mid-task loses nothing.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing gives up quickly when Redis is down: the task then runs in process
# (territoires.celery.ResilientTask) instead of keeping a visitor waiting.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
    # A task taken by a worker that dies comes back after this delay; it must exceed
    # the longest retry countdown (2 h for e-mails), or a waiting retry would run twice.
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "10800")),
}
# Periodic tasks, run by the « beat » service (each app adds its own entries here).
CELERY_BEAT_SCHEDULE: dict = {}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# --- E-mail -------------------------------------------------------------------------
# Without an SMTP host, every e-mail is written as a file under var/mail/.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail")))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Territoires en Commun <ne-pas-repondre@territoires-en-commun.fr>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The one address of the moderation team: every notice of something to moderate goes
# there, and every e-mail to a contributor answers to it (Reply-To).
MODERATION_EMAIL = os.environ.get("MODERATION_EMAIL", "moderation@territoires-en-commun.fr")

# --- Legal notices --------------------------------------------------------------------
# The mentions légales name who answers for the site and who hosts it: the deployment
# knows them, the editors do not (README, « Configuration »).
LEGAL_PUBLICATION_DIRECTOR = os.environ.get(
    "LEGAL_PUBLICATION_DIRECTOR", "le directeur général de l'ANCT"
)
LEGAL_HOST_NAME = os.environ.get("LEGAL_HOST_NAME", "")
LEGAL_HOST_ADDRESS = os.environ.get("LEGAL_HOST_ADDRESS", "")
LEGAL_HOST_CONTACT = os.environ.get("LEGAL_HOST_CONTACT", "")
# The report of the automated RGAA checks that the accessibility statement cites
# (tests/browser/test_rgaa_beyond_axe.py writes it, fill_accessibility_statement reads it).
RGAA_REPORT_DIR = Path(os.environ.get("RGAA_REPORT_DIR", VAR_DIR / "rgaa"))

# --- Internationalisation -----------------------------------------------------------
# The site is written in French directly (no message catalogue of its own, see
# ARCHITECTURE.md); USE_I18N gives Django's and Wagtail's own messages in French.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads go to the local disk, or to the object store's buckets (settings/storage.py).
STORAGES = {
    **file_storages(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Authentication -----------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account-login"
LOGIN_REDIRECT_URL = "account-home"
# Private pages lead to the site's login (core.login_throttle); /_util/login/ too.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# --- ProConnect (OpenID Connect login of public agents, collectivites.proconnect) ------
# Off unless the three are set. The endpoints come from the discovery document
# (``…/.well-known/openid-configuration``), fetched when first needed and cached.
PROCONNECT_DISCOVERY_URL = os.environ.get("PROCONNECT_DISCOVERY_URL", "")
OIDC_RP_CLIENT_ID = os.environ.get("PROCONNECT_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("PROCONNECT_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid given_name usual_name email siret uid"
OIDC_USE_PKCE = True
OIDC_AUTH_REQUEST_EXTRA_PARAMS = {"acr_values": "eidas1"}
# Kept in the session to end the ProConnect session at logout (id_token_hint).
OIDC_STORE_ID_TOKEN = True
OIDC_AUTHENTICATION_CALLBACK_URL = "proconnect-callback"
OIDC_TIMEOUT = 10
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    # Answers only the ProConnect callback (its arguments are a nonce and a PKCE verifier).
    "collectivites.proconnect.ProConnectBackend",
]

# --- Collectivités and accounts ----------------------------------------------------
# A representative whose confirmed address is at one of their collectivité's e-mail
# domains is validated at once; turn off to have staff review every sign-up.
REPRESENTATIVE_AUTO_APPROVAL = env_bool("REPRESENTATIVE_AUTO_APPROVAL", True)

# Editors and staff confirm every admin login with a TOTP code (core.two_factor).
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "Territoires en Commun"
WAGTAILADMIN_USER_LOGIN_FORM = "core.admin_login.ThrottledLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "core.admin_login.ThrottledPasswordResetForm"  # noqa: S105

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Territoires en Commun"
# Every absolute link is built on it (core.public_urls); the Wagtail Site follows it.
SITE_URL = WAGTAILADMIN_BASE_URL = public_address(os.environ.get("SITE_URL", "") or DEV_URL)
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No avatar fetched from Gravatar: the admin, too, calls no other site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Created by core's migration 0003: French stemming with accents folded.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french_unaccent"
# Documents are published as resources: office formats only, checked by content.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx"]
# Every document is downloaded (Content-Disposition: attachment), never shown inline.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.documents.DocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Tag slugs go into URLs (?tag=benevolat): keep them ASCII.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# --- Contributions ------------------------------------------------------------------
# Documents sent with a proposed resource wait here, out of the public media, until
# a moderator publishes them (unless AWS_PRIVATE_BUCKET_NAME names a private bucket).
CONTRIBUTION_UPLOAD_ROOT = Path(
    os.environ.get("CONTRIBUTION_UPLOAD_ROOT", VAR_DIR / "contributions")
)
# Where « préciser mon besoin » requests are sent (else to the moderators).
NEED_REQUESTS_EMAIL = os.environ.get("NEED_REQUESTS_EMAIL", "")
# Proposals never confirmed by their sender are forgotten after 30 days, requests to
# the ANCT (« préciser mon besoin ») after 7.
# New pages that Wagtail's autosave created and their author abandoned (core/drafts.py).
CELERY_BEAT_SCHEDULE["core-purge-abandoned-drafts"] = {
    "task": "core.tasks.purge_abandoned_drafts",
    "schedule": 3600,
}
CELERY_BEAT_SCHEDULE["contributions-purge-unconfirmed"] = {
    "task": "contributions.tasks.purge_unconfirmed_contributions",
    "schedule": 24 * 3600,
}

# --- Newsletter ---------------------------------------------------------------------
NEWSLETTER_FROM_EMAIL = os.environ.get(
    "NEWSLETTER_FROM_EMAIL",
    "Territoires en Commun <newsletter@territoires-en-commun.fr>",
)
NEWSLETTER_REPLY_TO = os.environ.get("NEWSLETTER_REPLY_TO", "")
# The mailbox behind the « mailto: » of List-Unsubscribe; whoever reads it unsubscribes
# the senders (the HTTPS one-click link does it by itself).
NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get(
    "NEWSLETTER_UNSUBSCRIBE_MAILTO", "desinscription@territoires-en-commun.fr"
)
NEWSLETTER_POSTAL_ADDRESS = os.environ.get(
    "NEWSLETTER_POSTAL_ADDRESS",
    "Agence nationale de la cohésion des territoires, 20 avenue de Ségur, 75007 Paris",
)
# Confirmation links expire; addresses still unconfirmed later are deleted.
NEWSLETTER_CONFIRMATION_DAYS = int(os.environ.get("NEWSLETTER_CONFIRMATION_DAYS", "3"))
NEWSLETTER_UNCONFIRMED_PURGE_DAYS = int(os.environ.get("NEWSLETTER_UNCONFIRMED_PURGE_DAYS", "7"))
# Links to a subscriber's preferences and data open them for this long (an expired one
# offers a fresh link by e-mail); unsubscribe links never expire.
NEWSLETTER_PREFERENCES_LINK_DAYS = int(os.environ.get("NEWSLETTER_PREFERENCES_LINK_DAYS", "60"))
# One Celery task per chunk of recipients, one SMTP connection per task.
NEWSLETTER_CHUNK_SIZE = int(os.environ.get("NEWSLETTER_CHUNK_SIZE", "500"))
# Messages per second over all workers (0: as fast as the SMTP server accepts them).
NEWSLETTER_SEND_RATE = float(os.environ.get("NEWSLETTER_SEND_RATE", "20"))
# A claim older than this is a dead worker's: its recipients are sent by the next run.
NEWSLETTER_STALLED_AFTER_MINUTES = int(os.environ.get("NEWSLETTER_STALLED_AFTER_MINUTES", "15"))
NEWSLETTER_MAX_ATTEMPTS = int(os.environ.get("NEWSLETTER_MAX_ATTEMPTS", "5"))
# From this day of the month, the next month's draft is assembled if it does not exist.
NEWSLETTER_DRAFT_DAY = int(os.environ.get("NEWSLETTER_DRAFT_DAY", "20"))
CELERY_BEAT_SCHEDULE["newsletter-start-due-sends"] = {
    "task": "newsletter.tasks.start_due_dispatches",
    "schedule": 60.0,
}
CELERY_BEAT_SCHEDULE["newsletter-recover-stalled-sends"] = {
    "task": "newsletter.tasks.recover_stalled_deliveries",
    "schedule": 300.0,
}
CELERY_BEAT_SCHEDULE["newsletter-purge-unconfirmed"] = {
    "task": "newsletter.tasks.purge_unconfirmed_subscribers",
    "schedule": 6 * 3600.0,
}
CELERY_BEAT_SCHEDULE["newsletter-draft-next-issue"] = {
    "task": "newsletter.tasks.draft_next_issue",
    "schedule": 6 * 3600.0,
}

# --- Votes --------------------------------------------------------------------------
# Campaigns closed by their date get their results frozen within five minutes (the
# results page also freezes them on its first visit after the closing).
CELERY_BEAT_SCHEDULE["votes-freeze-closed-campaigns"] = {
    "task": "votes.tasks.freeze_closed_campaigns",
    "schedule": 300,
}
# Departures from a projet partagé take effect once their delay to undo has passed.
CELERY_BEAT_SCHEDULE["votes-apply-due-departures"] = {
    "task": "votes.tasks.apply_due_departures",
    "schedule": 60,
}

# --- DSFR ---------------------------------------------------------------------------
# The integrity hashes in django-dsfr are for its own files, served by us as they are.
DSFR_USE_INTEGRITY_CHECKSUMS = True

# --- Logging ------------------------------------------------------------------------
# One line per request and per task (core.observability), control characters escaped;
# LOG_FORMAT=json for log collectors. With ERROR_REPORT_EMAILS set, server errors are
# also e-mailed, at most ERROR_REPORT_MAIL_LIMIT per distinct error and
# ERROR_REPORT_MAIL_TOTAL in all per ERROR_REPORT_MAIL_WINDOW seconds (core.error_reports).
ADMINS = [("Équipe technique", address) for address in env_list("ERROR_REPORT_EMAILS")]
ERROR_REPORT_MAIL_LIMIT = int(os.environ.get("ERROR_REPORT_MAIL_LIMIT", "3"))
ERROR_REPORT_MAIL_TOTAL = int(os.environ.get("ERROR_REPORT_MAIL_TOTAL", "20"))
ERROR_REPORT_MAIL_WINDOW = int(os.environ.get("ERROR_REPORT_MAIL_WINDOW", "3600"))
LOGGING = logging_config(
    log_format=os.environ.get("LOG_FORMAT", "plain"),
    level=os.environ.get("LOG_LEVEL", "INFO"),
    request_level=os.environ.get("REQUEST_LOG_LEVEL", "INFO"),
)
