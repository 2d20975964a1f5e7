import { useQuery } from '@tanstack/react-query';
import { get } from './api.ts';

/** GUARDIAN_CONSENT_AGE's default, used until the API's answer arrives (GET /policies). */
export const DEFAULT_CONSENT_AGE = 16;

/** The age below which a parent or guardian must agree, as the server is configured. */
export function useConsentAge(): number {
  const policies = useQuery({
    queryKey: ['consent-age'],
    queryFn: () => get<{ guardianConsentAge: number }>('/policies'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return policies.data?.guardianConsentAge ?? DEFAULT_CONSENT_AGE;
}

/** As the API counts it: from the year alone, the youngest she can be this year. */
export function youngestAge(birthYear: number, now = new Date()): number {
  return now.getFullYear() - birthYear - 1;
}
