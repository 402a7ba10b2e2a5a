// Organisations: every one nested with what it belongs to (ordered by name, filtered on any of its
// own members), the drop-down list of codes and names, those belonging to a diabetes unit, and one
// by ODS code.
import type { FastifyInstance } from 'fastify';
import { notFound, type AnswerCache } from '../../core/contract.ts';
import { filterItems, type Query } from './filters.ts';
import { codeParams, filterQuery, many, one, problem, scalarMembers } from './schemas.ts';
import { organisationRef } from './shapes.ts';
import type { View } from './view.ts';

const ORGANISATION = one('organisation');
const MEMBERS = scalarMembers('organisation');
const LIMITED = ['ods_code', 'name'];
const params = codeParams('ods_code', 'ODS code of the organisation (any case)');
export const noOrganisation = () => notFound('No Organisation matches the given query.');

export function organisationRoutes(app: FastifyInstance, view: () => Promise<View>, answers: AnswerCache): void {
  app.get(
    '/organisations',
    {
      schema: {
        summary: 'Organisations (acute and community hospitals and units where children are cared for), each nested with its trust or health board, ICB, region, PDU, OPEN UK network, London borough and country; ordered by name',
        description: 'A bare array. Filters: any of the members of an organisation (ods_code, name, postcode, active, city …), each an exact match; other parameters are ignored.',
        querystring: filterQuery(['ods_code', 'name', 'postcode', 'active']),
        response: { 200: many(ORGANISATION), 400: problem },
      },
    },
    async (request, reply) => {
      const v = await view();
      return answers.send(request, reply, v.key, () => filterItems(v.organisations, request.query as Query, MEMBERS));
    },
  );

  app.get(
    '/organisations/limited',
    {
      schema: {
        summary: 'Organisations as ODS code and name only, ordered by name (for drop-downs)',
        querystring: filterQuery(LIMITED),
        response: { 200: many(one('organisation_ref')) },
      },
    },
    async (request, reply) => {
      const v = await view();
      return answers.send(request, reply, v.key, () => filterItems(v.organisations.map(organisationRef), request.query as Query, LIMITED));
    },
  );

  app.get(
    '/organisations/limited/:ods_code',
    { schema: { summary: 'One organisation as ODS code and name', params, response: { 200: one('organisation_ref'), 404: problem } } },
    async (request) => {
      const found = (await view()).organisation((request.params as { ods_code: string }).ods_code);
      if (!found) throw noOrganisation();
      return organisationRef(found);
    },
  );

  app.get(
    '/organisations/paediatric-diabetes-units',
    {
      schema: {
        summary: 'The organisations that belong to a paediatric diabetes unit, in the shape of /organisations, ordered by name',
        response: { 200: many(ORGANISATION) },
      },
    },
    async (request, reply) => {
      const v = await view();
      return answers.send(request, reply, v.key, () => v.organisations.filter((o) => o.paediatric_diabetes_unit !== null));
    },
  );

  app.get(
    '/organisations/:ods_code',
    { schema: { summary: 'One organisation by ODS code, nested as in /organisations', params, response: { 200: ORGANISATION, 404: problem } } },
    async (request) => {
      const found = (await view()).organisation((request.params as { ods_code: string }).ods_code);
      if (!found) throw noOrganisation();
      return found;
    },
  );
}
