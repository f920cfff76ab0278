/** Asks waiting for my answer (delivered, not answered, snoozed or dismissed): the Me tab's badge and the tray's line both count with this. */
export const waitingForMe = (asksToMe: readonly { state: string }[]): number =>
  asksToMe.filter((a) => a.state === 'delivered').length;
