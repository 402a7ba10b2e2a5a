// Paediatric diabetes units (NPDA PZ codes): the list (also /extended), with their organisations
// (each exactly {ods_code, name}: NPDA builds objects from them), with their parent trust or
// Welsh board and primary organisation (from the curated PDU list), and the units of an
// organisation with its sibling organisations. A unit the curated list gives no organisation
// (an unlisted site code) is listed with no organisations and a null parent and primary organisation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound, type AnswerCache, type PduView } from '../../core/contract.ts';
import { filterItems, type Query } from './filters.ts';
import { codeParams, filterQuery, many, one, problem, scalarMembers, type Definition } from './schemas.ts';
import { organisationRef, pdu, pduParent, sibling, type Source } from './shapes.ts';
import type { View } from './view.ts';

const BASE = '/paediatric_diabetes_units';
const params = codeParams('pz_code', 'NPDA PZ code of the unit');
const noUnit = () => notFound('No PaediatricDiabetesUnit matches the given query.');

/** The shapes a unit is answered in, each with the definition describing it. */
const FORMS: Record<string, { definition: Definition; shape: (s: Source, v: PduView) => object }> = {
  plain: { definition: 'paediatric_diabetes_unit', shape: pdu },
  organisations: { definition: 'pdu_organisations', shape: (s, v) => ({ ...pdu(s, v), organisations: v.organisations.map(organisationRef) }) },
  parent: { definition: 'pdu_parent', shape: pduParent },
};

export function pduRoutes(app: FastifyInstance, view: () => Promise<View>, answers: AnswerCache): void {
  const units = (v: View) => v.source.lists.structures('pdu').map((p) => v.source.lists.pdu(p.npda_code)!);
  const unitOf = async (request: FastifyRequest) => {
    const v = await view();
    const unit = v.source.lists.pdu((request.params as { pz_code: string }).pz_code);
    if (!unit) throw noUnit();
    return { v, unit };
  };

  const routes: [string, keyof typeof FORMS, string][] = [
    ['', 'plain', 'Paediatric diabetes units with their network, ordered by PZ code'],
    ['/extended', 'plain', 'Paediatric diabetes units, ordered by PZ code (as /paediatric_diabetes_units)'],
    ['/organisations', 'organisations', 'Paediatric diabetes units with their organisations, each exactly {ods_code, name}'],
    ['/parent', 'parent', 'Paediatric diabetes units with their parent trust or Welsh health board and their primary organisation'],
  ];
  for (const [suffix, form, summary] of routes) {
    const { definition, shape } = FORMS[form];
    const schema = one(definition);
    const members = scalarMembers(definition);
    app.get(
      `${BASE}${suffix}`,
      { schema: { summary, description: 'A bare array; pz_code= keeps one unit (an unknown code: an empty array).', querystring: filterQuery(['pz_code']), response: { 200: many(schema) } } },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const v = await view();
        return answers.send(request, reply, v.key, () => filterItems(units(v).map((u) => shape(v.source, u)), request.query as Query, members));
      },
    );
    const byCode = async (request: FastifyRequest) => {
      const { v, unit } = await unitOf(request);
      return shape(v.source, unit);
    };
    const byCodeSchema = { schema: { summary: `One unit of ${BASE}${suffix} by PZ code`, params, response: { 200: schema, 404: problem } } };
    if (suffix !== '/parent') app.get(`${BASE}${suffix}/:pz_code`, byCodeSchema, byCode);
    if (suffix !== '' && suffix !== '/extended') app.get(`${BASE}/:pz_code${suffix}`, byCodeSchema, byCode);
  }

  app.get(
    `${BASE}/sibling-organisations/:ods_code`,
    {
      schema: {
        summary: 'The paediatric diabetes unit of an organisation, with all its organisations (the siblings) and their parents',
        description: 'A bare array of one unit; an empty array when the organisation is unknown or belongs to no unit.',
        params: codeParams('ods_code', 'ODS code of the organisation'),
        response: { 200: many(one('pdu_siblings')) },
      },
    },
    async (request) => {
      const { source } = await view();
      const unit = source.lists.pduOf((request.params as { ods_code: string }).ods_code);
      return unit ? [{ ...pdu(source, unit), organisations: unit.organisations.map((o) => sibling(source, o)) }] : [];
    },
  );
}
