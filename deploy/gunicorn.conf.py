"""gunicorn's settings for `make serve` and production: `gunicorn -c deploy/gunicorn.conf.py`.

Each value comes from the environment (docs/deployment.md), with defaults for one machine.
"""

import multiprocessing
import os

# Sync workers: each request is short (the page cache answers most, PDFs are made by the
# background worker), so more processes than cores keeps both busy while one waits on the database.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
bind = os.environ.get("BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"
wsgi_app = "ankasam.wsgi:application"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# A worker is replaced now and then, so a slow leak in any library cannot grow without bound; not
# often, since a cached page costs a millisecond and starting a worker about a second of CPU
# (at 5 000, workers were replaced every few seconds under load: bench/serve.py, "restarts").
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# Access logs cost a write per request; a proxy in front (Varnish, a CDN) usually keeps them.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# Behind a proxy on this machine; set FORWARDED_ALLOW_IPS to the proxies' addresses otherwise.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# gunicorn 27's control socket sits at one path per user, so a second site (or a second instance
# on another port) on the same machine would take it over; nothing here uses it.
control_socket_disable = True
