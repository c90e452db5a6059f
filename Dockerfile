# Touchline API and workers (one image; docker-compose picks the role with --role api|workers).
# No build step: tsx runs the TypeScript sources directly, as in development.
FROM node:20-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app

# Dependencies first, so source edits do not reinstall them. tsx is a runtime dependency.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --chown=node:node . .
USER node

EXPOSE 3000
# slim has no curl: ask node itself. /readyz covers PostgreSQL, Redis and OpenFGA.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# node directly (not npm) as PID 1, so SIGTERM reaches our graceful shutdown.
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "src/main.ts"]
