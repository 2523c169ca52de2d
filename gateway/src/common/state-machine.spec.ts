import { describe, expect, it } from 'vitest';
import { StateMachine } from './state-machine.js';

type Light = 'RED' | 'GREEN' | 'YELLOW' | 'OFF';

const light = new StateMachine<Light>('light', {
  RED: ['GREEN', 'OFF'],
  GREEN: ['YELLOW', 'OFF'],
  YELLOW: ['RED', 'OFF'],
  OFF: [],
});

describe('StateMachine', () => {
  it('allows exactly the transitions in its table', () => {
    expect(light.canTransition('RED', 'GREEN')).toBe(true);
    expect(light.canTransition('RED', 'YELLOW')).toBe(false);
    expect(light.canTransition('OFF', 'RED')).toBe(false);
  });

  it('lists next states and recognises final states', () => {
    expect(light.next('GREEN')).toEqual(['YELLOW', 'OFF']);
    expect(light.isFinal('OFF')).toBe(true);
    expect(light.isFinal('RED')).toBe(false);
  });
});
