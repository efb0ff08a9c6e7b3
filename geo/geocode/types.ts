/** What every geocoder adapter takes and gives, so `run.ts` treats providers alike. */
import type { GeocodeResult } from './cache';
import type { Clock, RateLimiter } from './rateLimiter';

export type GeocodeAnswer = { status: 'ok'; result: GeocodeResult } | { status: 'no_result' };

export interface AdapterOptions {
  /** Scheme + host (+ optional path prefix) of the service; tests point it at 127.0.0.1. */
  baseUrl?: string;
  timeoutMs?: number;
  limiter?: RateLimiter;
  clock?: Clock;
  fetch?: typeof fetch;
}

/** A request that hangs longer than this is a failure, not a slow answer worth waiting for. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Round to 6 decimals (~0.1 m), the precision of every coordinate the pipeline writes. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** `base` + `path`, tolerating a trailing slash on the base. */
export const joinUrl = (base: string, path: string): string => `${base.replace(/\/+$/, '')}${path}`;
