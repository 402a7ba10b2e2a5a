// Generated from JSON Schemas by `npm run types` (json-schema-to-typescript). Do not edit.

/**
 * catalogue.yaml: the registered dataset plug-ins, the platform plug-ins (API adapters under plugins/), and per-deployment settings.
 */
export interface CatalogueFile {
  title?: string;
  description?: string;
  publisher?: string;
  datasets: {
    id: string;
    /**
     * Plug-in folder; default datasets/<id>.
     */
    path?: string;
    enabled?: boolean;
  }[];
  /**
   * Platform plug-ins that are not datasets (API adapters mounted at their own prefix), each a folder plugins/<id>/ with a plugin.yaml.
   */
  plugins?: {
    id: string;
    /**
     * Plug-in folder; default plugins/<id>.
     */
    path?: string;
    enabled?: boolean;
  }[];
  settings?: {
    default_limit?: number;
    max_limit?: number;
    cache_max_age?: number;
    import_on_start?: boolean;
  };
}

/**
 * dataset.yaml: what a dataset plug-in is, where its sources come from, which record types it serves.
 */
export interface DatasetManifest {
  /**
   * Same as the folder name; used in URLs.
   */
  id: string;
  title: string;
  description: string;
  /**
   * Family of related datasets (e.g. deprivation).
   */
  group?: string;
  publisher: {
    name: string;
    url?: string;
  };
  licence: {
    /**
     * SPDX-style identifier, e.g. OGL-UK-3.0, CC-BY-4.0
     */
    id: string;
    title: string;
    url?: string;
    attribution?: string;
  };
  /**
   * @minItems 1
   */
  keywords: [string, ...string[]];
  /**
   * Spatial coverage, e.g. United Kingdom.
   */
  spatial: string;
  /**
   * Period the data describe, e.g. 2019 or 2015/2019.
   */
  temporal: string;
  /**
   * Edition label of the sources declared here.
   */
  edition: string;
  /**
   * Vintage of the area codes, e.g. LSOA 2011.
   */
  geography_vintage?: string;
  caveats?: string[];
  /**
   * Published parts the loaded edition lacks, and why.
   */
  absent?: string[];
  /**
   * @minItems 1
   */
  sources: [
    {
      name: string;
      title?: string;
      /**
       * Paths relative to CATALOGUE_DATA_DIR.
       *
       * @minItems 1
       */
      files: [string, ...string[]];
      /**
       * Publisher's download address: lets an operator without the file fetch it (reviewers ask for it on a required source).
       */
      url?: string;
      format: 'csv' | 'json' | 'xlsx' | 'shapefile' | 'zip';
      sha256?: string;
      /**
       * The import proceeds without it.
       */
      optional?: boolean;
      /**
       * Synthetic stand-in inside the plug-in, used by the conformance suite only.
       */
      fixture?: string;
      /**
       * How to read a CSV source (default: one header row, UTF-8, commas); ctx.readCsv and declarative tables use it.
       */
      csv?: {
        /**
         * Header lines to combine (2 for a grouped two-row header: columns are then named 'group / name').
         */
        header_rows?: number;
        /**
         * Text encoding of the file (a BOM is always removed).
         */
        encoding?: 'utf-8' | 'windows-1252' | 'latin1';
        /**
         * Field separator.
         */
        delimiter?: string;
      };
    },
    ...{
      name: string;
      title?: string;
      /**
       * Paths relative to CATALOGUE_DATA_DIR.
       *
       * @minItems 1
       */
      files: [string, ...string[]];
      /**
       * Publisher's download address: lets an operator without the file fetch it (reviewers ask for it on a required source).
       */
      url?: string;
      format: 'csv' | 'json' | 'xlsx' | 'shapefile' | 'zip';
      sha256?: string;
      /**
       * The import proceeds without it.
       */
      optional?: boolean;
      /**
       * Synthetic stand-in inside the plug-in, used by the conformance suite only.
       */
      fixture?: string;
      /**
       * How to read a CSV source (default: one header row, UTF-8, commas); ctx.readCsv and declarative tables use it.
       */
      csv?: {
        /**
         * Header lines to combine (2 for a grouped two-row header: columns are then named 'group / name').
         */
        header_rows?: number;
        /**
         * Text encoding of the file (a BOM is always removed).
         */
        encoding?: 'utf-8' | 'windows-1252' | 'latin1';
        /**
         * Field separator.
         */
        delimiter?: string;
      };
    }[]
  ];
  /**
   * @minItems 1
   */
  tables: [
    {
      /**
       * Record type; its schema is schemas/<name>.json.
       */
      name: string;
      title?: string;
      /**
       * @minItems 1
       */
      primary_key: [string, ...string[]];
      filterable?: string[];
      default_sort?: string[];
      /**
       * Fields left out unless asked for with fields=.
       */
      heavy?: string[];
      /**
       * Extra indexes, each a list of columns (within an edition), built when the table is created.
       */
      indexes?: [string, ...string[]][];
      /**
       * Declarative import: the CSV source whose rows become this table's records (no importer.ts needed for this table).
       */
      source?: string;
      /**
       * Declarative import: each field of schemas/<table>.json and where its value comes from (a source column's header, or a column with transforms).
       */
      columns?: {
        [k: string]: string | Column;
      };
      /**
       * What every edition of this table must satisfy beyond its JSON Schema (checked while importing, and by the conformance suite).
       */
      checks?: Check[];
    },
    ...{
      /**
       * Record type; its schema is schemas/<name>.json.
       */
      name: string;
      title?: string;
      /**
       * @minItems 1
       */
      primary_key: [string, ...string[]];
      filterable?: string[];
      default_sort?: string[];
      /**
       * Fields left out unless asked for with fields=.
       */
      heavy?: string[];
      /**
       * Extra indexes, each a list of columns (within an edition), built when the table is created.
       */
      indexes?: [string, ...string[]][];
      /**
       * Declarative import: the CSV source whose rows become this table's records (no importer.ts needed for this table).
       */
      source?: string;
      /**
       * Declarative import: each field of schemas/<table>.json and where its value comes from (a source column's header, or a column with transforms).
       */
      columns?: {
        [k: string]: string | Column;
      };
      /**
       * What every edition of this table must satisfy beyond its JSON Schema (checked while importing, and by the conformance suite).
       */
      checks?: Check[];
    }[]
  ];
  /**
   * Datasets whose services this one uses: an id, or {id, optional: true} for one used when registered.
   */
  depends_on?: (
    | string
    | {
        id: string;
        /**
         * The dataset works without it (and says what it lacks).
         */
        optional?: boolean;
      }
  )[];
  refresh?: {
    /**
     * graphile-worker crontab time (5 fields).
     */
    cron: string;
  };
  /**
   * Editions kept after a switch (default 2).
   */
  keep_editions?: number;
}
/**
 * Where a field's value comes from and how its text is read (numbers, integers and booleans are parsed by the field's type in the schema: 1,234 and 29199.00 are numbers).
 */
