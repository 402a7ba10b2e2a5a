// The NHS structures (trusts, Welsh health boards, ICBs, NHS England regions, London boroughs,
// countries, OPEN UK networks), each in the forms the original serves: the list and one by code,
// `/extended` (the same members: the original added geometry there, not served here) and
// `/organisations` (with the organisations belonging to each), both also by code.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound, type AnswerCache } from '../../core/contract.ts';
import { filterItems, type Query } from './filters.ts';
import { KINDS, type Kind } from './kinds.ts';
import { codeParams, filterQuery, many, one, problem, scalarMembers, withOrganisations, type Definition } from './schemas.ts';
import { organisationRef } from './shapes.ts';
import { shapeOf, type View } from './view.ts';

type Item = Record<string, unknown>;

/** `fields=a,b`: only these members (unknown names ignored; none known: every member), as the original's /countries/. */
function selected(item: Item, fields: unknown): Item {
  const names = typeof fields === 'string' ? fields.split(',').map((f) => f.trim()).filter((f) => f in item) : [];
  return names.length === 0 ? item : Object.fromEntries(names.map((n) => [n, item[n]]));
}

export function structureRoutes(app: FastifyInstance, view: () => Promise<View>, answers: AnswerCache): void {
  for (const kind of KINDS) register(app, kind, view, answers);
}

function register(app: FastifyInstance, kind: Kind, view: () => Promise<View>, answers: AnswerCache): void {
  const definition = kind.definition as Definition;
  const members = scalarMembers(definition);
  const nested = withOrganisations(definition);
  const plain = kind.nestsOrganisations ? nested : one(definition);
  const params = codeParams('code', `The ${kind.key} of one (any case)`);
  const query = filterQuery([kind.key, 'name'], kind.selectsFields ? { fields: { type: 'string', maxLength: 500, description: 'Comma-separated members to answer (e.g. boundary_identifier,name)' } } : {});
  const missing = () => notFound(`No ${kind.singular} matches the given query.`);

  /** An item in the form asked for: its organisations nested or not, its members selected. */
  const present = (v: View, item: Item, withOrgs: boolean, q: Query) => {
    const out = withOrgs ? { ...item, organisations: v.source.lists.organisationsOf(kind.structure, String(item[kind.key])).map(organisationRef) } : item;
    return kind.selectsFields ? selected(out, q.fields) : out;
  };
  const list = (withOrgs: boolean) => async (request: FastifyRequest, reply: Parameters<AnswerCache['send']>[1]) => {
    const v = await view();
    const q = request.query as Query;
    return answers.send(request, reply, v.key, () => filterItems(v.structures(kind) as Item[], q, members).map((i) => present(v, i, withOrgs, q)));
  };
  const byCode = (withOrgs: boolean) => async (request: FastifyRequest) => {
    const v = await view();
    const record = v.source.lists.structure(kind.structure, (request.params as { code: string }).code);
    if (!record) throw missing();
    return present(v, shapeOf(v.source, kind, record) as Item, withOrgs, request.query as Query);
  };

  const base = `/${kind.path}`;
  const forms: [string, string, boolean, object][] = [
    ['', `The ${kind.title}, ordered by name${kind.descending ? ' (descending, as the original)' : ''}${kind.nestsOrganisations ? ', each with its organisations' : ''}`, kind.nestsOrganisations, plain],
    ['/extended', `The ${kind.title} with every member this service holds (the original added boundary geometry here)`, false, one(definition)],
    ['/organisations', `The ${kind.title}, each with the organisations belonging to it ({ods_code, name})`, true, nested],
  ];
  for (const [suffix, summary, withOrgs, schema] of forms) {
    app.get(`${base}${suffix}`, { schema: { summary, querystring: query, response: { 200: many(schema) } } }, list(withOrgs));
    app.get(`${base}${suffix}/:code`, { schema: { summary: `One of ${base}${suffix} by code`, params, querystring: query, response: { 200: schema, 404: problem } } }, byCode(withOrgs));
  }
  app.get(
    `${base}/:code/organisations`,
    { schema: { summary: `One of the ${kind.title} by code, with the organisations belonging to it`, params, querystring: query, response: { 200: nested, 404: problem } } },
    byCode(true),
  );
}
