#!/usr/bin/env bash
# Run a command, and start it again five seconds after it stops, until this script is stopped
# (TERM or INT, passed on to the command). `make serve` and bench/serve.py run the task worker
# this way: django-tasks-db's worker exits when the database goes away.
child=""
trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' TERM INT
while true; do
    "$@" & child=$!
    wait "$child" || echo "$* stopped; starting it again in 5 s" >&2
    sleep 5 & wait $!
done
