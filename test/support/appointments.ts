import type { TestApp } from './app.ts';

/** The first free slot of a provider starting at least `minutes` from now. */
export async function slotAfter(
  t: TestApp,
  token: string,
  providerId: string,
  minutes: number,
): Promise<{ start: string; end: string }> {
  const res = await t.request({ method: 'GET', url: `/api/v1/providers/${providerId}/slots`, token });
  if (res.statusCode !== 200) throw new Error(`slots failed: ${res.statusCode} ${res.body}`);
  const earliest = t.clock.now().getTime() + minutes * 60_000;
  const slot = (res.json().slots as Array<{ start: string; end: string }>).find(
    (s) => Date.parse(s.start) >= earliest,
  );
  if (!slot) throw new Error('no free slot that late');
  return slot;
}
