# The service image: API (npm start) or worker (npm run worker), from the same build.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production CATALOGUE_STATE_DIR=/var/lib/catalogue HOST=0.0.0.0 PORT=3000
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN mkdir -p /var/lib/catalogue && chown node:node /var/lib/catalogue
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
