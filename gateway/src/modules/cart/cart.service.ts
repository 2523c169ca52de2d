import { randomBytes } from 'node:crypto';
import { In, IsNull, LessThan } from 'typeorm';
import { badInput, NotFoundError } from '../../api/errors.js';
import { InputProblemCode } from '../../api/input-problems.js';
import type { Context } from '../../api/context.js';
import { Money } from '../../api/money.type.js';
import { inTransaction, RetryTransaction } from '../../api/transaction.js';
import type { Config } from '../../config/config.js';
import { parseId } from '../../common/batch.js';
import { isUniqueViolation } from '../../db/errors.js';
import { forUpdate } from '../../db/locks.js';
import { InsufficientStockError } from '../catalog/catalog.types.js';
import { ProductStatus, type Product } from '../catalog/product.entity.js';
import type { Variant } from '../catalog/variant.entity.js';
import { SellerStatus, type Seller } from '../identity/seller.entity.js';
import type { CashOnDeliveryRules } from '../payment/cash-on-delivery.js';
import { Cart, CartLine } from './cart.entity.js';
import {
  CartGroup,
  CartLineView,
  CartView,
  MAX_LINE_QUANTITY,
  type AddToCartInput,
  type RemoveCartLineInput,
  type UpdateCartLineInput,
} from './cart.types.js';

/**
 * Units of a variant a consumer can buy now: none once its product is off sale or its seller is
 * suspended. The cart shows it and checkout checks it, so both apply the same rule.
 */
export function availableToBuy(
  variant: Variant,
  product: Product | null,
  seller: Seller | null,
): number {
  if (product?.status !== ProductStatus.ACTIVE || seller?.status !== SellerStatus.ACTIVE) return 0;
  return Math.max(0, variant.stockOnHand - variant.stockReserved);
}

/**
 * Carts: a guest's, reached by its token, or the signed-in user's. Lines are stock-aware when
 * written; what is available is shown again on every read, since stock moves meanwhile.
 */
export class CartService {
  constructor(
    private readonly config: Config,
    private readonly cod: CashOnDeliveryRules,
  ) {}

  async cart(ctx: Context, token: string | null): Promise<CartView | null> {
    const cart = await this.find(ctx, token, false);
    return cart ? this.view(ctx, cart) : null;
  }

  async addToCart(ctx: Context, input: AddToCartInput) {
    const variantId = parseId(input.variantId);
    const item = variantId ? await this.item(ctx, variantId) : null;
    if (!item || item.product?.status !== ProductStatus.ACTIVE) return new NotFoundError('Variant');
    const { variant, available } = item;
    const cart = await this.findOrStart(ctx, input.cartToken ?? null);
    if (!cart) return new NotFoundError('Cart');
    const line = await ctx.em.findOneBy(CartLine, { cartId: cart.id, variantId: variant.id });
    const quantity = (line?.quantity ?? 0) + input.quantity;
    if (quantity > MAX_LINE_QUANTITY) {
      throw badInput(
        `A line holds at most ${MAX_LINE_QUANTITY} units`,
        'input.quantity',
        InputProblemCode.MAX,
        { max: MAX_LINE_QUANTITY },
      );
    }
    if (quantity > available) return new InsufficientStockError(available);
    if (line) await ctx.em.update(CartLine, { id: line.id }, { quantity });
    else await ctx.em.insert(CartLine, { cartId: cart.id, variantId: variant.id, quantity });
    await this.touch(ctx, cart);
    return this.view(ctx, cart);
  }

  async updateCartLine(ctx: Context, input: UpdateCartLineInput) {
    const found = await this.lineOf(ctx, input.cartToken ?? null, input.lineId);
    if (!found) return new NotFoundError('Cart line');
    const { cart, line } = found;
    const available = (await this.item(ctx, line.variantId))?.available ?? 0;
    if (input.quantity > available) return new InsufficientStockError(available);
    await ctx.em.update(CartLine, { id: line.id }, { quantity: input.quantity });
    await this.touch(ctx, cart);
    return this.view(ctx, cart);
  }

