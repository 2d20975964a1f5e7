import { type TSchema, Type } from 'typebox';
import { Language } from '../../platform/http/schemas.ts';

export const CATEGORIES = [
  'periods_basics',
  'pads_hygiene',
  'pain_relief',
  'nutrition_iron',
  'puberty_parents',
  'see_health_worker',
  'myths_facts',
] as const;
export const AGE_BANDS = ['10-14', '15-19', 'all', 'parents'] as const;
export const STATUSES = ['draft', 'submitted', 'rejected', 'published', 'superseded', 'unpublished'] as const;

const Category = Type.Enum([...CATEGORIES]);
const AgeBand = Type.Enum([...AGE_BANDS], {
  description: "Who it is written for: girls' ages, everyone, or parents",
});
const Kind = Type.Enum(['article', 'tip'], {
  description: 'An article, or a tip of at most 140 characters (USSD, SMS)',
});
const Review = Type.Enum(['pending', 'done'], {
  description: "'pending' until a health professional and a native speaker have checked the text",
});
export const Slug = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 80,
  description: 'The item key, the same in every language (e.g. first-period)',
});
const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const SpanSchema = Type.Object(
  {
    text: Type.String(),
    bold: Type.Optional(Type.Literal(true)),
    italic: Type.Optional(Type.Literal(true)),
    href: Type.Optional(Type.String({ description: 'An absolute http(s) address, nothing else' })),
  },
  { description: 'A run of text and its marks: shown as text, never as HTML' },
);
const Spans = Type.Array(SpanSchema);
export const BlockSchema = Type.Union([
  Type.Object({
    type: Type.Literal('heading'),
    level: Type.Union([Type.Literal(2), Type.Literal(3)]),
    spans: Spans,
  }),
  Type.Object({ type: Type.Literal('paragraph'), spans: Spans }),
  Type.Object({ type: Type.Literal('list'), ordered: Type.Boolean(), items: Type.Array(Spans) }),
]);

const entry = {
  key: Slug,
  kind: Kind,
  category: Category,
  ageBand: AgeBand,
  lang: Language,
  title: Type.String(),
  summary: Type.String(),
  review: Review,
  publishedAt: Nullable(Instant),
};
export const LibraryEntrySchema = Type.Object(entry);
export const LibraryItemSchema = Type.Object({
  ...entry,
  blocks: Type.Array(BlockSchema, {
    description: 'The text as safe blocks: render each as an element; there is no HTML anywhere',
  }),
  languages: Type.Array(Language, { description: 'Other languages it can be read in' }),
});
export const VersionSchema = Type.Object({
  ...entry,
  id: Type.String({ format: 'uuid' }),
  version: Type.Integer({ minimum: 1 }),
  status: Type.Enum([...STATUSES]),
  body: Type.String({ description: 'The Markdown subset the writer wrote (articles), or the tip' }),
  reviewComment: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
  submittedAt: Nullable(Instant),
  decidedAt: Nullable(Instant),
});

export const LibraryQuery = Type.Object(
  {
    lang: Type.Optional(Language),
    category: Type.Optional(Category),
    kind: Type.Optional(Kind),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Words to find (each as a word start)' })),
  },
  { additionalProperties: false },
);
export const ReadQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });
export const SlugParams = Type.Object({ slug: Slug }, { additionalProperties: false });

// One line of text; a text of several lines (never a NUL, which PostgreSQL refuses to store).
const LINE = '^[^\\u0000-\\u001f\\u007f]*$';
const LINES = '^[^\\u0000]*$';
const Title = Type.String({ minLength: 1, maxLength: 120, pattern: LINE });
const Summary = Type.String({ maxLength: 300, pattern: LINE });
const Body = Type.String({
  minLength: 1,
  maxLength: 20_000,
  pattern: LINES,
  description:
    'Articles: a small Markdown subset (## headings, lists, **bold**, *italic*, [links](https://…)); tips: ≤ 140 characters',
});
export const DraftBody = Type.Object(
  {
    key: Slug,
    kind: Kind,
    category: Category,
    ageBand: AgeBand,
    lang: Language,
    title: Title,
    summary: Type.Optional(Summary),
    body: Body,
  },
  { additionalProperties: false },
);
export const DraftChangesBody = Type.Object(
  { title: Type.Optional(Title), summary: Type.Optional(Summary), body: Type.Optional(Body) },
  { additionalProperties: false, minProperties: 1 },
);
export const ReviewQuery = Type.Object(
  { status: Type.Optional(Type.Enum([...STATUSES])), review: Type.Optional(Review) },
  { additionalProperties: false },
);
export const ApproveBody = Type.Object(
  { comment: Type.Optional(Type.String({ minLength: 1, maxLength: 1000, pattern: LINES })) },
  { additionalProperties: false },
);
export const RejectBody = Type.Object(
  {
    comment: Type.String({
      minLength: 1,
      maxLength: 1000,
      pattern: LINES,
      description: 'What the writer should change',
    }),
  },
  { additionalProperties: false },
);
