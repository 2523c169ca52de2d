import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type Browser } from './support/browser.js';
import { gateway, mutate, type Fields } from './support/gateway.js';
import { openAs, signOut, tokenOf } from './support/portal.js';

const portalUrl = inject('portalUrl');

interface DemoVariant {
  id: string;
  sku: string;
  sellerId: string;
}

/** A North Dairy variant with at least `quantity` units available. */
async function northDairyVariant(quantity: number): Promise<DemoVariant> {
  const { sellers } = await gateway<{ sellers: { id: string; name: string }[] }>(
    '{ sellers { id name } }',
    {},
  );
  const northDairy = sellers.find((seller) => seller.name === 'North Dairy');
  if (!northDairy) throw new Error('the demo has no North Dairy');
  const { products } = await gateway<Fields>(
    `query ($filter: ProductFilter) {
      products(filter: $filter, first: 20) {
        edges { node { variants { id sku stock { available } } } }
      }
    }`,
    { filter: { sellerId: northDairy.id, inStock: true } },
  );
  const variant = (products.edges as Fields[])
    .flatMap((edge) => edge.node.variants as Fields[])
    .find((v) => v.stock.available >= quantity);
  if (!variant) throw new Error(`no North Dairy variant with ${quantity} available`);
  return { id: variant.id, sku: variant.sku, sellerId: northDairy.id };
}

/** The last path segment of the link `testId` points to (an id in the portal's routes). */
async function linkedId(page: Page, testId: string): Promise<string> {
  const link = page.getByTestId(testId);
  await link.waitFor();
  const href = (await link.getAttribute('href')) ?? '';
  const id = href.split('/').filter(Boolean).pop();
  if (!id) throw new Error(`${testId} links to "${href}"`);
  return id;
}

