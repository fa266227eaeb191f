import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseEnv } from './config.js';

/**
 * Where attachment bytes live: a content-addressed store keyed by the bytes' sha256. Bytes never
 * travel over NATS (1 MB messages); services hand each other the hash and read the store. Two
 * implementations: a directory (default) and an S3-compatible bucket.
 */
export interface BlobStore {
  readonly name: string;
  /** Stores the bytes under their hash; `created: false` when they were there already (idempotent). */
  put(sha256: string, bytes: Uint8Array): Promise<{ created: boolean }>;
  has(sha256: string): Promise<boolean>;
  /** The bytes, or null when the store has none under that hash. */
  get(sha256: string): Promise<Uint8Array | null>;
  delete(sha256: string): Promise<void>;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Only a hex sha256 names a blob: no path of a caller's ever reaches the file system or the bucket. */
function blobName(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('blob names are hex sha256 digests');
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

/** A directory: one file per blob, written to a temporary name and renamed, so a reader never sees half a file. */
export class FileSystemBlobStore implements BlobStore {
  readonly name = 'fs';
  private readonly root: string;

  constructor(directory: string) {
    this.root = resolve(directory);
  }

  async put(sha256: string, bytes: Uint8Array): Promise<{ created: boolean }> {
    const path = join(this.root, blobName(sha256));
    if (await this.has(sha256)) return { created: false };
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
    return { created: true };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(join(this.root, blobName(sha256)));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(join(this.root, blobName(sha256))));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(join(this.root, blobName(sha256)), { force: true });
  }
}

export interface S3BlobStoreOptions {
  endpoint: string | null;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Prefix of every key (the namespace), so runs and deployments can share a bucket. */
  prefix: string;
}

type S3Module = typeof import('@aws-sdk/client-s3');

/** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode) through the AWS SDK, signed with SigV4. */
export class S3BlobStore implements BlobStore {
  readonly name = 's3';
  private client: Promise<{ sdk: S3Module; client: InstanceType<S3Module['S3Client']> }> | null = null;

  constructor(private readonly options: S3BlobStoreOptions) {}

  async put(sha256: string, bytes: Uint8Array): Promise<{ created: boolean }> {
    if (await this.has(sha256)) return { created: false };
    const { sdk, client } = await this.sdk();
    await client.send(new sdk.PutObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256), Body: bytes, ContentLength: bytes.byteLength }));
    return { created: true };
  }

  async has(sha256: string): Promise<boolean> {
    const { sdk, client } = await this.sdk();
    try {
      await client.send(new sdk.HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      return true;
    } catch (error) {
      if (isMissing(sdk, error)) return false;
      throw error;
    }
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    const { sdk, client } = await this.sdk();
    try {
      const answer = await client.send(new sdk.GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      return answer.Body === undefined ? new Uint8Array() : await answer.Body.transformToByteArray();
    } catch (error) {
      if (isMissing(sdk, error)) return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    const { sdk, client } = await this.sdk();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
  }

  private key(sha256: string): string {
    return `${this.options.prefix}${blobName(sha256)}`;
  }

  /** The SDK is loaded on first use: services that store nothing in S3 never load it. */
  private sdk(): Promise<{ sdk: S3Module; client: InstanceType<S3Module['S3Client']> }> {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: this.options.region,
        ...(this.options.endpoint === null ? {} : { endpoint: this.options.endpoint }),
        forcePathStyle: this.options.forcePathStyle,
        credentials: { accessKeyId: this.options.accessKeyId, secretAccessKey: this.options.secretAccessKey },
      }),
    }));
    return this.client;
  }
}

function isMissing(sdk: S3Module, error: unknown): boolean {
  return error instanceof sdk.NoSuchKey || error instanceof sdk.NotFound || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;
}

const storeSchema = z
  .object({
    SANSHEN_NAMESPACE: z.string().default(''),
    ATTACHMENT_STORE: z.enum(['fs', 's3']).default('fs'),
    ATTACHMENT_DIR: z.string().min(1).default('var/attachments'),
    ATTACHMENT_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
    ATTACHMENT_S3_REGION: z.string().min(1).default('us-east-1'),
    ATTACHMENT_S3_BUCKET: z.string().min(3).optional(),
    ATTACHMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    ATTACHMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    ATTACHMENT_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  })
  .superRefine((env, context) => {
    if (env.ATTACHMENT_STORE !== 's3') return;
    for (const variable of ['ATTACHMENT_S3_BUCKET', 'ATTACHMENT_S3_ACCESS_KEY_ID', 'ATTACHMENT_S3_SECRET_ACCESS_KEY'] as const) {
      if (env[variable] === undefined) context.addIssue({ code: 'custom', path: [variable], message: 'required when ATTACHMENT_STORE=s3' });
    }
  });

/** The attachment store the environment names (ATTACHMENT_STORE, ATTACHMENT_DIR, ATTACHMENT_S3_*), checked at boot. */
export function loadBlobStore(env: NodeJS.ProcessEnv): BlobStore {
  const parsed = parseEnv(storeSchema, env);
  const namespace = parsed.SANSHEN_NAMESPACE;
  if (parsed.ATTACHMENT_STORE === 'fs') return new FileSystemBlobStore(parsed.ATTACHMENT_DIR);
  return new S3BlobStore({
    endpoint: parsed.ATTACHMENT_S3_ENDPOINT ?? null,
    region: parsed.ATTACHMENT_S3_REGION,
    bucket: parsed.ATTACHMENT_S3_BUCKET ?? '',
    accessKeyId: parsed.ATTACHMENT_S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: parsed.ATTACHMENT_S3_SECRET_ACCESS_KEY ?? '',
    forcePathStyle: parsed.ATTACHMENT_S3_FORCE_PATH_STYLE === 'true',
    prefix: namespace === '' ? '' : `${namespace}/`,
  });
}
