// Coalesces a burst of updates into at most one call per interval, with the
// latest value: a hundred ballots in a second push a handful of counts to each
// phone, not a hundred.

export function coalesce<T>(deliver: (value: T) => void, intervalMs: number) {
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastDelivered = -Infinity;

  const flush = () => {
    timer = null;
    if (!pending) return;
    const { value } = pending;
    pending = null;
    lastDelivered = Date.now();
    deliver(value);
  };

  return (value: T) => {
    pending = { value };
    if (timer) return;
    const wait = Math.max(0, lastDelivered + intervalMs - Date.now());
    timer = setTimeout(flush, wait);
  };
}
