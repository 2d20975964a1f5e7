import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import type { Provider } from './types.ts';

/**
 * The zone of a health facility when the directory no longer lists its health worker (suspended
 * since the booking): every health worker works in Rwanda today.
 */
export const FACILITY_ZONE = 'Africa/Kigali';

/**
 * Each health worker's time zone, from the directory (an appointment names its health worker and
 * district, not the zone): her visits show the facility's clock time, as booking did.
 */
export function useFacilityZones(): (providerId: string | undefined) => string {
  const directory = useQuery({
    queryKey: ['providers', 'zones'],
    queryFn: () => get<{ providers: Provider[] }>('/providers'),
    select: (answer) => new Map(answer.providers.map((p) => [p.id, p.timeZone])),
  });
  return (providerId) => (providerId && directory.data?.get(providerId)) || FACILITY_ZONE;
}
