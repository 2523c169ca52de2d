import type { ProductStatus } from '@marketgate/graphql-client';
import type { StatusTone } from '../seller/status-tones';

/** On sale stands out as done; a draft is still being worked on; archived is out of the way. */
export function productStatusTone(status: ProductStatus): StatusTone {
  switch (status) {
    case 'ACTIVE':
      return 'done';
    case 'DRAFT':
      return 'active';
    case 'ARCHIVED':
      return 'stopped';
  }
}