export interface Column {
  /**
   * Source column by header (matched trimmed, spaces collapsed, case-folded).
   */
  column?: string;
  /**
   * A fixed value for every row, instead of a column.
   */
  value?: string | number | boolean | null;
  /**
   * Remove spaces around the text (default true).
   */
  trim?: boolean;
  /**
   * Texts that mean no value, compared trimmed and case-folded (default [""]); a field whose schema allows null gets null.
   */
  nulls?: string[];
  /**
   * Change the case of the text.
   */
  case?: 'upper' | 'lower';
}
/**
 * One check: not_null, field with pattern, field with values, rows, or each with has_one.
 */
export interface Check {
  /**
   * Fields that must have a value in every row.
   *
   * @minItems 1
   */
  not_null?: [string, ...string[]];
  /**
   * The field a pattern or values check reads.
   */
  field?: string;
  /**
   * Regular expression every value of field must match (e.g. the form of a code).
   */
  pattern?: string;
  /**
   * The only values field may take (null aside).
   *
   * @minItems 1
   */
  values?: [string | number | boolean, ...(string | number | boolean)[]];
  /**
   * How many rows an import of the real source must give (not checked on fixtures).
   */
  rows?: {
    min?: number;
    max?: number;
  };
  /**
   * Consistency: each value of this field comes with one value of has_one.
   */
  each?: string;
  /**
   * The field that each value of `each` determines (e.g. each ward code has one district code).
   */
  has_one?: string;
  /**
   * error stops the import; warning records an edition warning (default: warning for each/has_one, error otherwise).
   */
  level?: 'error' | 'warning';
  /**
   * What the check protects, said with its failures.
   */
  why?: string;
}

/**
 * plugins/<id>/plugin.yaml: a platform plug-in that is not a dataset (e.g. an API adapter), the URL prefix it claims and the datasets whose services it uses.
 */
export interface PluginManifest {
  /**
   * Same as the folder name.
   */
  id: string;
  /**
   * Also the OpenAPI tag of its routes.
   */
  title: string;
  description: string;
  /**
   * URL prefix every route of the plug-in is mounted under (e.g. /deprivation/v1); no two plug-ins may claim overlapping prefixes.
   */
  prefix: string;
  /**
   * A guide for its users (path in the repository, e.g. docs/migrating-from-rcpch-apis.md).
   */
  docs?: string;
  /**
   * Datasets whose services it uses: an id, or {id, optional: true} for one used when registered.
   */
  depends_on?: (
    | string
    | {
        id: string;
        optional?: boolean;
      }
  )[];
}
