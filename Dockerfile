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
ENV NODE_ENV=production PORT=3000 DATABASE_URL=file:/app/data/minyi.db
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
CMD ["node", "dist/main.js"]
