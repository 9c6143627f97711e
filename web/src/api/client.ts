import { accessToken } from './access-token.ts';
import { seatToken } from './seat-token.ts';
import { ApiError } from './api-error.ts';
import type {
  AgentsInfo,
  ApiErrorBody,
  CapabilityResponse,
  GameRequest,
  GameResult,
  Incident,
  RunDetail,
  RunSummaryRow,
  SafeguardListing,
  ScenarioListing,
  ScenarioRef,
  SensitivityRequest,
  SensitivityResponse,
  StartRunRequest,
  TracedDecision,
  TraceResult,
  UncertaintyRequest,
  UncertaintyResult,
  ValidationOk,
} from './types.ts';

/** Relative to the page, so the app works under any mount point of `petrov serve`. */
const BASE = 'api';

/** One API request, JSON both ways; an error answer becomes an ApiError with its issues. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const headers: Record<string, string> = {};
  // The server refuses a change without JSON's content type, body or not (docs/api.md).
  if (init?.method !== undefined && init.method !== 'GET')
    headers['content-type'] = 'application/json';
  // A player's tab holds a seat token instead: their seat, and runs of their own.
  const token = accessToken() ?? seatToken();
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${BASE}${path}`, { ...init, headers });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : {};
  if (!response.ok) throw new ApiError(response.status, toErrorBody(body, response.statusText));
  return body as T;
}

function toErrorBody(body: unknown, fallback: string): ApiErrorBody {
  if (typeof body === 'object' && body !== null && 'error' in body) return body as ApiErrorBody;
  return { error: fallback || 'request failed' };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

export const api = {
  scenarios: () => request<{ scenarios: ScenarioListing[] }>('/scenarios'),
  incidents: () => request<{ incidents: Incident[] }>('/incidents'),
  scenario: (name: string) =>
    request<{ name: string; text: string }>(`/scenarios/${encodeURIComponent(name)}`),
  safeguards: () => request<{ safeguards: SafeguardListing[] }>('/safeguards'),
  validate: (text: string, signal?: AbortSignal) =>
    request<ValidationOk>('/validate', { ...post({ text }), signal }),
  agents: (scenario: ScenarioRef) => request<AgentsInfo>('/agents', post({ scenario })),
  capability: (scenario: ScenarioRef) =>
    request<CapabilityResponse>('/capability', post({ scenario })),
  game: (body: GameRequest) => request<GameResult>('/game', post(body)),
  startRun: (body: StartRunRequest) => request<{ id: string }>('/runs', post(body)),
  runs: (limit = 50) => request<{ runs: RunSummaryRow[] }>(`/runs?limit=${limit}`),
  run: (id: string) => request<RunDetail>(`/runs/${encodeURIComponent(id)}`),
  cancel: (id: string) =>
    request<{ id: string; status: string }>(`/runs/${encodeURIComponent(id)}/cancel`, post({})),
  remove: (id: string) =>
    request<undefined>(`/runs/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  trace: (id: string, trial: number, safeguards: readonly string[]) => {
    const query = new URLSearchParams({ trial: String(trial) });
    if (safeguards.length > 0) query.set('safeguards', safeguards.join(','));
    // A run with a language-model side also lists each decision with its stated reason.
    return request<TraceResult & { decisions?: TracedDecision[] }>(
      `/runs/${encodeURIComponent(id)}/trace?${query}`,
    );
  },
  sensitivity: (body: SensitivityRequest, signal?: AbortSignal) =>
    request<SensitivityResponse>('/studies/sensitivity', { ...post(body), signal }),
  uncertainty: (body: UncertaintyRequest, signal?: AbortSignal) =>
    request<UncertaintyResult>('/studies/uncertainty', { ...post(body), signal }),
  /** EventSource cannot send headers: the token goes in the query, accepted on this route only. */
  eventsUrl: (id: string) => {
    const token = accessToken();
    const query = token === null ? '' : `?${new URLSearchParams({ token })}`;
    return `${BASE}/runs/${encodeURIComponent(id)}/events${query}`;
  },
};
