// Deprivation indices, for every plug-in that serves or composes one (the contract re-exports this
// module as `indices`): descriptors, the services an index exports, the readers and rank checks of
// the publishers' files, and the publishers' quantile rules.
export { COUNTRY_CODES, NATION_OF_COUNTRY } from './descriptor.ts';
export { indexServices, isIndexServices } from './services.ts';
export { num, readColumns, checkRanks, type Column } from './columns.ts';
export { MIN_QUANTILE, MAX_QUANTILE, RULES, rankCeil, wimdBand, quantileOf, type RuleId, type QuantileRule } from './quantiles.ts';
export { IOD_DOMAINS, IOD_DOMAIN_NAMES, domainKey, lsoaField, readLsoaSources, readLadLong, iodDescriptor } from './iod.ts';