describe('business portal: a deal from quick order to a paid deposit, across roles', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'carries a one-off deal through quotes, approvals, signatures and the deposit',
    { timeout: 300_000 },
    async () => {
      const { page } = browser;
      const variant = await northDairyVariant(60);

      // The company admin lowers the policy's thresholds so this deal passes all three stages.
      await openAs(page, portalUrl, 'admin@acme.example', '/company/approval-policy');
      const stages = page.getByTestId('policy-stage');
      await stages.first().waitFor();
      expect(await stages.count()).toBe(3);
      await stages.nth(1).getByTestId('policy-stage-min').locator('input').fill('100');
      await stages.nth(2).getByTestId('policy-stage-min').locator('input').fill('200');
      await page.getByTestId('policy-save').click();
      await page.getByTestId('policy-message').waitFor();
      await page.getByTestId('policy-preview-amount').locator('input').fill('500');
      const preview = page.getByTestId('policy-preview-result').getByTestId('policy-preview-stage');
      await expect.poll(() => preview.count()).toBe(3);
      await browser.screenshot('deal-01-approval-policy');
      await signOut(page);

      // The buyer pastes a line into quick order and turns it into a quote request.
      await openAs(page, portalUrl, 'buyer@acme.example', '/quick-order');
      await page.getByTestId('quick-order-lines').fill(`${variant.sku} 50\nNO-SUCH-SKU 3`);
      await page.getByTestId('quick-order-submit').click();
      const refused = page.getByTestId('quick-order-invalid-line');
      await refused.first().waitFor();
      expect(await refused.count()).toBe(1);
      expect(await refused.first().textContent()).toContain('NO-SUCH-SKU');
      await browser.screenshot('deal-02-quick-order');
      await page.getByTestId('quick-order-create-request').first().click();
      await page.getByTestId('request-editor-submit').click();
      const number = page.getByTestId('quote-number');
      await number.waitFor();
      const rfq = ((await number.textContent()) ?? '').match(/RFQ-\d+/)?.[0];
      expect(rfq).toBeTruthy();
      const quoteId = page.url().split('/').filter(Boolean).pop()!;
      await signOut(page);

      // North Dairy answers from its inbox with a price and a deposit/final schedule.
      await openAs(page, portalUrl, 'sales@north-dairy.example', '/seller/quotes');
      await page.getByTestId('quote-inbox-open').filter({ hasText: rfq! }).click();
      await page.getByTestId('quote-offer').click();
      await page.getByTestId('offer-unit-price').first().fill('20.00');
      await page.getByTestId('offer-delivery-terms').fill('DAP Hangzhou');
      await page.getByTestId('schedule-add-deposit').click();
      await page.getByTestId('schedule-add-final').click();
      const milestones = page.getByTestId('schedule-milestone');
      await milestones.nth(0).getByTestId('milestone-value').fill('30');
      await milestones.nth(1).getByTestId('milestone-value').fill('70');
      await browser.screenshot('deal-03-seller-offer');
      await page.getByTestId('offer-submit').click();
      await page.getByTestId('quote-notice').filter({ hasText: 'Offer sent' }).waitFor();
      await signOut(page);

      // The buyer counters with a lower price.
      await openAs(page, portalUrl, 'buyer@acme.example', `/quotes/${quoteId}`);
      await page.getByTestId('quote-counter').click();
      await page.getByTestId('offer-unit-price').first().fill('18.00');
      await page.getByTestId('offer-submit').click();
      await page.getByTestId('quote-notice').filter({ hasText: 'Counter-offer sent' }).waitFor();
      await signOut(page);

      // The seller revises, meeting the buyer halfway.
      await openAs(page, portalUrl, 'sales@north-dairy.example', `/seller/quotes/${quoteId}`);
      await page.getByTestId('quote-offer').click();
      await page.getByTestId('offer-unit-price').first().fill('19.00');
      await page.getByTestId('offer-submit').click();
      await page.getByTestId('quote-notice').filter({ hasText: 'Offer sent' }).waitFor();
      await signOut(page);

      // The buyer compares, then accepts: the deal goes to Acme's approval chain.
      await openAs(page, portalUrl, 'buyer@acme.example', `/quotes/${quoteId}`);
      await page.getByTestId('compare-line').first().waitFor();
      await browser.screenshot('deal-04-negotiation');
      await page.getByTestId('quote-accept').click();
      await page.getByTestId('quote-accept-confirm').click();
      const approvalId = await linkedId(page, 'quote-approval-link');
      await signOut(page);

      for (const approver of ['sourcing', 'finance', 'manager']) {
        await openAs(page, portalUrl, `${approver}@acme.example`, '/approvals');
        const task = page.locator(
          `[data-testid="approval-task"][data-request-id="${approvalId}"] [data-testid="approval-task-link"]`,
        );
        await task.click();
        await page.getByTestId('approval-comment').fill(`OK from ${approver}`);
        if (approver === 'finance') await browser.screenshot('deal-05-approval');
        await page.getByTestId('approval-approve').click();
        await page.getByTestId('approval-decision-done').waitFor();
        await signOut(page);
      }

      // Both sides sign; the contract is in force.
      await openAs(page, portalUrl, 'buyer@acme.example', `/quotes/${quoteId}`);
      const contractId = await linkedId(page, 'quote-contract-link');
      await signOut(page);
      await openAs(page, portalUrl, 'admin@acme.example', `/contracts/${contractId}`);
      await page.getByTestId('sign-contract').click();
      await page.getByTestId('sign-result').waitFor();
      await signOut(page);
      await openAs(page, portalUrl, 'sales@north-dairy.example', `/seller/contracts/${contractId}`);
      await page.getByTestId('sign-contract').click();
      await page.getByTestId('contract-status').filter({ hasText: 'Active' }).waitFor();

      // The seller records the deposit against its milestone.
      const deposit = page.locator('[data-testid="milestone"][data-milestone-label="Deposit"]');
      await deposit.getByTestId('record-payment').click();
      await deposit.getByTestId('payment-reference').locator('input').fill(`BANK-${randomUUID()}`);
      await deposit.getByTestId('payment-submit').click();
      await page.getByTestId('payment-recorded').waitFor();
      // The notice shows at once; the timeline shows the payment once the contract is read again.
      await expect.poll(() => deposit.getAttribute('data-milestone-status')).toBe('PAID');
      await browser.screenshot('deal-06-seller-contract');
      await signOut(page);

      // The buyer sees the deposit paid on the contract's timeline.
      await openAs(page, portalUrl, 'buyer@acme.example', `/contracts/${contractId}`);
      const paid = page.locator('[data-testid="milestone"][data-milestone-label="Deposit"]');
      await paid.getByTestId('milestone-status').filter({ hasText: 'Paid' }).waitFor();
      expect(await paid.getAttribute('data-milestone-status')).toBe('PAID');
      await browser.screenshot('deal-07-buyer-timeline');
      await signOut(page);
    },
  );

  it('places a call-off under a framework contract from the portal', async () => {
    const { page } = browser;
    const variant = await northDairyVariant(20);
    const buyer = await tokenOf('buyer@acme.example');
    const seller = await tokenOf('sales@north-dairy.example');
    const acmeAdmin = await tokenOf('admin@acme.example');

    // The framework agreement is made over the API; the call-off is what this test is about.
    const quote = `... on QuoteRequest { id version contract { id } approval { id } }`;
    const created = await mutate(
      buyer,
      'createQuoteRequest',
      'CreateQuoteRequestInput',
      {
        sellerId: variant.sellerId,
        dealKind: 'FRAMEWORK',
        termMonths: 12,
        deliveryAddress: {
          name: 'Acme Receiving',
          phone: '13800138000',
          province: 'Zhejiang',
          city: 'Hangzhou',
          district: 'Xihu',
          line1: '1 Wensan Road',
          postalCode: '310000',
        },
        lines: [{ variantId: variant.id, quantity: 400 }],
      },
      'QuoteRequest',
      quote,
    );
    const submitted = await mutate(
      buyer,
      'submitQuoteRequest',
      'QuoteActionInput',
      { quoteId: created.id, expectedVersion: created.version },
      'QuoteRequest',
      quote,
    );
    const { quoteRequest } = await gateway<Fields>(
      'query ($id: ID!) { quoteRequest(id: $id) { lines { id } } }',
      { id: created.id },
      seller,
    );
    const offered = await mutate(
      seller,
      'offerQuote',
      'OfferInput',
      {
        quoteId: created.id,
        expectedVersion: submitted.version,
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        paymentTerms: { kind: 'NET', netDays: 30 },
        lines: [{ lineId: quoteRequest.lines[0].id, unitPrice: 900, committedQuantity: 400 }],
      },
      'QuoteRequest',
      quote,
    );
    let accepted = await mutate(
      buyer,
      'acceptQuote',
      'QuoteActionInput',
      { quoteId: created.id, expectedVersion: offered.version },
      'QuoteRequest',
      quote,
    );
    for (const approver of ['sourcing', 'finance', 'manager']) {
      const token = await tokenOf(`${approver}@acme.example`);
      const { approvalRequest } = await gateway<Fields>(
        'query ($id: ID!) { approvalRequest(id: $id) { status version canDecide } }',
        { id: accepted.approval.id },
        token,
      );
      if (approvalRequest.status !== 'PENDING' || !approvalRequest.canDecide) continue;
      await mutate(
        token,
        'decideApproval',
        'DecideApprovalInput',
        {
          requestId: accepted.approval.id,
          decision: 'APPROVE',
          comment: '',
          expectedVersion: approvalRequest.version,
        },
        'ApprovalRequest',
      );
    }
    accepted = (
      await gateway<Fields>(
        'query ($id: ID!) { quoteRequest(id: $id) { contract { id } } }',
        { id: created.id },
        buyer,
      )
    ).quoteRequest;
    const contractId = accepted.contract.id as string;
    const sign = 'mutation ($id: ID!) { signContract(id: $id) { __typename } }';
    await gateway(sign, { id: contractId }, acmeAdmin);
    await gateway(sign, { id: contractId }, seller);

    await openAs(page, portalUrl, 'buyer@acme.example', `/contracts/${contractId}`);
    await page.getByTestId('open-call-off').click();
    await page.getByTestId('call-off-line').first().locator('input').fill('15');
    await page.getByTestId('call-off-submit').click();
    await page.getByTestId('call-off-result').waitFor();
    const row = page.getByTestId('call-off-row').first();
    await row.waitFor();
    expect(await row.getByTestId('call-off-status').textContent()).toBeTruthy();
    await browser.screenshot('deal-08-call-off');
    await signOut(page);
  });

  it("reports a seller's CSV import row by row and imports nothing until it is clean", async () => {
    const { page } = browser;
    const slug = `portal-import-${randomUUID().slice(0, 8)}`;
    const header =
      'product_slug,product_name,description,category_slug,status,sku,variant_name,options,list_price,currency,stock_on_hand,tiers,min_order_quantity,order_increment,image_urls,attributes';
    const good = `${slug},Import Test Tea,Green tea,beverages,DRAFT,${slug}-1,Tin,,12.50,CNY,10,,1,1,,`;
    const bad = `${slug}-b,Broken Row,Bad price,beverages,DRAFT,${slug}-2,Tin,,not-a-price,CNY,10,,1,1,,`;

    await openAs(page, portalUrl, 'sales@north-dairy.example', '/seller/catalog/import');
    const file = page.getByTestId('catalog-import-file');
    await file.setInputFiles({
      name: 'catalog.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, good, bad].join('\n')),
    });
    const errors = page.getByTestId('catalog-import-error-row');
    await errors.first().waitFor();
    expect(await errors.first().getAttribute('data-row')).toBe('2');
    expect(await page.getByTestId('catalog-import-commit').count()).toBe(0);
    await browser.screenshot('deal-09-catalog-import-errors');

    await file.setInputFiles({
      name: 'catalog.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, good].join('\n')),
    });
    await page.getByTestId('catalog-import-commit').click();
    await page.getByTestId('catalog-import-done').waitFor();
    await signOut(page);
  });

  it('lets a platform admin verify a company waiting in the queue', async () => {
    const { page } = browser;
    await openAs(page, portalUrl, 'admin@marketgate.example', '/admin/companies');
    const row = page.locator('[data-testid="company-row"][data-company="Initech Supplies"]');
    await row.getByTestId('company-verify').click();
    await page.getByTestId('companies-message').waitFor();
    await row.waitFor({ state: 'detached' });
    await browser.screenshot('deal-10-admin-companies');
    await signOut(page);
  });
});
