import { Length, Max, Min } from 'class-validator';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { In } from 'typeorm';
import { Role } from '../../api/auth-checker.js';
import type { Context } from '../../api/context.js';
import { badInput } from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import { priceQuote } from '../catalog/catalog.resolver.js';
import { PriceQuote } from '../catalog/catalog.types.js';
import { Product } from '../catalog/product.entity.js';
import { Variant } from '../catalog/variant.entity.js';
import { Contract } from '../contracts/contract.entity.js';
import { resolvePrice } from '../pricing/pricing.service.js';

/** Why a quick-order line cannot be ordered as it is, for clients to explain in their language. */
enum QuickOrderProblem {
  UNKNOWN_SKU = 'UNKNOWN_SKU',
  EXCEEDS_CONTRACT = 'EXCEEDS_CONTRACT',
  BELOW_MINIMUM = 'BELOW_MINIMUM',
  OFF_INCREMENT = 'OFF_INCREMENT',
}
registerEnumType(QuickOrderProblem, {
  name: 'QuickOrderProblem',
  valuesConfig: {
    UNKNOWN_SKU: { description: 'No product on sale has this SKU.' },
    EXCEEDS_CONTRACT: { description: 'More than remains under the covering agreement.' },
    BELOW_MINIMUM: { description: "Below the variant's minimum order quantity." },
    OFF_INCREMENT: { description: "Not a step of the variant's order increment." },
  },
});

@InputType()
class QuickOrderLineInput {
  @Field(() => String)
  @Length(1, 64)
  sku: string;

  @Field(() => Int)
  @Min(1)
  @Max(10_000_000)
  quantity: number;
}

@ObjectType({ description: 'A pasted or uploaded line, resolved.', simpleResolvers: true })
class QuickOrderLine {
  @Field(() => Int, { description: '1-based position in the input.' })
  row: number;

  @Field(() => String)
  sku: string;

  @Field(() => Int)
  quantity: number;

  @Field(() => Variant, { nullable: true })
  variant: Variant | null;

  @Field(() => PriceQuote, { nullable: true, description: 'What you would pay at this quantity.' })
  price: PriceQuote | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The framework agreement in force that covers it: order it as a call-off.',
  })
  contractId: number | null;

  @Field(() => ID, { nullable: true })
  contractLineId: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the line cannot be ordered as it is; null when it can.',
  })
  problem: string | null;

  @Field(() => QuickOrderProblem, { nullable: true, description: 'Which problem; null with none.' })
  problemCode: QuickOrderProblem | null;
}

/**
 * Quick order: SKU and quantity lines (pasted or from a CSV) resolved for a company member,
 * each with the variant, the price they would pay, the framework agreement covering it, or the
 * reason it cannot be ordered, so the portal decides nothing itself.
 */
@Resolver()
export class QuickOrderResolver {
  @Authorized(Role.COMPANY_MEMBER)
  @Query(() => [QuickOrderLine], { description: 'Resolves quick-order lines (at most 500).' })
  async quickOrder(
    @Arg('lines', () => [QuickOrderLineInput]) lines: QuickOrderLineInput[],
    @Ctx() ctx: Context,
  ): Promise<QuickOrderLine[]> {
    if (lines.length === 0 || lines.length > 500) {
      throw badInput('Give 1 to 500 lines', 'lines', InputProblemCode.ITEMS_RANGE, {
        min: 1,
        max: 500,
      });
    }
    const skus = [...new Set(lines.map((l) => l.sku.trim()))];
    const variants = skus.length ? await ctx.em.findBy(Variant, { sku: In(skus) }) : [];
    const products = variants.length
      ? await ctx.em.findBy(Product, { id: In(variants.map((v) => v.productId)) })
      : [];
    const [tiers, contractLines] = await Promise.all([
      ctx.loaders.catalog.tiersOfVariant.loadMany(variants.map((v) => v.id)),
      ctx.loaders.contracts.contractLineOfVariant.loadMany(variants.map((v) => v.id)),
    ]);
    const contractIds = contractLines.flatMap((l) =>
      l && !(l instanceof Error) ? [l.contractId] : [],
    );
    const contracts = contractIds.length
      ? await ctx.em.findBy(Contract, { id: In(contractIds) })
      : [];
    return lines.map((l, i) => {
      const line: QuickOrderLine = Object.assign(new QuickOrderLine(), {
        row: i + 1,
        sku: l.sku.trim(),
        quantity: l.quantity,
        variant: null,
        price: null,
        contractId: null,
        contractLineId: null,
        problem: null,
        problemCode: null,
      });
      const at = variants.findIndex((v) => v.sku === line.sku);
      const variant = variants[at];
      const product = products.find((p) => p.id === variant?.productId);
      if (!variant || product?.status !== 'ACTIVE') {
        return Object.assign(line, {
          problem: 'No product on sale has this SKU',
          problemCode: QuickOrderProblem.UNKNOWN_SKU,
        });
      }
      const contract = contractLines[at];
      const covering = contract && !(contract instanceof Error) ? contract : null;
      const ownTiers = tiers[at];
      line.variant = variant;
      line.price = priceQuote(
        resolvePrice(
          variant,
          ownTiers instanceof Error ? [] : (ownTiers ?? []),
          l.quantity,
          true,
          covering,
        ),
        l.quantity,
      );
      if (covering) {
        line.contractId = covering.contractId;
        line.contractLineId = covering.id;
        if (l.quantity > covering.remainingQuantity) {
          const number = contracts.find((c) => c.id === covering.contractId)?.number ?? '';
          line.problem = `Only ${covering.remainingQuantity} remain under contract ${number}`;
          line.problemCode = QuickOrderProblem.EXCEEDS_CONTRACT;
        }
      } else if (l.quantity < variant.minOrderQuantity) {
        line.problem = `The minimum order is ${variant.minOrderQuantity}`;
        line.problemCode = QuickOrderProblem.BELOW_MINIMUM;
      } else if ((l.quantity - variant.minOrderQuantity) % variant.orderIncrement !== 0) {
        line.problem = `Order in steps of ${variant.orderIncrement} from ${variant.minOrderQuantity}`;
        line.problemCode = QuickOrderProblem.OFF_INCREMENT;
      }
      return line;
    });
  }
}
