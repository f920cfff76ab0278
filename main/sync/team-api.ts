import { z } from 'zod';
import { starsData, syncPageSchema, type SyncPage } from '../../shared/protocol/changes';
import { BOARD_IDS_MAX } from '../../shared/protocol/schemas';
import {
  askSchema,
  calendarAppsData,
  deviceCodeResponse,
  devicesResponse,
  type CalendarAppsData,
  availabilityData,
  boardMemberData,
  presenceResponse,
  type Presence,
  errorBody,
  joinResponseSchema,
  meResponse,
  postData,
  selfData,
  ssoAvailableResponse,
  ssoRenewResponse,
  ssoTokenResponse,
  statusData,
} from '../../shared/protocol/responses';
import type { TeamCommand } from '../../shared/protocol/team-commands';
import { networkProblem } from '../network/network-problem';

/** The board's topics only: the same schema as the board, narrowed. */
const topicsOnly = z.object({ members: z.array(boardMemberData.pick({ id: true, topics: true })) });
/** What a 204 answers. */
const nothing = z.undefined();

/** An HTTP failure with the server's reason, and whether trying again could succeed. */
export class TeamApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** Network errors (status 0), 408, 429 and 5xx may pass later; the rest never will. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export interface ApiRequest {
  method: string;
  path: string;
  body?: unknown;
}

/**
 * Why the server could not be reached, in words a person can act on (fetch itself only says
 * "fetch failed"; the reason is in its cause).
 */
export function unreachable(server: string, error: unknown, timeoutMs: number): string {
  const company = networkProblem(server, error);
  if (company) return company;
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { name?: string }).name;
  if (code === 'ECONNREFUSED') return `nobody answers at ${server}: is the server running?`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `${server}: no such host (check the address, or your connection)`;
  if (code === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT')
    return `${server} did not answer within ${Math.round(timeoutMs / 1000)} s`;
  const detail = cause instanceof Error ? cause.message : (error as Error).message;
  return `cannot reach ${server}: ${detail}`;
}

