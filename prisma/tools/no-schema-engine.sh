#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
echo "Prisma's schema engine is not installed. Migrations are plain SQL under" >&2
echo "prisma/migrations/ and are applied by 'npm run db:migrate' (or at service" >&2
echo "start). Write a new one with 'npm run db:new-migration -- <name>'." >&2
exit 1
