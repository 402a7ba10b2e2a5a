// Deprivation by postcode for other plug-ins (e.g. attributing audit patients), without HTTP.
import type { DatasetContext, DeprivationServices } from '../../core/contract.ts';
import { createDeprivationService } from './lib/service.ts';

export default function services(ds: DatasetContext): DeprivationServices {
  const service = createDeprivationService(ds);
  return {
    /** One result per input, in order; `edition` as on the routes (comma-separated index editions). */
    async deprivation(postcodes, options = {}) {
      return service.run(postcodes, await service.plan(options.edition, options.quantile));
    },
  };
}
