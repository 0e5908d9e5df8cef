-- webhooks.sql
\set pguser `echo "$POSTGRES_USER"`
