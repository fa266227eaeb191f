# syntax=docker/dockerfile:1
# One image for every Sanshen service; the command picks the service:
#   docker run sanshen node dist/apps/<gateway|drafting|review|secrecy|publication|audit|portal>/main.js
# Environment: see docs/operations.md. PORT must be set per service (the health check reads it).

ARG NODE_IMAGE=node:24-bookworm-slim
# The npm the developer machines use, so the lock file is read the same way (allowScripts).
ARG NPM_VERSION=11.19.1

FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app

# Build: every dependency, then `nest build --all` into dist/.
FROM base AS build
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npm run build

# Production dependencies only (no compiler, no test tools, no second Node).
FROM base AS prod-deps
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# In a container the service must listen beyond loopback; a run on a workstation keeps 127.0.0.1.
# The V8 heap bounds every service runs with (k8s/base sets the same; the system benchmark reads them
# here): old space well inside the pod's memory limit, a young generation of 4 MiB semispaces (a
# quarter of V8's default for RSS, twice the 2 MiB first chosen for GC time: docs/benchmarks.md), and
# the GC exposed so that a service gives memory back once it is idle after a load (platform core's
# idle-memory.ts).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=4 --expose-gc"
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The attachment store (附件, ATTACHMENT_DIR): the one directory the services write; mount a volume here.
RUN mkdir -p /var/lib/sanshen/attachments && chown node:node /var/lib/sanshen/attachments
ENV ATTACHMENT_DIR=/var/lib/sanshen/attachments
# The node image's unprivileged user (uid 1000); the files stay owned by root, read-only to it.
USER node
EXPOSE 3000 3001 3002 3003 3004 3005 3100
# Healthy = ready (/health/ready: its PostgreSQL, NATS, Redis answer), so Compose starts dependants
# only then. Kubernetes probes /health/live and /health/ready separately (k8s/).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "const h = process.env.HOST; const host = !h || h === '0.0.0.0' || h === '::' ? '127.0.0.1' : h; fetch('http://' + (host.includes(':') ? '[' + host + ']' : host) + ':' + (process.env.PORT || 3000) + '/health/ready', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/apps/gateway/main.js"]
