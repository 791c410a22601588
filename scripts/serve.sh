#!/usr/bin/env bash
# `make serve`: the site as production runs it, on this machine (README, "Serving for real").
# gunicorn with ankasam.settings.production, the page cache, the background worker and the
# publishing scheduler; Ctrl+C (or any one of them stopping) stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
STATE=.serve

# The few values production needs that only this machine can give; production.py itself is
# unchanged, so anything not set here fails as it would on a server.
mkdir -p "$STATE/mail"
if [ ! -s "$STATE/secret_key" ]; then
    (umask 077 && "$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))' >"$STATE/secret_key")
fi
export PORT="${PORT:-8000}"
export DJANGO_SETTINGS_MODULE=ankasam.settings.production
export SECRET_KEY="$(cat "$STATE/secret_key")"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}"
export EMAIL_DELIVERY_BACKEND="${EMAIL_DELIVERY_BACKEND:-django.core.mail.backends.filebased.EmailBackend}"
export EMAIL_FILE_PATH="${EMAIL_FILE_PATH:-$PWD/$STATE/mail}"
export SERVE_MEDIA="${SERVE_MEDIA:-true}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$PORT}"

cat <<SETTINGS
== make serve: ankasam.settings.production with these local values
   SECRET_KEY           from $STATE/secret_key (made once, kept out of git)
   ALLOWED_HOSTS        $ALLOWED_HOSTS
   SECURE_SSL_REDIRECT  $SECURE_SSL_REDIRECT (plain HTTP on loopback)
   EMAIL_DELIVERY_BACKEND $EMAIL_DELIVERY_BACKEND (mail is queued and sent by the worker)
   EMAIL_FILE_PATH      $EMAIL_FILE_PATH
   SERVE_MEDIA          $SERVE_MEDIA (a real deploy serves media from the web server or S3)
   DATABASE_URL         ${DATABASE_URL:-(unset: SQLite, db.sqlite3)}
   REDIS_URL            ${REDIS_URL:-(unset: page cache in files under .cache/pages)}
SETTINGS

make --no-print-directory site PORT="$PORT"

# collectstatic hashes and compresses every file (about 20 s); only when something changed.
manifest="${STATIC_ROOT:-staticfiles}/staticfiles.json"
if [ ! -f "$manifest" ] || [ -n "$(find static .venv/.installed -newer "$manifest" -print -quit)" ]; then
    "$BIN/python" manage.py collectstatic --noinput --verbosity 0
fi

pids=()
stop_all() {
    trap - EXIT INT TERM
    kill "${pids[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop_all EXIT INT TERM

# The task worker stops when the database goes away (django-tasks-db raises); it is started
# again, so a database restart does not stop the site.
scripts/keep-running.sh "$BIN/python" manage.py db_worker --interval 0.5 & pids+=($!)
"$BIN/python" manage.py run_publish_scheduler & pids+=($!)
"$BIN/gunicorn" -c deploy/gunicorn.conf.py & pids+=($!)
echo "Serving the site at http://127.0.0.1:$PORT/ with production settings (Ctrl+C stops it)"
# Whichever stops first (a port in use, a crash) stops the others.
wait -n
