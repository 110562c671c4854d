# syntax=docker/dockerfile:1
# Minyi: multi-stage build. Stage 1 installs dependencies (better-sqlite3 compiles its native addon),
# generates the Prisma clients and compiles the service to dist/ (npm ci's postinstall); stage 2 carries
# only what runs, as a non-root user, and runs it with node alone. Every file read at run time must be copied
# into stage 2: test/packaging/runtime-stage-boots.test.ts boots the service from exactly the files these
# COPY lines name.

FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npm ci && npm run typecheck && npm prune --omit=dev

FROM node:20-bookworm-slim
# MALLOC_ARENA_MAX=2, MALLOC_MMAP_THRESHOLD_=131072 and --max-semi-space-size=2 (CMD): as package.json's start script,
# which is the one place they are decided (test/packaging/runtime-stage-boots.test.ts checks both agree). glibc
# otherwise keeps a malloc arena per thread (the classifier's training thread left ~10 MB resident) and, after large
# blocks are freed, serves the next ones from a heap it keeps (another 10–25 MB); V8's young generation grows to
# 2 × 16 MB during start. No measured change in ingest throughput (README, "Running it in production").
ENV NODE_ENV=production PORT=3000 DATABASE_URL=file:/app/data/minyi.db MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/package.json /app/prisma.config.ts ./
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/assets ./assets
COPY --from=build --chown=node:node /app/config ./config
COPY --from=build --chown=node:node /app/prompts ./prompts
COPY --from=build --chown=node:node /app/web ./web
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# Migrations are applied by the service itself on start (src/infra/db/migrate.ts), before it listens.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--max-semi-space-size=2", "dist/main.js"]
