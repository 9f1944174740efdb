# The plangraph API. Built by docker-compose.yml; also usable alone:
#   docker build -t plangraph . && docker run -p 8000:8000 plangraph   (memory backend)
# The browser pages' assets (GraphiQL, cytoscape.js) from the npm registry, at build time.
FROM node:20-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim

WORKDIR /app
COPY --from=web /web/node_modules ./web/node_modules
COPY pyproject.toml README.md ./
COPY api ./api
COPY graph ./graph
COPY loaders ./loaders
COPY schema ./schema
COPY data ./data
RUN pip install --no-cache-dir -e .

ENV PLANGRAPH_HOST=0.0.0.0 \
    PLANGRAPH_PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=5s --retries=5 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"
CMD ["plangraph", "serve"]
