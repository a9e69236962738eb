#!/bin/sh
# Entry point of the Hausakte image: the first argument picks the process.
#   api      HTTP api (and the built web app), listens on $PORT (default 3000)
#   worker   BullMQ processors, outbox relay, job schedulers
#   migrate  apply the database migrations, then exit
# Anything else is run as given (e.g. `node -v`, `sh`), for debugging.
set -eu

cmd="${1:-api}"
[ "$#" -gt 0 ] && shift

case "$cmd" in
  api | worker) exec node "dist/apps/$cmd/main.js" "$@" ;;
  migrate) exec node dist/apps/cli/main.js migrate "$@" ;;
  *) exec "$cmd" "$@" ;;
esac
