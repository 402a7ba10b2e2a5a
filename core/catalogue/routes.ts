// GET /catalogue, /catalogue/{id}, its imports, its Data Package, and the DCAT catalogue.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Platform } from '../platform.ts';
import { notFound } from '../sdk/problem.ts';
import { dataPackage, dcatDataset, fullEntry, summary, type DescribeInput } from './describe.ts';
import { importRun, importRuns, latestRuns, staleAfterMs } from './status.ts';

const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
const problem = { $ref: 'Problem#' };
// The web pages send a browser (Accept preferring text/html) to the human page of the same thing.
const toPage = { description: 'See Other: a browser is sent to the web page of the same thing (Location)', type: 'null' };

/**
 * The base of the absolute URLs the catalogue advertises: PUBLIC_BASE_URL; else, behind a trusted
 * proxy, the host it forwards; else the address the server listens on. Never a Host header a
 * client made up (`Host: evil.example` must not turn the catalogue's links into evil.example's).
 */
export function baseUrl(config: Config, request: FastifyRequest): string {
  if (config.publicBaseUrl) return config.publicBaseUrl;
  if (config.trustProxy) return `${request.protocol}://${request.host}`;
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

export async function catalogueRoutes(app: FastifyInstance, opts: { platform: Platform; endpoints: Map<string, string[]> }) {
  const { platform } = opts;
  const stale = staleAfterMs(platform.config);
  const input = async (id: string, request: FastifyRequest): Promise<DescribeInput> => {
    const dataset = platform.dataset(id);
    if (!dataset) throw notFound(`no dataset "${id}" in this catalogue (see /catalogue)`);
    return { dataset, current: await platform.editions.get(id), endpoints: opts.endpoints.get(id) ?? [], baseUrl: baseUrl(platform.config, request), staleAfterMs: stale };
  };
  const tags = ['catalogue'];

  app.get('/catalogue', { schema: { tags, summary: 'Every registered dataset (current edition, import status) and platform plug-in (the API it mounts)', response: { 303: toPage } } }, async (request) => {
    const info = platform.catalogue.info;
    const runs = await latestRuns(platform.knex, stale);
    const datasets = await Promise.all(
      platform.datasets.map(async (d) => summary(platform.knex, { ...(await input(d.id, request)), lastRun: runs.get(d.id) ?? null })),
    );
    const plugins = platform.plugins.map((p) => ({
      id: p.id,
      title: p.manifest.title,
      description: p.manifest.description,
      prefix: `${baseUrl(platform.config, request)}${p.manifest.prefix}`,
      status: p.loadError ? { state: 'failed', reason: p.loadError } : { state: 'ready' },
      depends_on: p.manifest.depends_on ?? [],
    }));
    return { title: info.title, description: info.description, publisher: info.publisher, count: datasets.length, datasets, plugins };
  });

  app.get('/catalogue.jsonld', { schema: { tags, summary: 'The whole catalogue as DCAT (JSON-LD)' } }, async (request, reply) => {
    const info = platform.catalogue.info;
    const datasets = await Promise.all(platform.datasets.map(async (d) => dcatDataset(await input(d.id, request))));
    reply.type('application/ld+json; charset=utf-8');
    return {
      '@context': {
        dcat: 'http://www.w3.org/ns/dcat#',
        dct: 'http://purl.org/dc/terms/',
        foaf: 'http://xmlns.com/foaf/0.1/',
        owl: 'http://www.w3.org/2002/07/owl#',
      },
      '@id': `${baseUrl(platform.config, request)}/catalogue.jsonld`,
      '@type': 'dcat:Catalog',
      'dct:title': info.title ?? 'Data catalogue',
      'dct:description': info.description ?? '',
      'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': info.publisher ?? '' },
      'dcat:dataset': datasets,
    };
  });

  app.get('/catalogue/:id', { schema: { tags, summary: 'One dataset in full, with the JSON Schemas of its records', params: idParams, response: { 303: toPage, 404: problem } } }, async (request) =>
    fullEntry(platform.knex, await input((request.params as { id: string }).id, request)),
  );

  app.get('/catalogue/:id/datapackage.json', { schema: { tags, summary: 'The dataset as a Frictionless Data Package', params: idParams, response: { 404: problem } } }, async (request) =>
    dataPackage(await input((request.params as { id: string }).id, request)),
  );

  app.get('/catalogue/:id/imports', { schema: { tags, summary: 'Import runs of a dataset, newest first, with progress', params: idParams, response: { 404: problem } } }, async (request) => {
    const { id } = request.params as { id: string };
    await input(id, request);
    return { dataset: id, imports: await importRuns(platform.knex, stale, id) };
  });

  app.get(
    '/catalogue/:id/imports/:run',
    {
      schema: {
        tags,
        summary: 'One import run',
        params: { type: 'object', properties: { id: { type: 'string' }, run: { type: 'integer', minimum: 1, maximum: 2147483647 } }, required: ['id', 'run'] },
        response: { 404: problem },
      },
    },
    async (request) => {
      const { id, run } = request.params as { id: string; run: number };
      const row = await importRun(platform.knex, stale, id, run);
      if (!row) throw notFound(`no import run ${run} of ${id}`);
      return row;
    },
  );
}
