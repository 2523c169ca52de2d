import { registerEnumType } from 'type-graphql';
import type { Config } from '../../config/config.js';

export enum CodUnavailableReason {
  REGION_NOT_SERVED = 'REGION_NOT_SERVED',
  AMOUNT_ABOVE_LIMIT = 'AMOUNT_ABOVE_LIMIT',
  CURRENCY_NOT_ACCEPTED = 'CURRENCY_NOT_ACCEPTED',
}
registerEnumType(CodUnavailableReason, {
  name: 'CodUnavailableReason',
  description: 'Why an order cannot be paid cash on delivery.',
});

/**
 * The platform's cash-on-delivery rules: a fee (a seller may charge its own), a largest order
 * total, and the provinces couriers collect cash in. Pure, so the cart can show the outcome
 * before checkout applies the very same rules.
 */
export class CashOnDeliveryRules {
  constructor(private readonly config: Config) {}

  get currency(): string {
    return this.config.platformCurrency;
  }

  get maxOrderAmount(): number {
    return this.config.cashOnDelivery.maxOrderAmount;
  }

  get defaultFee(): number {
    return this.config.cashOnDelivery.defaultFee;
  }

  get regions(): readonly string[] {
    return this.config.cashOnDelivery.regions;
  }

  fee(sellerFee: number | null): number {
    return sellerFee ?? this.defaultFee;
  }

  /** Null when an order of `total` (fee included) shipped to `province` may be paid in cash. */
  unavailableReason(
    province: string | null,
    total: number,
    currency: string,
  ): CodUnavailableReason | null {
    if (currency !== this.currency) return CodUnavailableReason.CURRENCY_NOT_ACCEPTED;
    if (total > this.maxOrderAmount) return CodUnavailableReason.AMOUNT_ABOVE_LIMIT;
    if (province !== null && this.regions.length > 0) {
      const wanted = province.trim().toLocaleLowerCase();
      if (!this.regions.some((r) => r.toLocaleLowerCase() === wanted)) {
        return CodUnavailableReason.REGION_NOT_SERVED;
      }
    }
    return null;
  }
}
