import { isIP } from 'node:net';
import { z } from 'zod';
import { type RetentionRule, retentionRules } from '../domain/dossiers/retention.ts';

/** Everything the server reads from the environment, checked once at boot (fail fast, readable message). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  /** A streaming replica of DATABASE_URL for the register and the reports (docs/deployment.md). */
  READ_DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins per minute from one IP address, whatever the accounts (one office may share an address). */
  LOGIN_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(50),
  /** Sign-up requests per hour from one IP address. */
  SIGNUP_MAX_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Proxies whose X-Forwarded-For is believed: addresses or CIDR ranges (comma-separated), or a hop count. */
  TRUST_PROXY: z
    .string()
    .refine(isTrustProxy, {
      error:
        'attendu : des adresses IP ou plages CIDR séparées par des virgules (10.0.0.1,10.1.0.0/16), loopback, ou un nombre de relais',
    })
    .optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_LABEL: z.string().default('FranceConnect'),
  NODE_ENV: z.string().default('development'),
  /** smtp://user:pass@host:port (smtps:// for implicit TLS); unset: e-mails are logged as disabled, not sent. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Recours <ne-pas-repondre@recours.local>'),
  /** Background jobs (deadline reminders, e-mails) through pg-boss; 'false' for one-off processes. */
  JOBS_ENABLED: z.enum(['true', 'false']).default('true'),
  /** When the deadline-reminders job runs (cron, Europe/Paris), besides once at start. */
  REMINDERS_CRON: z.string().default('*/15 * * * *'),
  /** Ed25519 key signing the history's checkpoints (PEM or base64 PKCS#8); unset: DATA_DIR/audit-signing-key.pem. */
  AUDIT_SIGNING_KEY: z.string().optional(),
  /** Ids of former signing keys whose checkpoints stay valid after a rotation, comma-separated. */
  AUDIT_TRUSTED_KEY_IDS: z.string().default(''),
  /** When the history is sealed by a signed checkpoint (cron). */
  AUDIT_CHECKPOINT_CRON: z.string().default('* * * * *'),
  /** When the retention purge runs (cron, Europe/Paris): once a night by default. */
  RETENTION_PURGE_CRON: z.string().default('30 3 * * *'),
  /** Optional language model for the triage (docs/triage.md): an OpenAI-compatible base URL and a model name. */
  TRIAGE_LLM_URL: z.string().url().optional(),
  TRIAGE_LLM_MODEL: z.string().optional(),
  TRIAGE_LLM_API_KEY: z.string().optional(),
  /** SMTP listener for the organisations' complaints addresses (docs/intake.md); unset: no listener. */
  INTAKE_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  INTAKE_SMTP_HOST: z.string().default('127.0.0.1'),
});

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isTrustProxy(value: string): boolean {
  if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 10;
  return value.split(',').every((raw) => {
    const entry = raw.trim();
    if (PROXY_NAMES.has(entry)) return true;
    const [address, bits, extra] = entry.split('/');
    if (extra !== undefined || !address || !isIP(address)) return false;
    if (bits === undefined) return true;
    const max = isIP(address) === 4 ? 32 : 128;
    return /^\d+$/.test(bits) && Number(bits) <= max;
  });
}

/** Fastify's trustProxy from TRUST_PROXY: nothing trusted by default (X-Forwarded-For is then ignored). */
function trustProxyOf(value: string | undefined): false | number | string[] {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  readDatabaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  logLevel: string;
  loginMaxPerMinute: number;
  loginMaxPerIpPerMinute: number;
  signupMaxPerHour: number;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses and ranges. */
  trustProxy: false | number | string[];
  seedDemo: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; label: string } | undefined;
  mail: { smtpUrl: string | undefined; from: string };
  jobs: { enabled: boolean; remindersCron: string; auditCheckpointCron: string; retentionPurgeCron: string };
  /** The retention periods (src/domain/dossiers/retention.ts) with their RETENTION_* overrides. */
  retention: RetentionRule[];
  audit: { signingKey: string | undefined; trustedKeyIds: string[] };
  /** Off unless both TRIAGE_LLM_URL and TRIAGE_LLM_MODEL are set. */
  triageLlm: { url: string; model: string; apiKey: string | undefined } | undefined;
  /** E-mail intake listener; undefined when INTAKE_SMTP_PORT is unset. */
  intakeSmtp: { port: number; host: string } | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in a shell.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')} : ${i.message}`);
    throw new Error(`Configuration invalide (variables d'environnement) :\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  // A malformed period stops the boot rather than keeping data forever or erasing it at once.
  const retention = retentionRules(present);
  if (!retention.ok)
    throw new Error(`Configuration invalide (variables d'environnement) :\n  - ${retention.error.message}`);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    readDatabaseUrl: e.READ_DATABASE_URL,
    dataDir: e.DATA_DIR,
    publicUrl,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : publicUrl.startsWith('https:'),
    logLevel: e.LOG_LEVEL,
    loginMaxPerMinute: e.LOGIN_MAX_PER_MINUTE,
    loginMaxPerIpPerMinute: e.LOGIN_MAX_PER_IP_PER_MINUTE,
    signupMaxPerHour: e.SIGNUP_MAX_PER_HOUR,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    seedDemo: e.SEED_DEMO === 'true',
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            label: e.OIDC_LABEL,
          }
        : undefined,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    jobs: {
      enabled: e.JOBS_ENABLED === 'true',
      remindersCron: e.REMINDERS_CRON,
      auditCheckpointCron: e.AUDIT_CHECKPOINT_CRON,
      retentionPurgeCron: e.RETENTION_PURGE_CRON,
    },
    retention: retention.value,
    audit: {
      signingKey: e.AUDIT_SIGNING_KEY,
      trustedKeyIds: e.AUDIT_TRUSTED_KEY_IDS.split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    },
    triageLlm:
      e.TRIAGE_LLM_URL && e.TRIAGE_LLM_MODEL
        ? { url: e.TRIAGE_LLM_URL, model: e.TRIAGE_LLM_MODEL, apiKey: e.TRIAGE_LLM_API_KEY }
        : undefined,
    intakeSmtp: e.INTAKE_SMTP_PORT ? { port: e.INTAKE_SMTP_PORT, host: e.INTAKE_SMTP_HOST } : undefined,
  };
}
