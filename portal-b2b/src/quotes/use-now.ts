import { onScopeDispose, shallowRef, type ShallowRef } from 'vue';

/** The current time, moving on every `intervalMs` while the component that asked lives. */
export function useNow(intervalMs = 1000): ShallowRef<Date> {
  const now = shallowRef(new Date());
  const timer = setInterval(() => (now.value = new Date()), intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}

export interface Remaining {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The time left until `until`, in whole units; null once it has passed. */
export function remainingUntil(until: Date, now: Date): Remaining | null {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return null;
  const total = Math.floor(ms / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
