/** Asks waiting for my answer (delivered, not answered, snoozed or dismissed): the Me tab's badge and the tray's line both count with this. */
export const waitingForMe = (asksToMe: readonly { state: string }[]): number =>
  asksToMe.filter((a) => a.state === 'delivered').length;

/** The same count from the asks themselves: those I did not send are to me (the tray's line). */
export const asksWaitingFor = (
  asks: readonly { from: string; state: string }[],
  me: string | undefined,
): number => waitingForMe(asks.filter((a) => a.from !== me));
