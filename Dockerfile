# Image for the migrate, web (gunicorn), worker and beat (celery) services.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=territoires.settings.production \
    VAR_DIR=/app/var

WORKDIR /app
RUN useradd --create-home --uid 1000 app

COPY requirements/production.lock requirements/production.lock
RUN pip install --no-cache-dir --require-hashes -r requirements/production.lock

COPY --chown=app:app . .
# Static files are collected at build, once for every replica. collectstatic needs the
# production settings to load: the placeholders below are thrown away with this layer
# (nothing is connected to).
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    ALLOWED_HOSTS=build.invalid \
    SITE_URL=https://build.invalid \
    REDIS_URL=redis://build.invalid:6379/0 \
    python manage.py collectstatic --noinput \
 && mkdir -p /app/var/media /app/var/beat && chown -R app:app /app/var

USER app
EXPOSE 8000
# Port, workers, limits, logs and what a client may not set: deploy/gunicorn.conf.py.
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "territoires.wsgi"]
