#!/bin/sh
# As the redis image: reachable from the other containers without a password (protected mode off).
if [ "$1" = "redis-server" ]; then exec "$@" --protected-mode no; fi
exec "$@"
