# Varnish 7 in front of the ANKASAM application servers (docs/deployment.md).
#
# Caches what the application marks as shareable (`Cache-Control: ... s-maxage=N`, which the page
# cache sets on anonymous pages; static files' year-long max-age) for as long as it says, and
# nothing else. Signed-in editors, the admin, documents, the health check and `/` (the language
# redirect, which depends on the reader's cookie and Accept-Language) always reach the application.
#
# Purging (ankasam/serving/edge_backends.py sends these after every publish):
#   PURGE <path>                        drops every stored copy of <path> on the Host given,
#                                       whatever its query string (`/en/analyses/?topic=energy`
#                                       goes with `/en/analyses/`).
#   BAN / + X-Ban-Path: <regex>         the same for every path matching the regular expression
#                                       (a batch of addresses in one request and one ban).
#   BAN /  (no X-Ban-Path)              drops everything stored for the Host: a site-wide change.
# Each is a ban on two headers stored with every object (x-host, x-url-path), tested only against
# `obj.*`, so the ban lurker clears matching objects in the background and the ban list stays short.
#
# The application servers, and the addresses allowed to purge, are in app-servers.vcl.
#
# If you move the admin (ADMIN_PATH) or rename the session cookie (SESSION_COOKIE_NAME), change
# the two marked lines in vcl_recv to match.

vcl 4.1;

import std;

include "app-servers.vcl";

sub vcl_recv {
    set req.backend_hint = app.backend();
    # One spelling per host, so a purge names the same objects readers stored.
    set req.http.host = regsub(req.http.host.lower(), ":(80|443)$", "");
    # Only Varnish says whether Varnish answered.
    unset req.http.X-Varnish-Cache;

    if (req.method == "PURGE" || req.method == "BAN") {
        call ankasam_purge;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        # Forms and the admin's saves always reach the application.
        return (pass);
    }
    if (req.url ~ "^/(\?.*)?$"
        # ADMIN_PATH (default `admin/`):
        || req.url ~ "^/admin/"
        || req.url ~ "^/documents/"
        || req.url ~ "^/healthz"
        || req.http.Authorization
        # SESSION_COOKIE_NAME (default `sessionid`): anyone signed in.
        || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # The language, CSRF and analytics cookies change nothing on a public page; dropped, every
    # reader shares one copy. (The application sets no cookie on a page it lets be shared.)
    unset req.http.Cookie;
    return (hash);
}

sub ankasam_purge {
    # Behind a proxy on this machine every reader comes from 127.0.0.1 unless it speaks the PROXY
    # protocol; a request that passed through one (X-Forwarded-For names two addresses) is refused.
    if (client.ip !~ purgers || req.http.X-Forwarded-For ~ ",") {
        return (synth(405, "Not allowed"));
    }
    if (req.method == "PURGE") {
        if (std.ban("obj.http.x-host == " + req.http.host
                    + " && obj.http.x-url-path == " + regsub(req.url, "\?.*$", ""))) {
            return (synth(200, "Purged"));
        }
    } else if (req.http.X-Ban-Path) {
        if (std.ban("obj.http.x-host == " + req.http.host
                    + " && obj.http.x-url-path ~ " + req.http.X-Ban-Path)) {
            return (synth(200, "Banned"));
        }
    } else {
        if (std.ban("obj.http.x-host == " + req.http.host)) {
            return (synth(200, "Banned the whole host"));
        }
    }
    return (synth(400, std.ban_error()));
}

sub vcl_hash {
    # An http:// request is answered with a redirect to https://: never give that to https readers.
    hash_data(req.http.X-Forwarded-Proto);
    # The built-in rule adds the URL and the host.
}

sub vcl_pass {
    set req.http.X-Varnish-Cache = "PASS";
}

sub vcl_backend_fetch {
    unset bereq.http.X-Varnish-Cache;
}

sub vcl_backend_response {
    # What purges are matched against (see the top of this file); removed before delivery.
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-url-path = regsub(bereq.url, "\?.*$", "");

    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(s-maxage|max-age)=[1-9]") {
        # Cookies are someone's own; a response without a lifetime (a redirect, an error, the
        # admin's pages) was not meant to be shared. Remembered as uncacheable for two minutes so
        # that requests for it do not wait on each other.
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # An expiry date is honoured to the second (the application's s-maxage stops at the next
    # one); a stale copy served after it would show a piece that has left the site.
    set beresp.grace = 0s;
    # The built-in rules still refuse `private`, `no-cache`, `no-store` and `Vary: *`.
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-url-path;
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else if (req.http.X-Varnish-Cache == "PASS") {
        set resp.http.X-Varnish-Cache = "PASS";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
}
