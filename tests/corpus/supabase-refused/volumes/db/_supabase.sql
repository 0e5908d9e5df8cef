-- _supabase.sql
\set pguser `echo "$POSTGRES_USER"`
