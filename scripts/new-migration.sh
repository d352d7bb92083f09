#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql as the diff between the
# committed schema (HEAD) and the working one. `prisma migrate dev` cannot run here
# (its shadow database fails with the driver adapter), so this is how migrations are made.
# Hand-written SQL (FTS5 tables, triggers) goes in a migration of its own, edited by hand.
set -euo pipefail
name=${1:?usage: scripts/new-migration.sh NAME}
cd "$(dirname "$0")/.."
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
if git cat-file -e HEAD:prisma/schema.prisma 2>/dev/null; then
  old=$(mktemp --suffix=.prisma)
  git show HEAD:prisma/schema.prisma >"$old"
  from=(--from-schema-datamodel "$old")
else
  from=(--from-empty)
fi
npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script >"$dir/migration.sql" 2>/dev/null
echo "wrote $dir/migration.sql"
