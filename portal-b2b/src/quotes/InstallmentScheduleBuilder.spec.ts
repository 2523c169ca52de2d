import type { QuotesInstallmentPreviewQuery } from '@marketgate/graphql-client';
import { createFakeGateway } from '@marketgate/graphql-client/testing';
import { createMarketgateI18n } from '@marketgate/ui';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { messages } from '../messages';
import InstallmentScheduleBuilder from './InstallmentScheduleBuilder.vue';
import { milestoneDraft, type MilestoneDraft } from './installment-schedule';

let current: VueWrapper | undefined;

afterEach(() => {
  current?.unmount();
  current = undefined;
  vi.unstubAllGlobals();
});

type Preview = QuotesInstallmentPreviewQuery['installmentPreview'];

const split = (...amounts: number[]): Preview => ({
  __typename: 'InstallmentPreview',
  installments: amounts.map((amount) => ({ amount: { amount, currency: 'CNY' } })),
});

const invalid = (
  percentBp: number,
  ...problems: { milestone: number | null; code: string }[]
): Preview =>
  ({
    __typename: 'InvalidScheduleError',
    percentBp,
    problems: problems.map((p) => ({ ...p, message: `gateway says ${p.code}` })),
  }) as Preview;

/**
 * The builder bound to a list the test can read, as the offer editor binds it, asking a fake
 * gateway whose `preview` answers each installmentPreview.
 */
function render(
  total: number | null,
  milestones: MilestoneDraft[],
  preview: (variables: Record<string, unknown>) => Preview | Promise<Preview>,
  extra: { gatewayErrors?: Record<string, string>; tried?: boolean } = {},
) {
  const gateway = createFakeGateway({
    QuotesInstallmentPreview: async (variables) => ({
      installmentPreview: await preview(variables),
    }),
  });
  vi.stubGlobal('fetch', gateway.fetch);
  const model = { milestones, refused: [] as (boolean | null)[] };
  const wrapper = mount(InstallmentScheduleBuilder, {
    attachTo: document.body,
    props: {
      total,
      currency: 'CNY',
      modelValue: model.milestones,
      'onUpdate:modelValue': (value: MilestoneDraft[]) => {
        model.milestones = value;
        void wrapper.setProps({ modelValue: value });
      },
      onRefused: (refused: boolean | null) => model.refused.push(refused),
      ...extra,
    },
    global: {
      plugins: [createPinia(), createMarketgateI18n(messages, 'en')],
      stubs: { RouterLink: true },
    },
  });
  current = wrapper;
  const asked = () =>
    gateway.requests
      .filter((r) => r.operationName === 'QuotesInstallmentPreview')
      .map((r) => r.variables.input);
  return { wrapper, model, asked };
}

const rows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="schedule-milestone"]');
const amounts = (wrapper: VueWrapper) =>
  wrapper.findAll('[data-testid="milestone-amount"]').map((a) => a.text());
