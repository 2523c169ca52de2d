import {
  ApprovalDecision,
  ApprovalPolicy,
  ApprovalRequest,
} from '../modules/approval/approval.entity.js';
import { AccountTag, CompanyLifecycleStage, Segment } from '../modules/audience/audience.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { ContentBlock } from '../modules/content/content.entity.js';
import { ContractMilestone, ContractPayment } from '../modules/billing/billing.entity.js';
import { CallOff, CallOffLine, CreditLine } from '../modules/contracts/call-off.entity.js';
import { Contract, ContractLine } from '../modules/contracts/contract.entity.js';
import {
  QuoteMessage,
  QuoteRequest,
  QuoteRequestLine,
  QuoteVersion,
  QuoteVersionLine,
} from '../modules/quoting/quote.entity.js';
import { Cart, CartLine } from '../modules/cart/cart.entity.js';
import { Category } from '../modules/catalog/category.entity.js';
import { PriceTier } from '../modules/catalog/price-tier.entity.js';
import { ProductSearchTerm } from '../modules/catalog/product-search-term.entity.js';
import { Product } from '../modules/catalog/product.entity.js';
import { StockMovement } from '../modules/catalog/stock-movement.entity.js';
import { Variant } from '../modules/catalog/variant.entity.js';
import { CompanyAddress } from '../modules/identity/company-address.entity.js';
import { Company } from '../modules/identity/company.entity.js';
import { CompanyMember } from '../modules/identity/company-member.entity.js';
import { Invitation } from '../modules/identity/invitation.entity.js';
import { Seller } from '../modules/identity/seller.entity.js';
import { SellerStaff } from '../modules/identity/seller-staff.entity.js';
import { Session } from '../modules/identity/session.entity.js';
import { User } from '../modules/identity/user.entity.js';
import { Checkout, Order, OrderLine } from '../modules/ordering/order.entity.js';
import { CashRemittance, Payment } from '../modules/payment/payment.entity.js';

/** Every entity of the gateway; modules add theirs here. */
export const entities = [
  AccountTag,
  ApprovalDecision,
  ApprovalPolicy,
  ApprovalRequest,
  AuditEvent,
  CallOff,
  CallOffLine,
  Cart,
  CartLine,
  CashRemittance,
  Category,
  Checkout,
  Company,
  CompanyAddress,
  CompanyLifecycleStage,
  CompanyMember,
  ContentBlock,
  Contract,
  ContractLine,
  ContractMilestone,
  ContractPayment,
  CreditLine,
  Invitation,
  Order,
  OrderLine,
  Payment,
  PriceTier,
  Product,
  ProductSearchTerm,
  QuoteMessage,
  QuoteRequest,
  QuoteRequestLine,
  QuoteVersion,
  QuoteVersionLine,
  Segment,
  Seller,
  SellerStaff,
  Session,
  StockMovement,
  User,
  Variant,
];