  async removeCartLine(ctx: Context, input: RemoveCartLineInput) {
    const found = await this.lineOf(ctx, input.cartToken ?? null, input.lineId);
    if (!found) return new NotFoundError('Cart line');
    await ctx.em.delete(CartLine, { id: found.line.id });
    await this.touch(ctx, found.cart);
    return this.view(ctx, found.cart);
  }

  /**
   * Moves a guest cart's lines into the signed-in viewer's cart (quantities of the same
   * variant add up, to the line limit) and deletes the guest cart. An unknown token is ignored:
   * the guest may have checked out on another device meanwhile.
   */
  async adoptGuestCart(ctx: Context, token: string): Promise<void> {
    const guest = await ctx.em.findOne(Cart, {
      where: { token, userId: IsNull() },
      ...forUpdate(ctx.em),
    });
    if (!guest) return;
    const mine = await this.findOrStart(ctx, null);
    if (!mine) return;
    const [theirs, own] = await Promise.all([
      ctx.em.find(CartLine, { where: { cartId: guest.id }, order: { id: 'ASC' } }),
      ctx.em.find(CartLine, { where: { cartId: mine.id } }),
    ]);
    const ownByVariant = new Map(own.map((l) => [l.variantId, l]));
    for (const line of theirs) {
      const existing = ownByVariant.get(line.variantId);
      if (existing) {
        const quantity = Math.min(MAX_LINE_QUANTITY, existing.quantity + line.quantity);
        await ctx.em.update(CartLine, { id: existing.id }, { quantity });
      } else {
        await ctx.em.insert(CartLine, {
          cartId: mine.id,
          variantId: line.variantId,
          quantity: line.quantity,
        });
      }
    }
    await ctx.em.delete(CartLine, { cartId: guest.id });
    await ctx.em.delete(Cart, { id: guest.id });
    await this.touch(ctx, mine);
  }

  /** Deletes guest carts untouched for `guestCartTtlSeconds`, a batch at a time; returns how many. */
  async deleteAbandonedGuestCarts(ctx: Context, now = new Date(), batch = 500): Promise<number> {
    const before = new Date(now.getTime() - this.config.guestCartTtlSeconds * 1000);
    const stale = await ctx.em.find(Cart, {
      select: { id: true },
      where: { userId: IsNull(), updatedAt: LessThan(before) },
      take: batch,
    });
    if (stale.length === 0) return 0;
    return inTransaction(ctx, async () => {
      // Locked and checked again: a cart touched since the read above is kept, lines and all.
      const still = await ctx.em.find(Cart, {
        select: { id: true },
        where: { id: In(stale.map((c) => c.id)), updatedAt: LessThan(before) },
        ...forUpdate(ctx.em),
      });
      const ids = still.map((c) => c.id);
      if (ids.length === 0) return 0;
      await ctx.em.delete(CartLine, { cartId: In(ids) });
      await ctx.em.delete(Cart, { id: In(ids) });
      return ids.length;
    });
  }

  /** A variant with its product and seller (through the request's loaders) and what is buyable. */
  private async item(ctx: Context, variantId: number) {
    const variant = await ctx.loaders.catalog.variant.load(variantId);
    if (!variant) return null;
    const product = await ctx.loaders.catalog.product.load(variant.productId);
    const seller = product ? await ctx.loaders.identity.seller.load(product.sellerId) : null;
    return { variant, product, available: availableToBuy(variant, product, seller) };
  }

  /** The viewer's cart, or else the guest cart of `token`; locked for writing when asked. */
  private find(ctx: Context, token: string | null, lock: boolean): Promise<Cart | null> {
    const lockOptions = lock ? forUpdate(ctx.em) : {};
    if (ctx.viewer) {
      return ctx.em.findOne(Cart, { where: { userId: ctx.viewer.user.id }, ...lockOptions });
    }
    if (!token) return Promise.resolve(null);
    return ctx.em.findOne(Cart, { where: { token, userId: IsNull() }, ...lockOptions });
  }

