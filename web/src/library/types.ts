import type { Static } from 'typebox';
import type { LibraryEntrySchema, LibraryItemSchema } from '../../../src/modules/content/schema.ts';

// The API's own shapes, from the server's schemas: types only, no bytes in the bundle.
export type LibraryEntry = Static<typeof LibraryEntrySchema>;
export type LibraryItem = Static<typeof LibraryItemSchema>;
export type Block = LibraryItem['blocks'][number];
export type Span = Extract<Block, { type: 'paragraph' }>['spans'][number];

export const CATEGORIES = [
  'periods_basics',
  'pads_hygiene',
  'pain_relief',
  'nutrition_iron',
  'puberty_parents',
  'see_health_worker',
  'myths_facts',
] as const satisfies readonly LibraryEntry['category'][];
