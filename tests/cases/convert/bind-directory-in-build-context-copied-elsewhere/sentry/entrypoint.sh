#!/bin/sh
exec sentry "$@"
