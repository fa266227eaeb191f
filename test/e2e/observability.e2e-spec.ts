import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/api.js';
import { ROOT, startSystem } from './support/system.js';
import type { AppName, RunningSystem } from './support/system.js';

/**
 * The alert rules and the dashboard in deploy/observability use only metrics that the running
 * services expose (a renamed or removed metric would silently blind them otherwise).
 */
const RULES = parse(readFileSync(`${ROOT}deploy/observability/alerts.yaml`, 'utf8')) as {
  groups: { name: string; rules: { alert: string; expr: string; labels: { severity: string }; annotations: { summary: string } }[] }[];
};
const DASHBOARD = JSON.parse(readFileSync(`${ROOT}deploy/observability/grafana-dashboard.json`, 'utf8')) as {
  panels: { title: string; targets: { expr: string }[] }[];
};

/** Series Prometheus makes itself, not the services. */
const PROMETHEUS_OWN = new Set(['up']);
const HISTOGRAM_SUFFIXES = /_(bucket|count|sum)$/;
const PROMQL_WORDS = new Set(['sum', 'by', 'rate', 'increase', 'histogram_quantile', 'max', 'time', 'le', 'without', 'on', 'and', 'or']);

function metricNames(expr: string): string[] {
  // Drop label matchers and their values, then keep identifiers that are not PromQL functions.
  const bare = expr.replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]/g, '').replace(/by \([^)]*\)/g, '');
  return [...bare.matchAll(/[a-z_][a-z0-9_]*/g)].map((match) => match[0]).filter((word) => !PROMQL_WORDS.has(word) && word.includes('_'));
}

const used = new Map<string, string[]>();
for (const group of RULES.groups) for (const rule of group.rules) for (const name of metricNames(rule.expr)) used.set(name, [...(used.get(name) ?? []), `alert ${rule.alert}`]);
for (const panel of DASHBOARD.panels) for (const target of panel.targets) for (const name of metricNames(target.expr)) used.set(name, [...(used.get(name) ?? []), `panel ${panel.title}`]);

let system: RunningSystem;
const exposed = new Map<string, Set<string>>();

beforeAll(async () => {
  system = await startSystem();
  // Some traffic, so the request histograms have series with labels.
  const drafter = await signIn(system, 'gx_drafter');
  await drafter.get('/api/v1/documents');
  for (const [app, port] of Object.entries(system.ports) as [AppName, number][]) {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status, app).toBe(200);
    const text = await response.text();
    for (const [, name] of text.matchAll(/^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) /gm)) {
      exposed.set(name as string, new Set([...(exposed.get(name as string) ?? []), app]));
    }
  }
});

afterAll(async () => {
  await system?.stop();
});

describe('deploy/observability', () => {
  it('has well-formed alert rules (severity, summary) and a dashboard with queries', () => {
    const rules = RULES.groups.flatMap((group) => group.rules);
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) {
      expect(['critical', 'warning', 'info'], rule.alert).toContain(rule.labels.severity);
      expect(rule.annotations.summary, rule.alert).toBeTruthy();
    }
    expect(DASHBOARD.panels.length).toBeGreaterThan(5);
    expect(used.size).toBeGreaterThan(10);
  });

  it('uses only metrics the services expose', () => {
    const missing = [...used].filter(([name]) => !PROMETHEUS_OWN.has(name) && !exposed.has(name.replace(HISTOGRAM_SUFFIXES, '')));
    expect(missing.map(([name, where]) => `${name} (${where.join('; ')})`)).toEqual([]);
  });

  it('exposes each domain metric from the service that owns the data', () => {
    const owner = (name: string) => [...(exposed.get(name) ?? [])].sort();
    expect(owner('sanshen_documents')).toEqual(['audit']);
    expect(owner('sanshen_review_tasks_open')).toEqual(['review']);
    expect(owner('sanshen_publications')).toEqual(['publication']);
    expect(owner('sanshen_queue_jobs')).toEqual(['publication', 'review']);
    expect(owner('sanshen_outbox_pending_events')).toEqual(['drafting', 'publication', 'review', 'secrecy']);
    expect(owner('sanshen_http_request_duration_seconds')).toHaveLength(7);
  });
});
