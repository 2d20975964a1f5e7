import type { Static } from 'typebox';
import type {
  ChildSummarySchema,
  ChildViewSchema,
  CodeSchema,
  LinkSchema,
} from '../../../src/modules/care/schema.ts';
import { CARE_SCOPES, type CareScope } from '../../../src/modules/care/scopes.ts';

// The API's own shapes, from the server's schemas (types only) and its dependency-free scope list.

/** What a young woman may let a linked adult see; her notes are never one of them. */
export const SCOPES = CARE_SCOPES;
export type Scope = CareScope;

/** A link between her and an adult, as either of them sees it (GET /care/links). */
export type CareLink = Static<typeof LinkSchema>;
export type LinkCode = Static<typeof CodeSchema>;
/** A daughter in a parent's list (GET /care/children). */
export type Child = Static<typeof ChildSummarySchema>;
/** What a parent sees of one daughter: only the parts she shares are present. */
export type ChildView = Static<typeof ChildViewSchema>;
export type ChildDay = NonNullable<ChildView['symptoms']>[number];