const problem = (wrapper: VueWrapper) => wrapper.find('[data-testid="schedule-problem"]');
const checking = (wrapper: VueWrapper) => wrapper.find('[data-testid="schedule-checking"]');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('installment schedule builder', () => {
  it('asks the gateway for the split once typing pauses and shows its amounts', async () => {
    const { wrapper, model, asked } = render(195_000, [], (variables) => {
      const { milestones } = variables.input as { milestones: { percentBp: number }[] };
      const bp = milestones.reduce((sum, m) => sum + m.percentBp, 0);
      return bp === 10_000
        ? split(58_500, 136_500)
        : invalid(bp, { milestone: null, code: 'PERCENT_SUM' });
    });
    await wrapper.get('[data-testid="schedule-add-deposit"]').trigger('click');
    await wrapper.get('[data-testid="schedule-add-final"]').trigger('click');
    expect(rows(wrapper)).toHaveLength(2);
    // The final payment's label has the focus, so the keyboard user can name it at once.
    expect(document.activeElement).toBe(rows(wrapper)[1]?.find('input').element);

    // 30% + 30%: the gateway says it does not add up, and no amounts are promised.
    await vi.waitFor(() =>
      expect(problem(wrapper).text()).toBe(
        'Percentages add up to 60%; they must add up to exactly 100%.',
      ),
    );
    expect(amounts(wrapper)).toEqual(['—', '—']);
    expect(model.refused.at(-1)).toBe(true);

    await rows(wrapper)[1]?.get('[data-testid="milestone-value"]').setValue('7');
    await rows(wrapper)[1]?.get('[data-testid="milestone-value"]').setValue('70');
    expect(checking(wrapper).text()).toBe('Checking the schedule…');
    await vi.waitFor(() => expect(amounts(wrapper)).toEqual(['CN¥585.00', 'CN¥1,365.00']));
    expect(problem(wrapper).exists()).toBe(false);
    expect(checking(wrapper).exists()).toBe(false);
    expect(wrapper.get('[data-testid="schedule-summary"]').text()).toBe(
      'Adds up to the total CN¥1,950.00',
    );
    expect(model.refused.at(-1)).toBe(false);
    // One question for the two milestones added, one once "70" was typed.
    expect(asked()).toHaveLength(2);
    expect(asked()[1]).toEqual({
      total: { amount: 195_000, currency: 'CNY' },
      milestones: [
        {
          label: 'Deposit',
          percentBp: 3000,
          amount: null,
          trigger: 'ON_SIGNING',
          dueDate: null,
          netDays: 0,
        },
        {
          label: 'Final payment',
          percentBp: 7000,
          amount: null,
          trigger: 'ON_ACCEPTANCE',
          dueDate: null,
          netDays: 30,
        },
      ],
    });
    expect(model.milestones.map((m) => [m.label, m.share, m.value, m.trigger])).toEqual([
      ['Deposit', 'percent', '30', 'ON_SIGNING'],
      ['Final payment', 'percent', '70', 'ON_ACCEPTANCE'],
    ]);
  });

  it('keeps the last answer while checking, and the latest answer wins', async () => {
    const answers: ((preview: Preview) => void)[] = [];
    const { wrapper } = render(
      100_000,
      [milestoneDraft({ label: 'All', value: '100' })],
      () => new Promise<Preview>((resolve) => answers.push(resolve)),
    );
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers[0]?.(split(100_000));
    await vi.waitFor(() => expect(amounts(wrapper)).toEqual(['CN¥1,000.00']));

    await wrapper.setProps({ total: 90_000 });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    await wrapper.setProps({ total: 80_000 });
    await vi.waitFor(() => expect(answers).toHaveLength(3));
    // Both questions are on their way: the last answer stays on show meanwhile.
    expect(checking(wrapper).exists()).toBe(true);
    expect(amounts(wrapper)).toEqual(['CN¥1,000.00']);

    answers[2]?.(split(80_000));
    await vi.waitFor(() => expect(amounts(wrapper)).toEqual(['CN¥800.00']));
    answers[1]?.(split(90_000));
    await pause(50);
    expect(amounts(wrapper)).toEqual(['CN¥800.00']);
    expect(checking(wrapper).exists()).toBe(false);
  });

  it('asks once for a burst of typing', async () => {
    const { wrapper, asked } = render(100_000, [milestoneDraft({ label: 'All', value: '1' })], () =>
      split(100_000),
    );
    const value = rows(wrapper)[0]?.get('[data-testid="milestone-value"]');
    await value?.setValue('10');
    await value?.setValue('100');
    await vi.waitFor(() => expect(amounts(wrapper)).toEqual(['CN¥1,000.00']));
    expect(asked()).toHaveLength(1);
    expect(asked()[0]).toMatchObject({ milestones: [{ percentBp: 10_000 }] });
  });

  it('shows each problem the gateway names beside its milestone or under the schedule', async () => {
    const { wrapper } = render(
      100_000,
      [
        milestoneDraft({ label: 'Deposit', share: 'fixed', value: '1200' }),
        milestoneDraft({ label: 'Rest', value: '100', trigger: 'ON_DATE', dueDate: '2027-03-31' }),
      ],
      () =>
        invalid(
          10_000,
          { milestone: 1, code: 'DUE_DATE' },
          { milestone: null, code: 'FIXED_OVER_TOTAL' },
        ),
    );
    await vi.waitFor(() =>
      expect(problem(wrapper).text()).toBe('Fixed amounts are more than the total CN¥1,000.00.'),
    );
    expect(rows(wrapper)[1]?.get('[data-testid="milestone-problem"]').text()).toBe(
      'Choose a real calendar date.',
    );
    expect(rows(wrapper)[0]?.find('[data-testid="milestone-problem"]').exists()).toBe(false);
  });

  it('says so when the schedule cannot be checked', async () => {
    const { wrapper, model } = render(
      100_000,
      [milestoneDraft({ label: 'All', value: '100' })],
      () => {
        throw new Error('down');
      },
    );
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="schedule-failed"]').text()).toBe(
        'The schedule could not be checked just now; it is checked again when you send.',
      ),
    );
    expect(amounts(wrapper)).toEqual(['—']);
    expect(model.refused.at(-1)).toBeNull();
  });

  it('switches a milestone between percentage and fixed amount', async () => {
    const { wrapper, model, asked } = render(
      100_000,
      [milestoneDraft({ label: 'All', value: '100' })],
      () => split(100_000),
    );
    await rows(wrapper)[0]?.get('[data-testid="milestone-share"]').setValue('fixed');
    expect(rows(wrapper)[0]?.text()).toContain('Amount (CNY)');
    expect(model.milestones[0]?.share).toBe('fixed');
    // "100" is now CN¥100.00.
    await vi.waitFor(() =>
      expect(asked().at(-1)).toMatchObject({
        milestones: [{ percentBp: null, amount: 10_000 }],
      }),
    );
  });

  it('marks a value it cannot read as the user types, and asks nothing until it can', async () => {
    const { wrapper, asked } = render(
      100_000,
      [milestoneDraft({ label: 'Deposit', value: '30' })],
      () => split(100_000),
    );
    const row = () => rows(wrapper)[0] as ReturnType<VueWrapper['get']>;
    await row().get('[data-testid="milestone-value"]').setValue('30,5');
    expect(row().text()).toContain('Enter a percentage from 0.01 to 100, at most two decimals.');
    expect(row().get('[data-testid="milestone-value"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('Amounts appear once every milestone is filled in correctly.');

    await row().get('[data-testid="milestone-value"]').setValue('100');
    await row().get('[data-testid="milestone-trigger"]').setValue('ON_DATE');
    expect(row().text()).toContain('Choose a date.');
    await row().get('[data-testid="milestone-due-date"]').setValue('2027-03-31');
    expect(row().text()).not.toContain('Choose a date.');

    await row().get('[data-testid="milestone-net-days"]').setValue('400');
    expect(row().text()).toContain('Enter 0 to 365 days.');
    await pause(300);
    expect(asked()).toEqual([]);
  });

  it('asks for empty fields only after a first attempt to send', async () => {
    const { wrapper } = render(100_000, [milestoneDraft({ value: '100' })], () => split(100_000));
    expect(wrapper.text()).not.toContain('Required.');
    await wrapper.setProps({ tried: true });
    expect(rows(wrapper)[0]?.text()).toContain('Required.');
  });

  it('shows what the gateway refused of the sent offer beside the milestone and under the schedule', () => {
    const { wrapper } = render(
      100_000,
      [milestoneDraft({ label: 'Deposit', value: '100' })],
      () => split(100_000),
      {
        gatewayErrors: {
          '': 'A schedule has at most 12 milestones; got 13.',
          '0.label': 'The label must be 1 to 80 characters after trimming; got 0.',
        },
      },
    );
    expect(problem(wrapper).text()).toBe(
      'Not accepted: A schedule has at most 12 milestones; got 13.',
    );
    expect(rows(wrapper)[0]?.text()).toContain(
      'Not accepted: The label must be 1 to 80 characters after trimming; got 0.',
    );
  });

  it('removes a milestone and moves the focus to the next one', async () => {
    const { wrapper, model } = render(
      100_000,
      [milestoneDraft({ label: 'A', value: '50' }), milestoneDraft({ label: 'B', value: '50' })],
      () => split(50_000, 50_000),
    );
    const remove = rows(wrapper)[0]?.get('[data-testid="milestone-remove"]');
    expect(remove?.attributes('aria-label')).toBe('Remove milestone 1');
    await remove?.trigger('click');
    await nextTick();
    expect(model.milestones.map((m) => m.label)).toEqual(['B']);
    expect(document.activeElement).toBe(rows(wrapper)[0]?.find('input').element);
  });

  it('waits for the lines’ total before asking', async () => {
    const { wrapper, asked } = render(null, [milestoneDraft({ label: 'All', value: '100' })], () =>
      split(0),
    );
    expect(amounts(wrapper)).toEqual(['—']);
    expect(wrapper.text()).toContain('Amounts appear once every line has a price and a quantity.');
    await pause(300);
    expect(asked()).toEqual([]);
  });
});
