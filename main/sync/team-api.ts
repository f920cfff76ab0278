import { z } from 'zod';
import { joinResponseSchema, syncPageSchema, type SyncPage } from '../../shared/protocol/schemas';
import type { TeamCommand } from './team-commands';

const whoAmISchema = z.object({
  id: z.string(),
  teamId: z.string(),
  name: z.string(),
  email: z.string(),
  team: z.object({ id: z.string(), name: z.string() }),
});

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
      throw new TeamApiError(0, `cannot reach ${this.server}: ${(error as Error).message}`);
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const message = (body as { message?: string } | undefined)?.message ?? `HTTP ${res.status}`;
      throw new TeamApiError(res.status, message);
    }
    return body;
  }

  /** The one place a queued command becomes an HTTP request. `id` makes a retry idempotent. */
  send(command: TeamCommand): Promise<unknown> {
    const post = (id: string) => `/v1/posts/${encodeURIComponent(id)}`;
    switch (command.kind) {
      case 'post':
        return this.request({
          method: 'POST',
          path: '/v1/posts',
          body: { id: command.id, text: command.text, ...(command.decision ? { kind: 'decision' } : {}) },
        });
      case 'ask':
        return this.request({
          method: 'POST',
          path: '/v1/asks',
          body: { id: command.id, to: command.to, text: command.text },
        });
      case 'ask-update':
        return this.request({
          method: 'PATCH',
          path: `/v1/asks/${encodeURIComponent(command.askId)}`,
          body: command.update,
        });
      case 'edit-post':
        return this.request({ method: 'PATCH', path: post(command.postId), body: { text: command.text } });
      case 'delete-post':
        return this.request({ method: 'DELETE', path: post(command.postId) });
      case 'status':
        return command.status
          ? this.request({ method: 'PUT', path: '/v1/me/status', body: command.status })
          : this.request({ method: 'DELETE', path: '/v1/me/status' });
      case 'availability':
        return this.request({ method: 'PUT', path: '/v1/me/availability', body: command.availability });
      case 'profile':
        return this.request({ method: 'PATCH', path: '/v1/me', body: command.profile });
      default:
        throw new Error(`unknown command ${(command as { kind: string }).kind}`);
    }
  }

  /** An admin revokes an invite at once (not queued: an invite is either live or not). */
  async revokeInvite(code: string): Promise<void> {
    await this.request({ method: 'POST', path: '/v1/invites/revoke', body: { code } });
  }

  /** Who this token belongs to, and its team: how a token alone logs in. */
  async whoAmI() {
    return whoAmISchema.parse(await this.request({ method: 'GET', path: '/v1/me' }));
  }

  async join(input: { code: string; name: string; email: string }) {
    return joinResponseSchema.parse(await this.request({ method: 'POST', path: '/v1/join', body: input }));
  }

  async sync(since: number, limit = 500): Promise<SyncPage> {
    return syncPageSchema.parse(
      await this.request({ method: 'GET', path: `/v1/sync?since=${since}&limit=${limit}` }),
    );
  }

  async topics(): Promise<Map<string, string[]>> {
    const board = z
      .object({ members: z.array(z.object({ id: z.string(), topics: z.array(z.string()) }).loose()) })
      .parse(await this.request({ method: 'GET', path: '/v1/board' }));
    return new Map(board.members.map((m) => [m.id, m.topics]));
  }
}