  /** The cart to write to, locked; a new one when the caller has none (null: unknown token). */
  private async findOrStart(ctx: Context, token: string | null): Promise<Cart | null> {
    const existing = await this.find(ctx, token, true);
    if (existing) return existing;
    if (!ctx.viewer && token) return null;
    try {
      return await ctx.em.save(
        ctx.em.create(Cart, {
          token: randomBytes(24).toString('base64url'),
          userId: ctx.viewer?.user.id ?? null,
        }),
      );
    } catch (error) {
      // A parallel request of the same user started the cart first: use that one.
      if (isUniqueViolation(error)) throw new RetryTransaction('cart started twice');
      throw error;
    }
  }

  private async lineOf(ctx: Context, token: string | null, lineId: string) {
    const cart = await this.find(ctx, token, true);
    const id = parseId(lineId);
    const line = cart && id ? await ctx.em.findOneBy(CartLine, { id, cartId: cart.id }) : null;
    return cart && line ? { cart, line } : null;
  }

  /** Marks the cart as changed (its `updatedAt`), e.g. to clean up abandoned guest carts. */
  private async touch(ctx: Context, cart: Cart): Promise<void> {
    await ctx.em.update(Cart, { id: cart.id }, { updatedAt: new Date() });
  }

  private async view(ctx: Context, cart: Cart): Promise<CartView> {
    const lines = await ctx.em.find(CartLine, { where: { cartId: cart.id }, order: { id: 'ASC' } });
    const variants = await ctx.loaders.catalog.variant.loadMany(lines.map((l) => l.variantId));
    const products = await ctx.loaders.catalog.product.loadMany(
      variants.map((v) => (v instanceof Error || !v ? 0 : v.productId)),
    );
    const sellers = await ctx.loaders.identity.seller.loadMany(
      products.map((p) => (p instanceof Error || !p ? 0 : p.sellerId)),
    );
    const view = new CartView();
    view.id = cart.id;
    view.token = cart.userId === null ? cart.token : null;
    view.lines = [];
    view.groups = [];
    const groups = new Map<number, CartGroup>();
    lines.forEach((line, i) => {
      const variant = variants[i];
      const product = products[i];
      const seller = sellers[i];
      if (!variant || variant instanceof Error || !product || product instanceof Error) return;
      if (!seller || seller instanceof Error) return;
      const item = new CartLineView();
      item.id = line.id;
      item.variant = variant;
      item.product = product;
      item.quantity = line.quantity;
      item.unitPrice = Money.of(variant.listPriceAmount, variant.currency);
      item.lineTotal = Money.of(variant.listPriceAmount * line.quantity, variant.currency);
      item.available = availableToBuy(variant, product, seller);
      view.lines.push(item);
      let group = groups.get(seller.id);
      if (!group) {
        group = new CartGroup();
        group.seller = seller;
        group.lines = [];
        group.itemsTotal = Money.of(0, variant.currency);
        groups.set(seller.id, group);
        view.groups.push(group);
      }
      group.lines.push(item);
      group.itemsTotal = Money.of(
        group.itemsTotal.amount + item.lineTotal.amount,
        variant.currency,
      );
    });
    for (const group of view.groups) {
      group.codFee = Money.of(this.cod.fee(group.seller.codFeeAmount), this.cod.currency);
      group.total = Money.of(
        group.itemsTotal.amount + group.codFee.amount,
        group.itemsTotal.currency,
      );
    }
    view.itemCount = view.lines.reduce((n, l) => n + l.quantity, 0);
    const first = view.lines[0];
    view.subtotal = first
      ? Money.of(
          view.lines.reduce((n, l) => n + l.lineTotal.amount, 0),
          first.unitPrice.currency,
        )
      : null;
    return view;
  }
}