/** The team server's HTTP API as the desktop uses it, every answer checked against its schema. */
export class TeamApi {
  constructor(
    readonly server: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  async request(req: ApiRequest): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(req.path, this.server), {
        method: req.method,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body:
          req.body === undefined
            ? undefined
            : typeof req.body === 'string'
              ? req.body
              : JSON.stringify(req.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new TeamApiError(0, unreachable(this.server, error, this.timeoutMs));
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const message = errorBody.safeParse(body).data?.message ?? `HTTP ${res.status}`;
      throw new TeamApiError(res.status, message);
    }
    return body;
  }

  /** A request whose answer is parsed by its schema from `shared/protocol`, once, here. */
  private async call<S extends z.ZodType>(schema: S, req: ApiRequest): Promise<z.output<S>> {
    const answer = schema.safeParse(await this.request(req));
    if (!answer.success)
      throw new TeamApiError(
        502,
        `the server's answer to ${req.method} ${req.path} is not what this version expects: ${answer.error.issues[0]?.message}`,
      );
    return answer.data;
  }

  /** The calendar apps my organisation's admin set, for "Connect Microsoft 365" and "Connect Google". */
  calendarApps(): Promise<CalendarAppsData> {
    return this.call(calendarAppsData, { method: 'GET', path: '/v1/calendar-apps' });
  }

  /** The one place a queued command becomes an HTTP request. `id` makes a retry idempotent. */
  send(command: TeamCommand): Promise<unknown> {
    const post = (id: string) => `/v1/posts/${encodeURIComponent(id)}`;
    switch (command.kind) {
      case 'post':
        return this.call(postData, {
          method: 'POST',
          path: '/v1/posts',
          body: {
            id: command.id,
            text: command.text,
            ...(command.decision ? { kind: 'decision' } : {}),
            ...(command.mentions?.length ? { mentions: command.mentions } : {}),
          },
        });
      case 'ask':
        return this.call(askSchema, {
          method: 'POST',
          path: '/v1/asks',
          body: {
            id: command.id,
            to: command.to,
            text: command.text,
            ...(command.urgent ? { urgent: true } : {}),
          },
        });
      case 'ask-update':
        return this.call(askSchema, {
          method: 'PATCH',
          path: `/v1/asks/${encodeURIComponent(command.askId)}`,
          body: command.update,
        });
      case 'edit-post':
        return this.call(postData, {
          method: 'PATCH',
          path: post(command.postId),
          body: { text: command.text, ...(command.mentions ? { mentions: command.mentions } : {}) },
        });
      case 'delete-post':
        return this.call(nothing, { method: 'DELETE', path: post(command.postId) });
      case 'status':
        return command.status
          ? this.call(statusData, { method: 'PUT', path: '/v1/me/status', body: command.status })
          : this.call(nothing, { method: 'DELETE', path: '/v1/me/status' });
      case 'availability':
        return this.call(availabilityData, {
          method: 'PUT',
          path: '/v1/me/availability',
          body: command.availability,
        });
      case 'profile':
        return this.call(selfData, { method: 'PATCH', path: '/v1/me', body: command.profile });
      case 'star':
        return this.call(starsData, {
          method: command.on ? 'PUT' : 'DELETE',
          path: `/v1/me/stars/${encodeURIComponent(command.memberId)}`,
        });
      default:
        return unknownCommand(command);
    }
  }

  /** An admin revokes an invite at once (not queued: an invite is either live or not). */
  async revokeInvite(code: string): Promise<void> {
    await this.request({ method: 'POST', path: '/v1/invites/revoke', body: { code } });
  }

  /** Who this token belongs to, and its team: how a token alone logs in. */
  async whoAmI() {
    return this.call(meResponse, { method: 'GET', path: '/v1/me' });
  }

  async join(input: { code: string; name: string; email: string; device?: string }) {
    return this.call(joinResponseSchema, { method: 'POST', path: '/v1/join', body: input });
  }

  /** A new device signs in with a code made on a signed-in device of the same person. */
  async redeemDeviceCode(input: { code: string; device: string }) {
    return this.call(joinResponseSchema, { method: 'POST', path: '/v1/devices', body: input });
  }

  /** Whether this server signs people in with an identity provider (a 404 with the reason if not). */
  async ssoAvailable(org?: string) {
    const query = org ? `?org=${encodeURIComponent(org)}` : '';
    return this.call(ssoAvailableResponse, { method: 'GET', path: `/v1/sso${query}` });
  }

  /** Collects the token of a single sign-on with the desktop's PKCE verifier. */
  async ssoToken(input: { code: string; verifier: string; device: string }) {
    return this.call(ssoTokenResponse, { method: 'POST', path: '/v1/sso/token', body: input });
  }

  /** Renews a token from single sign-on while the identity provider still accepts me. */
  async ssoRenew() {
    return this.call(ssoRenewResponse, { method: 'POST', path: '/v1/sso/renew' });
  }

  /** A one-time code for adding another device, valid minutes. */
  async deviceCode() {
    return this.call(deviceCodeResponse, { method: 'POST', path: '/v1/me/devices/code' });
  }

  async devices() {
    return (await this.call(devicesResponse, { method: 'GET', path: '/v1/me/devices' })).devices;
  }

  /** Signs one of my devices out at once (not queued: a lost laptop must stop now). */
  async removeDevice(id: string): Promise<void> {
    await this.call(nothing, { method: 'DELETE', path: `/v1/me/devices/${encodeURIComponent(id)}` });
  }

  /** A page of the log after `since`; `snapshot` while reading the pages of a snapshot (after a reset). */
  async sync(since: number, limit = 500, snapshot = false): Promise<SyncPage> {
    const path = `/v1/sync?since=${since}&limit=${limit}${snapshot ? '&snapshot=1' : ''}`;
    return this.call(syncPageSchema, { method: 'GET', path });
  }

  /** Everyone's current status and availability that I may see (the board's, per viewer). */
  /** The current presence of these people (a short list), or of everyone on my board. */
  async presence(ids?: readonly string[]): Promise<Presence> {
    return (await this.call(presenceResponse, { method: 'GET', path: boardPath(ids) })).members;
  }

  /** Topics (the most used #tags of 30 days) of these people (a short list), or of everyone. */
  async topics(ids?: readonly string[]): Promise<Map<string, string[]>> {
    const board = await this.call(topicsOnly, { method: 'GET', path: boardPath(ids) });
    return new Map(board.members.map((m) => [m.id, m.topics]));
  }
}

/** The board of these people when they are few enough to name, else the whole of it. */
const boardPath = (ids?: readonly string[]) =>
  ids && ids.length > 0 && ids.length <= BOARD_IDS_MAX
    ? `/v1/board?ids=${ids.map(encodeURIComponent).join(',')}`
    : '/v1/board';

/** A command kind added to the outbox and not sent here is a compile error. */
function unknownCommand(command: never): never {
  throw new Error(`unknown command ${JSON.stringify(command)}`);
}
