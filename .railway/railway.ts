// Railway Infrastructure as Code for credential-health: `railway config plan`, then
// `railway config apply` (Railway CLI 5.42.1 or newer). It replaces railway.json, which Railway
// reads only for services that already used it, until 2026-12-01; a service cannot be managed by
// both, so migrate with `railway config migrate --lang ts` and delete railway.json then.
//
// Two variants of the state store (see the README, "Where the state lives"):
//   "volume"   one instance, the state file on a volume: the simplest, but a volume allows one
//              deployment at a time, so a redeploy has a short outage;
//   "postgres" replicas and zero-downtime deploys: the state lives in a managed PostgreSQL
//              (DATABASE_URL), shared by every replica and every environment of the service.
// Pick one with STATE_STORE below.
//
// Every credential is declared with preserve(): an apply keeps the value Railway already holds,
// so it can never wipe a key, and no value ever lives in this file. Set values out of band:
//   railway variable set KRAKEN_USER_TANIA_API_KEY --stdin --service credential-health
import { defineRailway, postgres, preserve, project, service, volume } from "railway/iac";

/** Every broker credential variable of the built-in registry (application.yaml). */
export const CREDENTIAL_VARIABLES = [
  "COINBASE_API_KEY",
  "COINBASE_API_SECRET",
  "KRAKEN_MASTER_API_KEY",
  "KRAKEN_MASTER_API_SECRET",
  "ALPACA_API_KEY",
  "ALPACA_API_SECRET",
  "KRAKEN_USER_DAIVON_API_KEY",
  "KRAKEN_USER_DAIVON_API_SECRET",
  "KRAKEN_USER_TANIA_API_KEY",
  "KRAKEN_USER_TANIA_API_SECRET",
  "ALPACA_USER_TANIA_API_KEY",
  "ALPACA_USER_TANIA_API_SECRET",
  "ALPACA_USER_TANIA_PAPER",
] as const;

export const HEALTHCHECK_PATH = "/actuator/health/readiness";

export type StateStore = "volume" | "postgres";

/** The variant `railway config apply` deploys. */
export const STATE_STORE = "volume" as StateStore;

const credentials = () => Object.fromEntries(CREDENTIAL_VARIABLES.map((name) => [name, preserve()]));

const common = {
  build: { builder: "DOCKERFILE", dockerfilePath: "Dockerfile" },
  // Railway switches traffic to a new deployment only once this answers 200, i.e. once every
  // required account is configured; otherwise the previous deployment keeps running.
  healthcheck: HEALTHCHECK_PATH,
  healthcheckTimeout: 120,
  deploy: { restartPolicyType: "ON_FAILURE", restartPolicyMaxRetries: 10 },
} as const;

/** One instance; the checker's state file (last-seen times, fingerprints) on a volume. */
export const withVolume = defineRailway(() => {
  const state = volume("credential-health-state", { sizeMB: 512 });
  const credentialHealth = service("credential-health", {
    ...common,
    env: {
      // A fixed port keeps the bot's private URL stable: http://credential-health.railway.internal:8080
      PORT: "8080",
      CREDENTIALS_STATE_FILE: "/data/credential-state.json",
      // Railway mounts volumes root-owned: start as root so scripts/start.sh can hand /data to
      // the image's non-root user and drop to it before Java starts.
      RAILWAY_RUN_UID: "0",
      ...credentials(),
    },
    volumeMounts: { "/data": state },
  });
  return project("credential-health", { resources: [state, credentialHealth] });
});

/** Replicas and zero-downtime deploys: the state in a managed PostgreSQL shared through DATABASE_URL. */
export const withPostgres = defineRailway(() => {
  const db = postgres("credential-health-db");
  const credentialHealth = service("credential-health", {
    ...common,
    replicas: 2,
    env: {
      PORT: "8080",
      DATABASE_URL: db.env.DATABASE_URL,
      ...credentials(),
    },
  });
  return project("credential-health", { resources: [db, credentialHealth] });
});

export default STATE_STORE === "postgres" ? withPostgres : withVolume;
