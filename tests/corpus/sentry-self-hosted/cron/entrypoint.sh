#!/usr/bin/env bash
exec cron -f
