#!/bin/sh
set -eu
for db in $(echo "$MYSQL_MULTIPLE_DATABASES" | tr ',' ' '); do
  mysql -uroot -p"$MYSQL_ROOT_PASSWORD" -e "CREATE DATABASE IF NOT EXISTS \`$db\`; GRANT ALL ON \`$db\`.* TO '$MYSQL_USER'@'%';"
done
