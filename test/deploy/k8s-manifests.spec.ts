import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { K8S_DIR, buildKustomization, findKubectl } from './support/kustomize.js';
import type { K8sObject } from './support/kustomize.js';
import { deployedNodeOptions } from '../../bench/system/processes.js';

/**
 * The Kubernetes manifests, rendered per overlay and checked against the Kubernetes JSON schemas
 * that the kubernetes-models packages ship (validators generated from the Kubernetes OpenAPI
 * definitions; nothing is downloaded), then against what this deployment promises.
 */
const OVERLAYS = { dev: { namespace: 'sanshen-dev', streamReplicas: '1' }, prod: { namespace: 'sanshen', streamReplicas: '3' } } as const;
const SERVICES = { gateway: 3000, drafting: 3001, review: 3002, secrecy: 3003, publication: 3004, audit: 3005, portal: 3100 } as const;
const PUBLIC = ['gateway', 'portal'];

interface Validating {
  validate(): void;
}

async function validateSchema(object: K8sObject): Promise<void> {
  const [group, version] = object.apiVersion.includes('/') ? object.apiVersion.split('/') : [null, object.apiVersion];
  const module =
    group === 'monitoring.coreos.com'
      ? `@kubernetes-models/prometheus-operator/${group}/${version}/${object.kind}`
      : `kubernetes-models/${group === null ? '' : `${group}/`}${version}/${object.kind}`;
  const models = (await import(module)) as Record<string, new (data: unknown) => Validating>;
  const Model = models[object.kind];
  if (Model === undefined) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

function byKind(objects: K8sObject[], kind: string): K8sObject[] {
  return objects.filter((object) => object.kind === kind);
}

type Container = {
  image: string;
  ports: { name: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  livenessProbe: { httpGet: { path: string; port: string } };
  readinessProbe: { httpGet: { path: string; port: string } };
  startupProbe: { httpGet: { path: string; port: string } };
};

function containerOf(deployment: K8sObject): Container {
  const containers = (deployment.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers;
  expect(containers).toHaveLength(1);
  return containers[0] as Container;
}

/** The services (by app.kubernetes.io/name) a pod selector picks. */
function selected(selector: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values: string[] }[] }): string[] {
  let names: string[] = Object.keys(SERVICES);
  const label = selector.matchLabels?.['app.kubernetes.io/name'];
  if (label !== undefined) names = names.filter((name) => name === label);
  for (const expression of selector.matchExpressions ?? []) {
    expect(expression.key).toBe('app.kubernetes.io/name');
    names = names.filter((name) => (expression.operator === 'In' ? expression.values.includes(name) : !expression.values.includes(name)));
  }
  return names;
}

interface Peer {
  namespaceSelector?: { matchLabels?: Record<string, string> };
  podSelector?: { matchLabels?: Record<string, string> };
}
interface PolicySpec {
  podSelector: Parameters<typeof selected>[0];
  policyTypes: string[];
  ingress?: { from?: Peer[]; ports?: { port: number | string }[] }[];
  egress?: { to?: Peer[]; ports?: { port: number | string }[] }[];
}

function peerName(peer: Peer): string {
  const namespace = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
  const pod = peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] ?? peer.podSelector?.matchLabels?.['k8s-app'];
  return namespace === undefined ? `pod:${pod ?? '*'}` : `${namespace}${pod === undefined ? '' : `/${pod}`}`;
}

