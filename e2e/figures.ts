import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

// What the server counted and what the page showed, turned into the figures the note reports:
// requests per session until it settled versus the fewest the scripted timeline allows, and
// the time from the server's status change to the page showing it.

export const E2E_DIR = fileURLToPath(new URL('../test-results/e2e', import.meta.url));

export interface RequestRecord {
  at: number;
  httpStatus: number;
  outcome: string;
  sessionStatus?: string;
  refunds?: 'pending' | 'settled' | 'none' | null;
}

/** GET /__admin/requests?sessionId= */
export interface SessionLog {
  sessionId: string;
  count: number;
  preflights: number;
  startedAt: number | null;
  statusChanges: { status: string; refunds: string | null; at: number }[];
  requests: RequestRecord[];
}

/** A status the page put on screen (`data-status`), with the browser's clock (same machine as the server). */
export interface SeenStatus {
  key: string;
  status: string;
  at: number;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'REVERSED']);

/** Settled: terminal, and (when refunds are followed) no refund still PENDING. */
export function isSettled(request: RequestRecord, followRefunds: boolean): boolean {
  return (
    request.httpStatus === 200 &&
    TERMINAL.has(request.sessionStatus ?? '') &&
    !(followRefunds && request.refunds === 'pending')
  );
}

export interface SessionFigures {
  sessionId: string;
  /** GETs up to and including the first that saw the session settled. */
  requestsUntilSettled: number;
  /** GETs after that one: the kit should send none. */
  requestsAfterSettled: number;
  /** One request per state of the script: the fewest that can show every state. */
  minimum: number;
  preflights: number;
  /** Milliseconds between consecutive GETs, as the server saw them. */
  gaps: number[];
  /** Milliseconds from each scripted change to the page showing it; null when never shown. */
  latencies: (number | null)[];
  /** Milliseconds from each scripted change to the first request after it. */
  requestDelays: number[];
}

export function analyseSession(log: SessionLog, seen: SeenStatus[], followRefunds = false): SessionFigures {
  const settledIndex = log.requests.findIndex((request) => isSettled(request, followRefunds));
  const requestsUntilSettled = settledIndex === -1 ? log.requests.length : settledIndex + 1;
  const changes = log.statusChanges.slice(1);
  return {
    sessionId: log.sessionId,
    requestsUntilSettled,
    requestsAfterSettled: log.requests.length - requestsUntilSettled,
    minimum: log.statusChanges.length,
    preflights: log.preflights,
    gaps: log.requests.slice(1).map((request, index) => request.at - (log.requests[index]?.at ?? request.at)),
    latencies: changes.map((change) => {
      const shown = seen.find((entry) => entry.status === change.status && entry.at >= change.at - 50);
      return shown ? shown.at - change.at : null;
    }),
    requestDelays: changes.map((change) => {
      const next = log.requests.find((request) => request.at >= change.at);
      return next ? next.at - change.at : Number.NaN;
    }),
  };
}

export interface Figure {
  scenario: string;
  pollIntervalMs: number;
  sessions: SessionFigures[];
  /** The machine's 1-minute load average when measured: the figures depend on it. */
  loadAverage?: number;
  /** Figures of the scenario that are not per session (requests per period, main-thread busy share, …). */
  measures?: Record<string, string | number>;
}

export function recordFigure(name: string, figure: Figure) {
  const dir = `${E2E_DIR}/figures`;
  mkdirSync(dir, { recursive: true });
  const loadAverage = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  writeFileSync(`${dir}/${name}.json`, `${JSON.stringify({ ...figure, loadAverage }, null, 2)}\n`);
}

/** The q-quantile (0.5: median) of the finite values; NaN when there are none. */
export function quantile(values: readonly (number | null)[], q: number): number {
  const sorted = values.filter((value): value is number => Number.isFinite(value)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function stats(values: number[]) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return 'n/a';
  const pick = (q: number) => quantile(sorted, q);
  return sorted.length === 1 ? `${sorted[0]}` : `median ${pick(0.5)}, p95 ${pick(0.95)}, max ${sorted.at(-1)}`;
}

/** One markdown table for the note and the CI log. */
export function formatFigures(figures: Figure[]): string {
  const rows = figures.map((figure) => {
    const sum = (pick: (session: SessionFigures) => number) =>
      figure.sessions.reduce((total, session) => total + pick(session), 0);
    const latencies = figure.sessions.flatMap((session) => session.latencies.map((value) => value ?? Number.NaN));
    return [
      figure.scenario,
      `${figure.pollIntervalMs} ms`,
      figure.sessions.length,
      `${sum((session) => session.requestsUntilSettled)} (${stats(figure.sessions.map((session) => session.requestsUntilSettled))})`,
      sum((session) => session.minimum),
      sum((session) => session.requestsAfterSettled),
      sum((session) => session.preflights),
      `${stats(latencies)} ms`,
      `${stats(figure.sessions.flatMap((session) => session.gaps))} ms`,
      figure.loadAverage ?? '',
    ].join(' | ');
  });
  const measures = figures
    .filter((figure) => figure.measures && Object.keys(figure.measures).length > 0)
    .map((figure) =>
      [
        `\n**${figure.scenario}** (load average ${figure.loadAverage ?? 'n/a'})\n`,
        '| measure | value |',
        '|---|---|',
        ...Object.entries(figure.measures ?? {}).map(([name, value]) => `| ${name} | ${value} |`),
      ].join('\n'),
    );
  return [
    '| scenario | poll interval | sessions | GETs until settled (per session) | minimum for the timeline | GETs after settled | CORS preflights | status change → on screen | gap between GETs | load average |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    ...measures,
  ].join('\n');
}
