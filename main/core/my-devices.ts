import { hostname } from 'node:os';
import type { DeviceData } from '../../shared/protocol/responses';
import type { TeamMembership } from './team-membership';

/** What this computer calls itself in its person's device list, unless they name it. */
export const defaultDeviceName = () => hostname().replace(/\.local$/, '') || 'Computer';

/** A sign-in's input with this computer's name, unless the person named it. */
export const withDevice = <T extends { device?: string | undefined }>(input: T) => ({
  ...input,
  device: input.device ?? defaultDeviceName(),
});

/**
 * My devices, from any of them: a one-time code to add another, the list, and signing one out.
 * Not queued: a code is only worth having now, and a lost laptop must stop now.
 */
export class MyDevices {
  constructor(
    private readonly team: TeamMembership,
    private readonly changed: () => void,
  ) {}

  private get api() {
    const sync = this.team.sync;
    if (!sync) throw new Error('not in a team yet: join one, or sign in with a code from another device');
    return sync.api;
  }

  /** A code to enter on the new device ("ricochet login --device-code", or its join screen). */
  add(): Promise<{ code: string; expiresAt: string }> {
    return this.api.deviceCode();
  }

  list(): Promise<DeviceData[]> {
    return this.api.devices();
  }

  /** Signs a device out; this one too, which then forgets the team like leaving it. */
  async remove(id: string): Promise<void> {
    const current = (await this.list()).find((d) => d.current)?.id;
    await this.api.removeDevice(id);
    if (id === current) this.team.leave();
    this.changed();
  }
}