describe.each(Object.entries(OVERLAYS))('overlay %s', (overlay, expected) => {
  const objects = buildKustomization(join(K8S_DIR, 'overlays', overlay));

  it('matches the Kubernetes schemas, object by object', async () => {
    expect(objects.length).toBeGreaterThan(20);
    for (const object of objects) {
      await expect(validateSchema(object), `${object.kind}/${object.metadata.name}`).resolves.toBeUndefined();
    }
  });

  it('puts everything in its own namespace', () => {
    expect(byKind(objects, 'Namespace').map((object) => object.metadata.name)).toEqual([expected.namespace]);
    for (const object of objects.filter((entry) => entry.kind !== 'Namespace')) expect(object.metadata.namespace).toBe(expected.namespace);
  });

  it('runs every service with separate liveness and readiness probes, listening beyond loopback', () => {
    const deployments = byKind(objects, 'Deployment');
    expect(deployments.map((object) => object.metadata.name).sort()).toEqual(Object.keys(SERVICES).sort());
    for (const deployment of deployments) {
      const container = containerOf(deployment);
      const port = SERVICES[deployment.metadata.name as keyof typeof SERVICES];
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(container.env?.find((entry) => entry.name === 'PORT')?.value).toBe(String(port));
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
      expect(container.image).toMatch(/^registry\.example\.gov\.cn\/sanshen\/sanshen:.+$/);
    }
    const config = byKind(objects, 'ConfigMap')[0];
    expect(config?.data?.HOST).toBe('0.0.0.0');
    expect(config?.data?.STREAM_REPLICAS).toBe(expected.streamReplicas);
  });

  it('runs every service with the heap bounds and the idle memory release the image sets, which the system benchmark measures', () => {
    const options = deployedNodeOptions().join(' ');
    expect(options).toMatch(/--max-old-space-size=\d+/);
    expect(options).toContain('--expose-gc');
    for (const deployment of byKind(objects, 'Deployment')) {
      expect(containerOf(deployment).env?.find((entry) => entry.name === 'NODE_OPTIONS')?.value, deployment.metadata.name).toBe(options);
    }
  });

  it('gives the attachment store a writable shared volume: one for gateway, drafting and publication, the portal its own', () => {
    const claims = byKind(objects, 'PersistentVolumeClaim');
    for (const claim of claims) expect((claim.spec as { accessModes: string[] }).accessModes).toEqual(['ReadWriteMany']);
    const claimOf = (name: string) => {
      const spec = (byKind(objects, 'Deployment').find((object) => object.metadata.name === name)?.spec as {
        template: { spec: { containers: { volumeMounts: { name: string; mountPath: string }[] }[]; volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[] } };
      }).template.spec;
      const mount = spec.containers[0]?.volumeMounts.find((entry) => entry.mountPath === '/var/lib/sanshen/attachments');
      return spec.volumes.find((volume) => volume.name === mount?.name)?.persistentVolumeClaim?.claimName;
    };
    const shared = claimOf('gateway');
    expect(claims.map((claim) => claim.metadata.name)).toContain(shared);
    expect([claimOf('drafting'), claimOf('publication')]).toEqual([shared, shared]);
    expect(claimOf('portal')).toBeDefined();
    expect(claimOf('portal')).not.toBe(shared);
    expect([claimOf('review'), claimOf('secrecy'), claimOf('audit')]).toEqual([undefined, undefined, undefined]);
  });

  it('lets in from outside only the gateway and the portal, over TLS', () => {
    const ingresses = byKind(objects, 'Ingress');
    expect(ingresses).toHaveLength(1);
    const spec = ingresses[0]?.spec as {
      tls: { hosts: string[]; secretName: string }[];
      rules: { host: string; http: { paths: { backend: { service: { name: string } } }[] } }[];
    };
    const tlsHosts = spec.tls.flatMap((entry) => entry.hosts);
    for (const rule of spec.rules) expect(tlsHosts).toContain(rule.host);
    const backends = spec.rules.flatMap((rule) => rule.http.paths.map((path) => path.backend.service.name));
    expect([...new Set(backends)].sort()).toEqual(PUBLIC);
    for (const service of byKind(objects, 'Service')) expect((service.spec as { type?: string }).type ?? 'ClusterIP').toBe('ClusterIP');
  });

  it('denies by default and allows only the documented paths', () => {
    const policies = byKind(objects, 'NetworkPolicy').map((object) => ({ name: object.metadata.name, spec: object.spec as unknown as PolicySpec }));
    const deny = policies.find((policy) => policy.name === 'default-deny');
    expect(deny?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });

    // Ingress: from the ingress controller to gateway/portal, Prometheus to all, publication to portal.
    const ingress = policies.flatMap((policy) =>
      (policy.spec.ingress ?? []).flatMap((rule) =>
        (rule.from ?? [{ namespaceSelector: {} }]).flatMap((peer) => selected(policy.spec.podSelector).map((to) => `${peerName(peer)} -> ${to}`)),
      ),
    );
    const fromOutside = ingress.filter((edge) => !edge.startsWith('monitoring ') && !edge.startsWith('pod:'));
    expect([...new Set(fromOutside)].sort()).toEqual(['ingress-nginx -> gateway', 'ingress-nginx -> portal']);
    expect(ingress.filter((edge) => edge.startsWith('pod:'))).toEqual(['pod:publication -> portal']);

    // Egress: DNS, the data stores each service uses, publication's push to the portal.
    const egress = policies.flatMap((policy) =>
      (policy.spec.egress ?? []).flatMap((rule) =>
        (rule.to ?? [{}]).flatMap((peer) =>
          selected(policy.spec.podSelector).flatMap((from) => (rule.ports ?? [{ port: '*' }]).map((port) => `${from} -> ${peerName(peer)}:${port.port}`)),
        ),
      ),
    );
    const allowed = (from: string) => egress.filter((edge) => edge.startsWith(`${from} -> `)).map((edge) => edge.slice(from.length + 4)).sort();
    const dns = ['kube-system/kube-dns:53', 'kube-system/kube-dns:53'];
    expect(allowed('portal')).toEqual([...dns, 'postgres:5432'].sort());
    expect(allowed('publication')).toEqual([...dns, 'nats:4222', 'pod:portal:3100', 'postgres:5432', 'redis:6379'].sort());
    expect(allowed('gateway')).toEqual([...dns, 'nats:4222', 'postgres:5432', 'redis:6379'].sort());
    for (const service of ['drafting', 'secrecy', 'audit']) expect(allowed(service)).toEqual([...dns, 'nats:4222', 'postgres:5432'].sort());
    expect(allowed('review')).toEqual([...dns, 'nats:4222', 'postgres:5432', 'redis:6379'].sort());
  });

  it('keeps a disruption budget for every replicated service, and scrapes every Service', () => {
    const budgets = byKind(objects, 'PodDisruptionBudget').map(
      (object) => (object.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels['app.kubernetes.io/name'],
    );
    expect(budgets.sort()).toEqual(Object.keys(SERVICES).filter((name) => name !== 'audit').sort());
    const monitors = byKind(objects, 'ServiceMonitor');
    expect(monitors).toHaveLength(1);
    const monitor = monitors[0]?.spec as { selector: { matchLabels: Record<string, string> }; endpoints: { port: string; path: string }[] };
    expect(monitor.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    for (const service of byKind(objects, 'Service')) {
      expect(service.metadata.labels).toMatchObject(monitor.selector.matchLabels);
      expect((service.spec as { ports: { name: string }[] }).ports.map((port) => port.name)).toContain('http');
    }
  });

  const kubectl = findKubectl();
  it.skipIf(kubectl === null)('renders exactly as kubectl kustomize does (where kubectl is installed)', () => {
    const output = execFileSync(kubectl as string, ['kustomize', join(K8S_DIR, 'overlays', overlay)], { encoding: 'utf8' });
    const reference = parseAllDocuments(output).map((document) => document.toJS() as K8sObject);
    const key = (object: K8sObject) => `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    const sort = (list: K8sObject[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sort(objects)).toEqual(sort(reference));
  });
});

describe('manifests kept beside the overlays', () => {
  it.each(['jobs/agency-create.yaml', 'jobs/platform-admin-create.yaml', 'jobs/migrate.yaml', 'secret.template.yaml'])('%s matches the Kubernetes schemas', async (file) => {
    const documents = parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8')).map((document) => document.toJS() as K8sObject);
    expect(documents.length).toBeGreaterThan(0);
    for (const object of documents) await expect(validateSchema(object)).resolves.toBeUndefined();
  });
});
