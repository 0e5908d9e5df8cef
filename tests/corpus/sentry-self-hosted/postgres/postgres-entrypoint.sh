#!/bin/bash
exec docker-entrypoint.sh "$@"
