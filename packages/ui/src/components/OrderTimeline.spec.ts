import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { withPlugins } from '../test-utils';
import OrderTimeline from './OrderTimeline.vue';

describe('OrderTimeline', () => {
  it('lists every step with its status, time and actor as the reader names them, and a note', () => {
    const wrapper = mount(OrderTimeline, {
      props: {
        events: [
          { status: 'PLACED', from: null, at: '2026-11-28T06:05:00Z', actor: 'CONSUMER', note: '' },
          {
            status: 'SHIPPED',
            from: 'CONFIRMED',
            at: '2026-11-29T02:30:00Z',
            actor: 'SELLER',
            note: 'SF1234567890',
          },
        ],
        statusText: (status: string) => `status ${status}`,
        actorText: (actor: string) => `by ${actor}`,
      },
      global: withPlugins('en').global,
    });
    const steps = wrapper.findAll('li');
    expect(steps).toHaveLength(2);
    expect(steps[0]!.text()).toContain('status PLACED');
    expect(steps[0]!.text()).toContain('by CONSUMER');
    expect(steps[0]!.text()).not.toContain('·');
    expect(steps[0]!.get('time').attributes('datetime')).toBe('2026-11-28T06:05:00Z');
    expect(steps[0]!.get('time').text()).toMatch(/2026/);
    expect(steps[1]!.text()).toContain('by SELLER · SF1234567890');
  });
});
