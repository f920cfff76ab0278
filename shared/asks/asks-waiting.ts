/** Asks waiting for my answer (delivered, not answered, snoozed or dismissed): the Me tab's badge and the tray's line both count with this. */
export const waitingForMe = (asksToMe: readonly { state: string }[]): number =>
  asksToMe.filter((a) => a.state === 'delivered').length;

/** Whether I sent this ask; every other ask of mine is to me (the Me tab's two lists, the tray). */
export const sentByMe = (ask: { from: string }, me: string | undefined): boolean => ask.from === me;

/** The same count from the asks themselves (the tray's line). */
export const asksWaitingFor = (
  asks: readonly { from: string; state: string }[],
  me: string | undefined,
): number => waitingForMe(asks.filter((a) => !sentByMe(a, me)));
