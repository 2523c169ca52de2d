import type {
  AccountType,
  ContentKind,
  ContentPlacement,
  ContentStatus,
  CreateContentBlockInput,
  EditedBlockFragment,
} from '@marketgate/graphql-client';
import { fromLocalDateTime, toLocalDateTime } from '../shared/local-date-time';

/** Every placement once, in the order a shop thinks of its pages; keyed so a new one fails here. */
const placementOrder = {
  STOREFRONT_HOME: true,
  PRODUCT_PAGE: true,
  CART: true,
  PORTAL_DASHBOARD: true,
} satisfies Record<ContentPlacement, true>;

export const placements = Object.keys(placementOrder) as ContentPlacement[];

export const kinds: readonly ContentKind[] = ['BANNER', 'PRODUCT_SLOT'];

/** What an editor may set; ARCHIVED is reached only by archiving. */
export const editableStatuses: readonly ContentStatus[] = ['DRAFT', 'ACTIVE'];

/** The storefront places blocks for consumers, the portal dashboard for companies. */
export function accountTypeOf(placement: ContentPlacement): AccountType {
  return placement === 'PORTAL_DASHBOARD' ? 'COMPANY' : 'CONSUMER';
}

/** A product chosen for a slot, with what the editor shows of it. */
export interface SlotProduct {
  id: string;
  name: string;
  /** False for a product chosen earlier and since taken off sale: kept, but not shown. */
  onSale: boolean;
}

/** A block as the editor holds it: texts as typed, the schedule as `datetime-local` values. */
export interface BlockDraft {
  kind: ContentKind;
  placement: ContentPlacement;
  title: string;
  body: string;
  imageUrl: string;
  linkUrl: string;
  callToAction: string;
  products: SlotProduct[];
  everyone: boolean;
  segmentIds: string[];
  tags: string[];
  priority: string;
  startsAt: string;
  endsAt: string;
  status: ContentStatus;
}

/** The editor's starting point: the saved block, or a draft banner on the storefront home. */
export function draftOf(block: EditedBlockFragment | null): BlockDraft {
  const local = (iso: string | null) => (iso ? toLocalDateTime(new Date(iso)) : '');
  return {
    kind: block?.kind ?? 'BANNER',
    placement: block?.placement ?? 'STOREFRONT_HOME',
    title: block?.title ?? '',
    body: block?.body ?? '',
    imageUrl: block?.imageUrl ?? '',
    linkUrl: block?.linkUrl ?? '',
    callToAction: block?.callToAction ?? '',
    products:
      block?.chosenProducts?.map(({ id, name, status }) => ({
        id,
        name,
        onSale: status === 'ACTIVE',
      })) ?? [],
    everyone: block?.target?.everyone ?? true,
    segmentIds: block?.target?.segments.map((segment) => segment.id) ?? [],
    tags: block?.target?.tags ?? [],
    priority: String(block?.priority ?? 0),
    startsAt: local(block?.startsAt ?? null),
    endsAt: local(block?.endsAt ?? null),
    status: block?.status === 'ACTIVE' ? 'ACTIVE' : 'DRAFT',
  };
}

/** A whole number 0 to 1000 as typed, or null: the gateway's priority range. */
export function parsePriority(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= 1000 ? n : null;
}

/**
 * The fields of create and update alike. Only the kind's own fields are sent, so switching the
 * kind back and forth in the editor never sends a banner's link with a slot. The priority must
 * have been checked with `parsePriority` (an unreadable one is sent as 0).
 */
export function toBlockFields(draft: BlockDraft): Omit<CreateContentBlockInput, 'kind'> {
  const banner = draft.kind === 'BANNER';
  const text = (value: string) => value.trim() || null;
  return {
    placement: draft.placement,
    title: draft.title.trim(),
    body: text(draft.body),
    imageUrl: banner ? text(draft.imageUrl) : null,
    linkUrl: banner ? text(draft.linkUrl) : null,
    callToAction: banner ? text(draft.callToAction) : null,
    productIds: banner ? [] : draft.products.map((product) => product.id),
    target: draft.everyone
      ? { everyone: true, segmentIds: [], tags: [] }
      : { everyone: false, segmentIds: draft.segmentIds, tags: draft.tags },
    priority: parsePriority(draft.priority) ?? 0,
    startsAt: fromLocalDateTime(draft.startsAt),
    endsAt: fromLocalDateTime(draft.endsAt),
    status: draft.status,
  };
}

/** The editor's fields the gateway may refuse, each shown beside its input. */
export const fieldPaths = [
  'placement',
  'title',
  'body',
  'imageUrl',
  'linkUrl',
  'callToAction',
  'productIds',
  'target.segmentIds',
  'target.tags',
  'target',
  'priority',
  'startsAt',
  'endsAt',
  'status',
] as const;

export type FieldPath = (typeof fieldPaths)[number];

/**
 * The gateway's refusals (by input path, `inputErrorsByPath`) gathered by the editor's field:
 * `productIds.2` and `target.segmentIds.0` show at the product and segment choices; a path
 * the editor has no field for (none expected) is kept under `other`.
 */
export function refusalsByField(errors: Record<string, string>): {
  fields: Partial<Record<FieldPath, string>>;
  other: string[];
} {
  const fields: Partial<Record<FieldPath, string>> = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const field = fieldPaths.find((f) => path === f || path.startsWith(`${f}.`));
    if (field) fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
    else other.push(message);
  }
  return { fields, other };
}
