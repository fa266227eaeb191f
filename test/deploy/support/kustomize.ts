import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** A Kubernetes object as rendered. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [key: string]: unknown;
}

interface Kustomization {
  namespace?: string;
  resources?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  patches?: { target: { kind: string; name?: string }; patch: string }[];
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PriorityClass', 'StorageClass']);
const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'labels', 'images', 'replicas', 'patches']);

/**
 * Builds a kustomization the way `kubectl kustomize` does, for the features k8s/ uses (resources,
 * namespace, labels without selectors, images, replicas, inline JSON 6902 patches), so the
 * manifests can be checked without a kustomize binary. Any other field is an error, so a
 * kustomization that grows a feature this does not know fails the test instead of being misread.
 */
export function buildKustomization(dir: string): K8sObject[] {
  const file = join(dir, 'kustomization.yaml');
  const kustomization = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unknown = Object.keys(kustomization).filter((key) => !KNOWN_FIELDS.has(key));
  if (unknown.length > 0) throw new Error(`${file}: fields not supported by the test's renderer: ${unknown.join(', ')}`);
  const objects = (kustomization.resources ?? []).flatMap((entry) => {
    const path = resolve(dir, entry);
    if (statSync(path).isDirectory()) return buildKustomization(path);
    return parseAllDocuments(readFileSync(path, 'utf8'))
      .map((document) => document.toJS() as K8sObject | null)
      .filter((object): object is K8sObject => object !== null);
  });
  for (const object of objects) {
    if (kustomization.namespace !== undefined && !CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    for (const label of kustomization.labels ?? []) {
      if (label.includeSelectors === true || label.includeTemplates === true) throw new Error(`${file}: only labels without selectors/templates are supported`);
      object.metadata.labels = { ...object.metadata.labels, ...label.pairs };
    }
    for (const image of kustomization.images ?? []) setImage(object, image);
    for (const replicas of kustomization.replicas ?? []) {
      if (object.kind === 'Deployment' && object.metadata.name === replicas.name) (object.spec as Record<string, unknown>).replicas = replicas.count;
    }
    for (const patch of kustomization.patches ?? []) {
      if (patch.target.kind !== object.kind || (patch.target.name !== undefined && patch.target.name !== object.metadata.name)) continue;
      applyJsonPatch(object, parse(patch.patch) as JsonPatchOperation[]);
    }
  }
  return objects;
}

function setImage(object: K8sObject, image: { name: string; newName?: string; newTag?: string }): void {
  const podSpec = ((object.spec?.template as { spec?: { containers?: { image: string }[] } } | undefined)?.spec ??
    (object.spec?.jobTemplate as { spec?: { template?: { spec?: { containers?: { image: string }[] } } } } | undefined)?.spec?.template?.spec);
  for (const container of podSpec?.containers ?? []) {
    const [name, tag] = splitImage(container.image);
    if (name !== image.name) continue;
    container.image = `${image.newName ?? name}${image.newTag ?? tag ? `:${image.newTag ?? tag}` : ''}`;
  }
}

function splitImage(image: string): [string, string | undefined] {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? [image.slice(0, colon), image.slice(colon + 1)] : [image, undefined];
}

interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

function applyJsonPatch(object: K8sObject, operations: JsonPatchOperation[]): void {
  for (const operation of operations) {
    const keys = operation.path.split('/').slice(1).map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
    const last = keys.pop();
    if (last === undefined) throw new Error(`patch path ${operation.path} is empty`);
    let parent: unknown = object;
    for (const key of keys) {
      parent = (parent as Record<string, unknown>)[key];
      if (parent === undefined || parent === null) throw new Error(`patch path ${operation.path} does not exist in ${object.kind}/${object.metadata.name}`);
    }
    const target = parent as Record<string, unknown>;
    if (operation.op !== 'add' && !(last in target)) throw new Error(`patch path ${operation.path} does not exist in ${object.kind}/${object.metadata.name}`);
    if (operation.op === 'remove') {
      if (Array.isArray(target)) target.splice(Number(last), 1);
      else delete target[last];
    } else if (Array.isArray(target) && operation.op === 'add') {
      target.splice(last === '-' ? target.length : Number(last), 0, operation.value);
    } else {
      target[last] = operation.value;
    }
  }
}

/** `kubectl kustomize`'s output, when kubectl is on this machine (a cross-check of the renderer). */
export function findKubectl(): string | null {
  for (const folder of (process.env.PATH ?? '').split(':')) {
    const candidate = join(folder, 'kubectl');
    if (folder !== '' && existsSync(candidate)) return candidate;
  }
  return null;
}

export const K8S_DIR = resolve(dirname(new URL(import.meta.url).pathname), '../../../k8s');
