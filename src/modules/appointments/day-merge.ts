import { daySlots, type Interval, type Schedule } from './slots.ts';

/** A schedule slot of the provider at `order` in the district's list. */
export type Candidate = { slot: Interval; order: number };

// One provider's slots of a day (worked out once per schedule and date: the district search lays
// the same schedules over the same few days request after request, and a schedule object is
// replaced, not changed, when the provider changes anything).
const slotsByDay = new WeakMap<Schedule, Map<string, Interval[]>>();
const REMEMBERED_DAYS = 8;
function slotsOf(schedule: Schedule, date: string): Interval[] {
  let days = slotsByDay.get(schedule);
  if (!days) {
    days = new Map();
    slotsByDay.set(schedule, days);
  }
  let slots = days.get(date);
  if (!slots) {
    slots = daySlots(schedule, date);
    if (days.size >= REMEMBERED_DAYS) days.clear();
    days.set(date, slots);
  }
  return slots;
}

type Cursor = { slots: Interval[]; at: number; order: number };
const startOf = (c: Cursor) => c.slots[c.at]?.start ?? Number.POSITIVE_INFINITY;
const before = (a: Cursor, b: Cursor) =>
  startOf(a) < startOf(b) || (startOf(a) === startOf(b) && a.order < b.order);

/**
 * The slots of one local date of every schedule that start at or after `now`, taken one at a time
 * in time order (equal times in list order): a k-way merge over the providers' own ordered slots,
 * so finding the day's first free slots costs a few dozen steps, not sorting every slot of the
 * district.
 */
export function daySlotsInOrder(
  schedules: ReadonlyArray<{ schedule: Schedule }>,
  date: string,
  now: number,
): () => Candidate | undefined {
  const heap: Cursor[] = [];
  schedules.forEach(({ schedule }, order) => {
    const slots = slotsOf(schedule, date);
    let at = 0;
    while (at < slots.length && (slots[at]?.start ?? 0) < now) at++;
    if (at < slots.length) heap.push({ slots, at, order });
  });
  for (let i = (heap.length >>> 1) - 1; i >= 0; i--) siftDown(heap, i);
  return () => {
    const top = heap[0];
    const slot = top?.slots[top.at];
    if (!top || !slot) return undefined;
    top.at++;
    if (top.at >= top.slots.length) {
      const last = heap.pop() as Cursor; // the heap held `top`, so it is not empty
      if (heap.length > 0) heap[0] = last;
    }
    siftDown(heap, 0);
    return { slot, order: top.order };
  };
}

function siftDown(heap: Cursor[], from: number): void {
  let i = from;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    const at = (k: number) => heap[k] as Cursor; // k < heap.length, checked before each use
    if (left < heap.length && before(at(left), at(smallest))) smallest = left;
    if (right < heap.length && before(at(right), at(smallest))) smallest = right;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [at(smallest), at(i)];
    i = smallest;
  }
}
