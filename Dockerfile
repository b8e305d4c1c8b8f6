# doanbot production image: build with tsc in one stage, run `npm run start:prod` (node dist/main.js)
# with production dependencies only in the other. Not built on the development machine (no Docker
# there): see README, "Production".

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production NPM_CONFIG_UPDATE_NOTIFIER=false
# tini -g: `docker stop`'s SIGTERM reaches npm and node (one process group), npm waits for node's
# graceful stop (npm alone does not pass SIGTERM on to node).
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY flows ./flows
COPY locales ./locales
# The data directory (exports, console log) belongs to the unprivileged user the bot runs as.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8443
ENTRYPOINT ["/usr/bin/tini", "-g", "--"]
CMD ["npm", "run", "start:prod"]
