# The hub's read-only account on the demo department database: SELECT on the licence table and nothing else
# (DESIGN.md: department databases are only ever read). User and password are the hub's own SCJGJ_DB_USER and
# SCJGJ_DB_PASSWORD from hub.env, so the two cannot drift apart.
# Keep this file NOT executable: the mariadb image's entrypoint then sources it, which gives it docker_process_sql.
: "${SCJGJ_DB_USER:?set SCJGJ_DB_USER in hub.env}" "${SCJGJ_DB_PASSWORD:?set SCJGJ_DB_PASSWORD in hub.env}"
reader_password=${SCJGJ_DB_PASSWORD//\\/\\\\}
reader_password=${reader_password//\'/\\\'}
docker_process_sql --database=scjgj <<EOSQL
CREATE USER '${SCJGJ_DB_USER}'@'%' IDENTIFIED BY '${reader_password}';
GRANT SELECT ON scjgj.xk_licence TO '${SCJGJ_DB_USER}'@'%';
EOSQL
unset reader_password
