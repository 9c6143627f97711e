/**
 * Who may drive this server beyond its own pages on loopback (docs/api.md, "Threat model"). Every
 * request's Host must be a loopback name or allowed here; an Origin, when sent, must be the
 * server's own or allowed here; with a token, every /api request must carry it.
 */
export interface AccessPolicy {
  /**
   * Host names (`name`, any port) or `name:port` accepted in the Host header besides loopback
   * names. Default none; `petrov serve` adds the address it binds to beyond loopback.
   */
  readonly allowedHosts: readonly string[];
  /** Origins (`scheme://host[:port]`) accepted besides the server's own. Default none. */
  readonly allowedOrigins: readonly string[];
  /** The access token every /api request must carry (`Authorization: Bearer`). Default none. */
  readonly token?: string;
}

export const DEFAULT_ACCESS: AccessPolicy = { allowedHosts: [], allowedOrigins: [] };
