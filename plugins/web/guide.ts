// Guides kept as Markdown under docs/ (e.g. the migration guide for RCPCH applications), served
// as pages when the file exists; a guide not written yet is a plain 404 page, never a failure.
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import type { Platform } from '../../core/platform.ts';
import { page, problemPage } from './render.ts';

const GUIDES: Record<string, string> = { 'migrating-from-rcpch-apis': 'migrating-from-rcpch-apis.md' };
export const MIGRATION_GUIDE_URL = '/web/guides/migrating-from-rcpch-apis';

const fileOf = (platform: Platform, name: string) => join(platform.config.root, 'docs', GUIDES[name]);

export const guideExists = (platform: Platform) => existsSync(fileOf(platform, 'migrating-from-rcpch-apis'));

export async function guidePages(app: FastifyInstance, platform: Platform) {
  app.get('/web/guides/:name', { schema: { hide: true, params: { type: 'object', properties: { name: { type: 'string', maxLength: 100 } }, required: ['name'] } } }, async (request, reply) => {
    const { name } = request.params as { name: string };
    if (!Object.hasOwn(GUIDES, name) || !existsSync(fileOf(platform, name)))
      return problemPage(request, reply, 404, { title: 'Guide not available', detail: 'This guide has not been written yet. The API documentation is at /docs.' });
    const markdown = readFileSync(fileOf(platform, name), 'utf8');
    const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? name;
    // The guide is this repository's own text (trusted), rendered once per request.
    return page(request, reply, 'guide', title, { html: await marked.parse(markdown) });
  });
}
