-- State of the credential-health checker, shared by every replica and environment of a service.
-- No value is ever stored: only HMAC fingerprints keyed by the per-service salt.

-- One salt per service, inserted by whichever instance comes first, so that fingerprints agree
-- across replicas and environments.
CREATE TABLE credential_health_salt (
    service TEXT PRIMARY KEY,
    salt TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What each environment of each service remembers of each variable.
CREATE TABLE credential_health_variable (
    environment TEXT NOT NULL,
    service TEXT NOT NULL,
    variable TEXT NOT NULL,
    -- when the current value (fingerprint) was first seen valid
    first_seen TIMESTAMPTZ,
    -- the newest check, of any replica, that saw it valid: never moves back
    last_seen_valid TIMESTAMPTZ,
    fingerprint TEXT,
    -- the deployment and commit of that newest valid sighting
    deployment TEXT,
    git_commit TEXT,
    -- VALID, ABSENT or UNUSABLE at the newest observation
    last_condition TEXT NOT NULL,
    lost_since TIMESTAMPTZ,
    last_change TIMESTAMPTZ,
    -- when the newest observation was written: decides which replica's condition wins
    observed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (environment, service, variable),
    CONSTRAINT credential_health_variable_condition CHECK (last_condition IN ('VALID', 'ABSENT', 'UNUSABLE'))
);

-- The fleet view: one service, every environment.
CREATE INDEX credential_health_variable_service ON credential_health_variable (service, variable);
