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
       * Publisher's download address.
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
       * Publisher's download address.
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
