import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../api/money.type.js';

export enum RecommendationReason {
  CROSS_SELL = 'CROSS_SELL',
  UP_SELL = 'UP_SELL',
  REORDER = 'REORDER',
  SIMILAR_COMPANIES_BUY = 'SIMILAR_COMPANIES_BUY',
  RENEWAL_ADDITIONS = 'RENEWAL_ADDITIONS',
}
registerEnumType(RecommendationReason, {
  name: 'RecommendationReason',
  description: 'Why a product is recommended; the frontends word it with the explanation fields.',
  valuesConfig: {
    CROSS_SELL: {
      description: 'Often bought with `basedOn`: `count` orders held both.',
    },
    UP_SELL: {
      description:
        'Buy `tierQuantity` of `variant` to pay `tierUnitPrice` each (a volume tier above the quantity asked about).',
    },
    REORDER: {
      description: 'You ordered `variant` in `count` orders, last at `lastOrderedAt`.',
    },
    SIMILAR_COMPANIES_BUY: {
      description:
        '`count` companies sharing a tag or lifecycle stage with yours buy it under contract; yours does not.',
    },
    RENEWAL_ADDITIONS: {
      description:
        'Your company bought it from the same seller outside this contract (`count` other contracts): worth adding at renewal.',
    },
  },
});

/** A recommendation as the service computes it: ids and the facts explaining it. */
export interface RecommendationRow {
  reason: RecommendationReason;
  productId: number;
  variantId: number | null;
  basedOnProductId: number | null;
  count: number | null;
  lastOrderedAt: Date | null;
  tierQuantity: number | null;
  tierUnitPrice: Money | null;
}

@ObjectType({
  description:
    'A product recommended to the viewer, with the reason and the facts to explain it in their language.',
  simpleResolvers: true,
})
export class Recommendation {
  /** Resolved to `product`, `variant`, `basedOn` by the request's loaders. */
  row: RecommendationRow;

  @Field(() => RecommendationReason)
  get reason(): RecommendationReason {
    return this.row.reason;
  }

  @Field(() => Int, {
    nullable: true,
    description:
      'CROSS_SELL: orders holding both; REORDER: orders holding it; SIMILAR_COMPANIES_BUY: companies; RENEWAL_ADDITIONS: other contracts.',
  })
  get count(): number | null {
    return this.row.count;
  }

  @Field(() => Date, { nullable: true, description: 'REORDER: when it was last ordered.' })
  get lastOrderedAt(): Date | null {
    return this.row.lastOrderedAt;
  }

  @Field(() => Int, { nullable: true, description: 'UP_SELL: the quantity that earns the tier.' })
  get tierQuantity(): number | null {
    return this.row.tierQuantity;
  }

  @Field(() => Money, {
    nullable: true,
    description: 'UP_SELL: the unit price from that quantity.',
  })
  get tierUnitPrice(): Money | null {
    return this.row.tierUnitPrice;
  }

  static of(row: RecommendationRow): Recommendation {
    const r = new Recommendation();
    r.row = row;
    return r;
  }
}
