// Compile-time checks (tsc, run by npm test) that the contract's organisation types say what this
// plug-in's JSON Schemas say: the core knows no dataset, so core/sdk/services.ts declares the record
// types itself, and these checks keep the two from drifting apart.
import type { CodeHistoryRecord, NestedOrganisation, OrganisationRecord, OrganisationStructures, PduMemberRecord } from '../../core/contract.ts';
import type { organisationSchema } from './shapes.ts';
import type * as Table from './types.ts';

type Exactly<A, B> = [A, keyof A] extends [B, keyof B] ? ([B, keyof B] extends [A, keyof A] ? true : false) : false;

// Rows as stored (every column present, null when empty) are the contract's records.
const rowsAreContractRecords: [
  Exactly<Required<Table.OrganisationRecordsRecord>, OrganisationRecord>,
  Exactly<Required<Table.TrustsRecord>, OrganisationStructures['trust']>,
  Exactly<Required<Table.HealthBoardsRecord>, OrganisationStructures['health_board']>,
  Exactly<Required<Table.IcbsRecord>, OrganisationStructures['icb']>,
  Exactly<Required<Table.RegionsRecord>, OrganisationStructures['region']>,
  Exactly<Required<Table.CountriesRecord>, OrganisationStructures['country']>,
  Exactly<Required<Table.PdusRecord>, OrganisationStructures['pdu']>,
  Exactly<Required<Table.DiabetesNetworksRecord>, OrganisationStructures['diabetes_network']>,
  Exactly<Required<Table.OpenukNetworksRecord>, OrganisationStructures['openuk_network']>,
  Exactly<Required<Table.LondonBoroughsRecord>, OrganisationStructures['london_borough']>,
  Exactly<Required<Table.PduMembersRecord>, PduMemberRecord>,
  Exactly<Required<Table.CodeHistoryRecord>, CodeHistoryRecord>,
] = [true, true, true, true, true, true, true, true, true, true, true, true];

// The documented nested organisation has exactly the members of the contract's NestedOrganisation.
const nestedSchemaIsContract: Exactly<keyof (typeof organisationSchema)['properties'], keyof NestedOrganisation> = true;
