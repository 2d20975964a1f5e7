import type { Channel, Role } from './db/tables.ts';

/** The authenticated caller, as every service sees it: no request object, no token. */
export type Principal = { userId: string; sessionId: string; role: Role };

/** What a service may know about where a call came from, whatever the channel. */
export type RequestContext = {
  requestId: string;
  /** 'cli' for operators' commands, which never start sessions. */
  channel: Channel | 'cli';
  ip: string;
  userAgent: string | undefined;
  principal: Principal | undefined;
  /** `METHOD /route/pattern` the call came through, for security events (never the raw URL). */
  route?: string | undefined;
};

export function auditContextOf(ctx: RequestContext) {
  return {
    actorId: ctx.principal?.userId ?? null,
    actorRole: ctx.principal?.role ?? null,
    channel: ctx.channel,
    requestId: ctx.requestId,
  };
}
