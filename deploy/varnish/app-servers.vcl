# What differs per deploy: the application servers Varnish sends readers to, and who may purge.
# default.vcl includes this file by name; Varnish looks it up on its vcl_path (Debian:
# /etc/varnish first). Copy both files there, edit this one (docs/deployment.md).

vcl 4.1;

import directors;

# One `backend` per application server (gunicorn); add each to the director below.
backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
}

# Addresses allowed to PURGE and BAN: every application server (they purge after each publish)
# and the scheduler's machine. Never an address that readers' traffic arrives from (see
# default.vcl about TLS terminators on the same machine).
acl purgers {
    "127.0.0.1";
    "::1";
}
