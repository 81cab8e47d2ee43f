// SPDX-License-Identifier: PostgreSQL
#include "catalog/catalog_ddl.h"

#include "catalog/config_tables.h"
#include "catalog/replication_identity.h"
#include "catalog/replication_types.h"
#include "catalog/roles.h"
#include "pg/array.h"
#include "pg/quote.h"

namespace mimeo::catalog {
namespace {

void replaceAll(std::string &text, const std::string &token, const std::string &with)
{
    for (size_t pos = text.find(token); pos != std::string::npos; pos = text.find(token, pos + with.size()))
        text.replace(pos, token.size(), with);
}

// "@S@" stands for the quoted schema; "@SEQ@", "@SOURCES@" and
// "@SOURCE_LIST@" for the names of the sequence, dblink_mapping_mimeo and
// studio_source_list as string literals (a schema name may contain a single
// quote).
std::string withSchema(const char *sqlTemplate, const std::string &quotedSchema)
{
    std::string out(sqlTemplate);
    replaceAll(out, "@SEQ@", pg::quoteLiteral(quotedSchema + ".dblink_mapping_mimeo_data_source_id_seq"));
    replaceAll(out, "@SOURCES@", pg::quoteLiteral(quotedSchema + ".dblink_mapping_mimeo"));
    replaceAll(out, "@SOURCE_LIST@", pg::quoteLiteral(quotedSchema + ".studio_source_list"));
    replaceAll(out, "@S@", quotedSchema);
    return out;
}

// mimeo 1.5.1's catalog. Column order, defaults, constraint names (including
// the misnamed check on refresh_config_table) and the INSERT rules on the
// abstract parents are as the extension creates them; the catalog shape test
// compares them with a real extension install.
constexpr const char *kMimeoTables = R"SQL(
CREATE SEQUENCE @S@.dblink_mapping_mimeo_data_source_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
CREATE TABLE @S@.dblink_mapping_mimeo (
    data_source_id integer NOT NULL DEFAULT nextval(@SEQ@),
    data_source text NOT NULL,
    username text NOT NULL,
    pwd text,
    CONSTRAINT dblink_mapping_mimeo_data_source_id_pkey PRIMARY KEY (data_source_id)
);
ALTER SEQUENCE @S@.dblink_mapping_mimeo_data_source_id_seq OWNED BY @S@.dblink_mapping_mimeo.data_source_id;

CREATE TABLE @S@.refresh_config (
    dest_table text NOT NULL,
    source_table text NOT NULL,
    type text NOT NULL,
    dblink integer NOT NULL,
    last_run timestamp with time zone,
    filter text[],
    condition text,
    period interval,
    batch_limit int,
    jobmon boolean DEFAULT false NOT NULL
);
CREATE RULE refresh_config_parent_nodata AS ON INSERT TO @S@.refresh_config DO INSTEAD NOTHING;

CREATE TABLE @S@.refresh_config_snap (LIKE @S@.refresh_config INCLUDING ALL) INHERITS (@S@.refresh_config);
ALTER TABLE @S@.refresh_config_snap ADD CONSTRAINT refresh_config_snap_dblink_fkey FOREIGN KEY (dblink) REFERENCES @S@.dblink_mapping_mimeo(data_source_id);
ALTER TABLE @S@.refresh_config_snap ADD CONSTRAINT refresh_config_snap_dest_table_pkey PRIMARY KEY (dest_table);
ALTER TABLE @S@.refresh_config_snap ADD COLUMN check_stats boolean DEFAULT true NOT NULL;
ALTER TABLE @S@.refresh_config_snap ADD COLUMN n_tup_ins bigint;
ALTER TABLE @S@.refresh_config_snap ADD COLUMN n_tup_upd bigint;
ALTER TABLE @S@.refresh_config_snap ADD COLUMN n_tup_del bigint;
ALTER TABLE @S@.refresh_config_snap ADD COLUMN post_script text[];
ALTER TABLE @S@.refresh_config_snap ALTER COLUMN type SET DEFAULT 'snap';
ALTER TABLE @S@.refresh_config_snap ADD CONSTRAINT refresh_config_snap_type_check CHECK (type = 'snap');

CREATE TABLE @S@.refresh_config_inserter (LIKE @S@.refresh_config INCLUDING ALL) INHERITS (@S@.refresh_config);
ALTER TABLE @S@.refresh_config_inserter ADD COLUMN control text NOT NULL;
CREATE RULE refresh_config_inserter_parent_nodata AS ON INSERT TO @S@.refresh_config_inserter DO INSTEAD NOTHING;

CREATE TABLE @S@.refresh_config_inserter_time (LIKE @S@.refresh_config INCLUDING ALL) INHERITS (@S@.refresh_config_inserter);
ALTER TABLE @S@.refresh_config_inserter_time ADD CONSTRAINT refresh_config_inserter_time_dblink_fkey FOREIGN KEY (dblink) REFERENCES @S@.dblink_mapping_mimeo(data_source_id);
ALTER TABLE @S@.refresh_config_inserter_time ADD CONSTRAINT refresh_config_inserter_time_dest_table_pkey PRIMARY KEY (dest_table);
ALTER TABLE @S@.refresh_config_inserter_time ADD COLUMN boundary interval NOT NULL DEFAULT '10 minutes'::interval;
ALTER TABLE @S@.refresh_config_inserter_time ADD COLUMN last_value timestamptz NOT NULL;
ALTER TABLE @S@.refresh_config_inserter_time ADD COLUMN dst_active boolean NOT NULL DEFAULT true;
ALTER TABLE @S@.refresh_config_inserter_time ADD COLUMN dst_start int NOT NULL DEFAULT 30;
ALTER TABLE @S@.refresh_config_inserter_time ADD COLUMN dst_end int NOT NULL DEFAULT 230;
ALTER TABLE @S@.refresh_config_inserter_time ALTER COLUMN type SET DEFAULT 'inserter_time';
ALTER TABLE @S@.refresh_config_inserter_time ADD CONSTRAINT refresh_config_inserter_type_check CHECK (type = 'inserter_time');

CREATE TABLE @S@.refresh_config_inserter_serial (LIKE @S@.refresh_config_inserter INCLUDING ALL) INHERITS (@S@.refresh_config_inserter);
ALTER TABLE @S@.refresh_config_inserter_serial ADD CONSTRAINT refresh_config_inserter_serial_dest_table_pkey PRIMARY KEY (dest_table);
ALTER TABLE @S@.refresh_config_inserter_serial ADD CONSTRAINT refresh_config_inserter_serial_dblink_fkey FOREIGN KEY (dblink) REFERENCES @S@.dblink_mapping_mimeo(data_source_id);
ALTER TABLE @S@.refresh_config_inserter_serial ADD COLUMN boundary int NOT NULL DEFAULT 0;
ALTER TABLE @S@.refresh_config_inserter_serial ADD COLUMN last_value bigint NOT NULL DEFAULT 0;
ALTER TABLE @S@.refresh_config_inserter_serial ALTER COLUMN type SET DEFAULT 'inserter_serial';
ALTER TABLE @S@.refresh_config_inserter_serial ADD CONSTRAINT refresh_config_inserter_type_chk CHECK (type = 'inserter_serial');

CREATE TABLE @S@.refresh_config_updater (LIKE @S@.refresh_config INCLUDING ALL) INHERITS (@S@.refresh_config);
ALTER TABLE @S@.refresh_config_updater ADD COLUMN control text NOT NULL;
ALTER TABLE @S@.refresh_config_updater ADD COLUMN pk_name text[] NOT NULL;
ALTER TABLE @S@.refresh_config_updater ADD COLUMN pk_type text[] NOT NULL;
CREATE RULE refresh_config_updater_parent_nodata AS ON INSERT TO @S@.refresh_config_updater DO INSTEAD NOTHING;

CREATE TABLE @S@.refresh_config_updater_time (LIKE @S@.refresh_config INCLUDING ALL) INHERITS (@S@.refresh_config_updater);
ALTER TABLE @S@.refresh_config_updater_time ADD CONSTRAINT refresh_config_updater_time_dblink_fkey FOREIGN KEY (dblink) REFERENCES @S@.dblink_mapping_mimeo(data_source_id);
ALTER TABLE @S@.refresh_config_updater_time ADD CONSTRAINT refresh_config_updater_time_dest_table_pkey PRIMARY KEY (dest_table);
ALTER TABLE @S@.refresh_config_updater_time ADD COLUMN boundary interval NOT NULL DEFAULT '10 minutes'::interval;
ALTER TABLE @S@.refresh_config_updater_time ADD COLUMN last_value timestamptz NOT NULL;
ALTER TABLE @S@.refresh_config_updater_time ADD COLUMN dst_active boolean NOT NULL DEFAULT true;
ALTER TABLE @S@.refresh_config_updater_time ADD COLUMN dst_start int NOT NULL DEFAULT 30;
ALTER TABLE @S@.refresh_config_updater_time ADD COLUMN dst_end int NOT NULL DEFAULT 230;
ALTER TABLE @S@.refresh_config_updater_time ALTER COLUMN type SET DEFAULT 'updater_time';
ALTER TABLE @S@.refresh_config_updater_time ADD CONSTRAINT refresh_config_updater_type_check CHECK (type = 'updater_time');

CREATE TABLE @S@.refresh_config_updater_serial (LIKE @S@.refresh_config_updater INCLUDING ALL) INHERITS (@S@.refresh_config_updater);
ALTER TABLE @S@.refresh_config_updater_serial ADD CONSTRAINT refresh_config_updater_serial_dest_table_pkey PRIMARY KEY (dest_table);
ALTER TABLE @S@.refresh_config_updater_serial ADD CONSTRAINT refresh_config_updater_serial_dblink_fkey FOREIGN KEY (dblink) REFERENCES @S@.dblink_mapping_mimeo(data_source_id);
ALTER TABLE @S@.refresh_config_updater_serial ADD COLUMN boundary int NOT NULL DEFAULT 0;
ALTER TABLE @S@.refresh_config_updater_serial ADD COLUMN last_value bigint NOT NULL DEFAULT 0;
ALTER TABLE @S@.refresh_config_updater_serial ALTER COLUMN type SET DEFAULT 'updater_serial';
ALTER TABLE @S@.refresh_config_updater_serial ADD CONSTRAINT refresh_config_updater_type_chk CHECK (type = 'updater_serial');

CREATE TABLE @S@.refresh_config_dml (LIKE @S@.refresh_config INCLUDING ALL) INHERITS (@S@.refresh_config);
ALTER TABLE @S@.refresh_config_dml ADD CONSTRAINT refresh_config_dml_dblink_fkey FOREIGN KEY (dblink) REFERENCES @S@.dblink_mapping_mimeo(data_source_id);
ALTER TABLE @S@.refresh_config_dml ADD CONSTRAINT refresh_config_dml_dest_table_pkey PRIMARY KEY (dest_table);
ALTER TABLE @S@.refresh_config_dml ADD COLUMN control text NOT NULL;
ALTER TABLE @S@.refresh_config_dml ADD COLUMN pk_name text[] NOT NULL;
ALTER TABLE @S@.refresh_config_dml ADD COLUMN pk_type text[] NOT NULL;
ALTER TABLE @S@.refresh_config_dml ADD COLUMN insert_on_fetch boolean NOT NULL DEFAULT true;
ALTER TABLE @S@.refresh_config_dml ALTER COLUMN type SET DEFAULT 'dml';
ALTER TABLE @S@.refresh_config_dml ADD CONSTRAINT refresh_config_dml_type_check CHECK (type = 'dml');
ALTER TABLE @S@.refresh_config_dml ADD CONSTRAINT refresh_config_dml_source_dest_unique UNIQUE (source_table, dest_table);

CREATE TABLE @S@.refresh_config_logdel (LIKE @S@.refresh_config INCLUDING ALL) INHERITS (@S@.refresh_config);
ALTER TABLE @S@.refresh_config_logdel ADD CONSTRAINT refresh_config_logdel_dblink_fkey FOREIGN KEY (dblink) REFERENCES @S@.dblink_mapping_mimeo(data_source_id);
ALTER TABLE @S@.refresh_config_logdel ADD CONSTRAINT refresh_config_logdel_dest_table_pkey PRIMARY KEY (dest_table);
ALTER TABLE @S@.refresh_config_logdel ADD COLUMN control text NOT NULL;
ALTER TABLE @S@.refresh_config_logdel ADD COLUMN pk_name text[] NOT NULL;
ALTER TABLE @S@.refresh_config_logdel ADD COLUMN pk_type text[] NOT NULL;
ALTER TABLE @S@.refresh_config_logdel ADD COLUMN insert_on_fetch boolean NOT NULL DEFAULT true;
ALTER TABLE @S@.refresh_config_logdel ALTER COLUMN type SET DEFAULT 'logdel';
ALTER TABLE @S@.refresh_config_logdel ADD CONSTRAINT refresh_config_logdel_type_check CHECK (type = 'logdel');
ALTER TABLE @S@.refresh_config_logdel ADD CONSTRAINT refresh_config_logdel_source_dest_unique UNIQUE (source_table, dest_table);

CREATE TABLE @S@.refresh_config_table (LIKE @S@.refresh_config INCLUDING ALL) INHERITS (@S@.refresh_config);
ALTER TABLE @S@.refresh_config_table ADD CONSTRAINT refresh_config_table_dblink_fkey FOREIGN KEY (dblink) REFERENCES @S@.dblink_mapping_mimeo(data_source_id);
ALTER TABLE @S@.refresh_config_table ADD CONSTRAINT refresh_config_table_dest_table_pkey PRIMARY KEY (dest_table);
ALTER TABLE @S@.refresh_config_table ADD COLUMN truncate_cascade boolean NOT NULL DEFAULT false;
ALTER TABLE @S@.refresh_config_table ADD COLUMN sequences text[];
ALTER TABLE @S@.refresh_config_table ALTER COLUMN type SET DEFAULT 'table';
ALTER TABLE @S@.refresh_config_table ADD CONSTRAINT refresh_config_snap_type_check CHECK (type = 'table');

-- Time and serial variants of one family must not share a destination.
-- Unlike 1.5.1, an UPDATE that keeps dest_table unchanged is not refused.
CREATE FUNCTION @S@.unique_inserter_dest_trig() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.dest_table = OLD.dest_table THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM @S@.refresh_config_inserter WHERE dest_table = NEW.dest_table) THEN
        RAISE EXCEPTION 'Inserter replication already defined for %', NEW.dest_table;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER unique_inserter_dest_trig BEFORE INSERT OR UPDATE OF dest_table
    ON @S@.refresh_config_inserter_serial FOR EACH ROW EXECUTE PROCEDURE @S@.unique_inserter_dest_trig();
CREATE TRIGGER unique_inserter_dest_trig BEFORE INSERT OR UPDATE OF dest_table
    ON @S@.refresh_config_inserter_time FOR EACH ROW EXECUTE PROCEDURE @S@.unique_inserter_dest_trig();

CREATE FUNCTION @S@.unique_updater_dest_trig() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.dest_table = OLD.dest_table THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM @S@.refresh_config_updater WHERE dest_table = NEW.dest_table) THEN
        RAISE EXCEPTION 'Updater replication already defined for %', NEW.dest_table;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER unique_updater_dest_trig BEFORE INSERT OR UPDATE OF dest_table
    ON @S@.refresh_config_updater_serial FOR EACH ROW EXECUTE PROCEDURE @S@.unique_updater_dest_trig();
CREATE TRIGGER unique_updater_dest_trig BEFORE INSERT OR UPDATE OF dest_table
    ON @S@.refresh_config_updater_time FOR EACH ROW EXECUTE PROCEDURE @S@.unique_updater_dest_trig();
)SQL";

constexpr const char *kVersionTable = R"SQL(
CREATE TABLE IF NOT EXISTS @S@.studio_catalog_version (
    version integer PRIMARY KEY,
    description text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT current_user
);
COMMENT ON TABLE @S@.studio_catalog_version IS 'Mimeo Studio: migrations applied to its own tables in this schema';
)SQL";

// Version 1: the job log (one row per make/refresh/destroy run, with step
// rows) and settings such as the job log retention.
constexpr const char *kMigration1 = R"SQL(
CREATE TABLE @S@.studio_job_log (
    job_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dest_table text NOT NULL,
    type text,
    action text NOT NULL CHECK (action IN ('make', 'refresh', 'destroy')),
    status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'ok', 'failed', 'skipped')),
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    rows bigint,
    bytes bigint,
    error_side text CHECK (error_side IN ('source', 'destination')),
    error_sqlstate text,
    error text,
    origin text NOT NULL DEFAULT 'cli',
    host text,
    pid integer,
    role name NOT NULL DEFAULT current_user
);
CREATE INDEX studio_job_log_dest_started_idx ON @S@.studio_job_log (dest_table, started_at DESC);
CREATE INDEX studio_job_log_started_idx ON @S@.studio_job_log (started_at);
COMMENT ON TABLE @S@.studio_job_log IS 'Mimeo Studio: one row per make, refresh or destroy run';

CREATE TABLE @S@.studio_job_step (
    job_id bigint NOT NULL REFERENCES @S@.studio_job_log (job_id) ON DELETE CASCADE,
    step_no integer NOT NULL,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    status text NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'warning', 'failed', 'info')),
    message text NOT NULL,
    PRIMARY KEY (job_id, step_no)
);
COMMENT ON TABLE @S@.studio_job_step IS 'Mimeo Studio: the steps of a job run';

CREATE TABLE @S@.studio_settings (
    name text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO @S@.studio_settings (name, value) VALUES ('job_log_retention', '90 days');
COMMENT ON TABLE @S@.studio_settings IS 'Mimeo Studio: settings shared by every client of this catalog';
)SQL";

// Version 2: per-table state that mimeo's catalog has no column for: whether
// the maker copied indexes (--no-index is remembered for snapshot rebuilds),
// and for snapshots the source snapshot and counters of the last pull, which
// the skip-when-unchanged rule needs.
constexpr const char *kMigration2 = R"SQL(
CREATE TABLE @S@.studio_table_state (
    dest_table text PRIMARY KEY,
    copy_indexes boolean NOT NULL DEFAULT true,
    pulled_snapshot text,
    pulled_counters bigint[],
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @S@.studio_table_state IS 'Mimeo Studio: per-table state beside refresh_config';
)SQL";

// Version 3: the relfilenode of a dml/logdel source table at the last
// refresh, so a TRUNCATE (which no row trigger sees) is noticed.
constexpr const char *kMigration3 = R"SQL(
ALTER TABLE @S@.studio_table_state ADD COLUMN source_filenode bigint;
)SQL";

// Version 4: what each replication was made from and onto (see
// replication_identity.h). The recording role is stamped by a trigger, so
// no writer can claim to be someone else. Rows that exist when the catalog
// is upgraded are recorded as they are, under the upgrading role.
constexpr const char *kMigration4 = R"SQL(
CREATE TABLE @S@.studio_replication_identity (
    dest_table text PRIMARY KEY,
    dest_oid oid,
    settings jsonb NOT NULL DEFAULT '{}',
    recorded_by name NOT NULL DEFAULT current_user,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE @S@.studio_replication_identity IS 'Mimeo Studio: what each replication was made from and onto, and who recorded it';
CREATE FUNCTION @S@.studio_stamp_identity() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.recorded_by := current_user;
    NEW.recorded_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER studio_stamp_identity BEFORE INSERT OR UPDATE ON @S@.studio_replication_identity
    FOR EACH ROW EXECUTE FUNCTION @S@.studio_stamp_identity();
)SQL";

// The job log's NOTIFY channel for "@CHANNEL@", as a string literal.
std::string withChannel(std::string sql, const std::string &schema)
{
    replaceAll(sql, "@CHANNEL@", pg::quoteLiteral(jobChannel(schema)));
    return sql;
}

// Records the rows present at the upgrade: names as mimeo wrote them (the
// quoted form for dots did not exist before this version).
std::string recordExistingRows(const std::string &quotedSchema)
{
    std::string sql;
    for (const auto &t : concreteTypes()) {
        const std::string type(t.name);
        sql += "INSERT INTO " + quotedSchema + ".studio_replication_identity (dest_table, dest_oid, settings)\n"
               "SELECT c.dest_table, pg_catalog.to_regclass(pg_catalog.format('%I.%I', pg_catalog.split_part(c.dest_table, '.', 1), "
               "pg_catalog.substr(c.dest_table, pg_catalog.strpos(c.dest_table, '.') + 1))),\n"
               "       (SELECT pg_catalog.jsonb_object_agg(e.key, e.value) FROM pg_catalog.jsonb_each(pg_catalog.to_jsonb(c)) AS e\n"
               "         WHERE e.key = ANY (" + pg::quoteLiteral(pg::toTextArrayLiteral(recordedColumns(type))) + "::text[]))\n"
               "  FROM " + quotedSchema + "." + pg::quoteIdent(std::string(t.configTable)) + " AS c ON CONFLICT DO NOTHING;\n";
    }
    return sql;
}

// Version 5: the list of sources without their passwords. A catalog adopted
// from the mimeo extension may keep password=... inside data_source, and
// monitors could read that column. They read this view instead (it runs
// with its owner's rights and masks the password as pg::redact does; the
// view and redact are tested to agree), and so does every client that lists
// sources. Monitor groups made before it lose data_source and get the view.
constexpr const char *kMigration5 = R"SQL(
CREATE VIEW @S@.studio_source_list AS
SELECT m.data_source_id, masked.data_source, m.username,
       m.pwd IS NOT NULL AS stored_password,
       masked.data_source IS DISTINCT FROM m.data_source AS password_in_data_source
  FROM @S@.dblink_mapping_mimeo m
 CROSS JOIN LATERAL (
     SELECT pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.regexp_replace(
                m.data_source,
                $re$(password\s*=\s*)'(?:[^'\\]|\\.)*'$re$, $re$\1********$re$, 'gi'),
                $re$(password\s*=\s*)(?!')\S+$re$, $re$\1********$re$, 'gi'),
                $re$((?:postgres|postgresql)://[^:/@\s]*:)[^@\s]*@$re$, $re$\1********@$re$, 'gi'),
                $re$([?&]password=)[^&\s]*$re$, $re$\1********$re$, 'gi') AS data_source) masked;
COMMENT ON VIEW @S@.studio_source_list IS
    'Mimeo Studio: dblink_mapping_mimeo without passwords (masked in data_source, pwd only as stored_password)';

DO $do$
DECLARE
    monitor text;
BEGIN
    -- Roles that may read data_source but not pwd are monitors.
    FOR monitor IN
        SELECT DISTINCT a.grantee::regrole::text
          FROM pg_catalog.pg_attribute att
         CROSS JOIN LATERAL pg_catalog.aclexplode(att.attacl) a
         WHERE att.attrelid = @SOURCES@::regclass AND att.attname = 'data_source'
           AND a.privilege_type = 'SELECT' AND a.grantee <> 0
           AND NOT pg_catalog.has_column_privilege(a.grantee, @SOURCES@::regclass, 'pwd', 'SELECT')
    LOOP
        EXECUTE pg_catalog.format('REVOKE SELECT (data_source) ON %s FROM %s', @SOURCES@::regclass, monitor);
        EXECUTE pg_catalog.format('GRANT SELECT ON %s TO %s', @SOURCE_LIST@::regclass, monitor);
    END LOOP;
END
$do$;
)SQL";

// Version 6: jobs you can watch. A running job's row is kept current (phase,
// rows so far, rows expected, bytes, heartbeat) and names the backend of
// the job log's own connection, so readers can tell exactly when the
// process died (that backend is gone): status abandoned. Every change is
// announced with NOTIFY on <schema>_jobs for monitors.
constexpr const char *kMigration6 = R"SQL(
ALTER TABLE @S@.studio_job_log
    ADD COLUMN phase text,
    ADD COLUMN rows_expected bigint,
    ADD COLUMN reason text,
    ADD COLUMN heartbeat_at timestamptz,
    ADD COLUMN backend_pid integer,
    ADD COLUMN backend_start timestamptz;
ALTER TABLE @S@.studio_job_log DROP CONSTRAINT studio_job_log_status_check;
ALTER TABLE @S@.studio_job_log ADD CONSTRAINT studio_job_log_status_check
    CHECK (status IN ('running', 'ok', 'failed', 'skipped', 'cancelled', 'abandoned'));
CREATE INDEX studio_job_log_running_idx ON @S@.studio_job_log (dest_table) WHERE status = 'running';
CREATE FUNCTION @S@.studio_job_log_notify() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], NEW.job_id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER studio_job_log_notify AFTER INSERT OR UPDATE ON @S@.studio_job_log
    FOR EACH ROW EXECUTE FUNCTION @S@.studio_job_log_notify(@CHANNEL@);
)SQL";

// Version 7: freshness thresholds per table for the health grades (see
// jobs/health.h). NULL keeps the default (late after 1x the period, critical
// after 2x). Thresholds steer no refresh, so operators may set them; groups
// made before this version get their rights here (grant gives them to later
// ones with every other table).
constexpr const char *kMigration7 = R"SQL(
CREATE TABLE @S@.studio_freshness (
    dest_table text PRIMARY KEY,
    late_after interval CHECK (late_after > interval '0'),
    critical_after interval CHECK (critical_after > interval '0'),
    CHECK (critical_after >= late_after)
);
COMMENT ON TABLE @S@.studio_freshness IS
    'Mimeo Studio: when a table counts as late or critical (NULL: 1x and 2x its period)';
-- Repairs of the rows a data check found different are jobs too.
ALTER TABLE @S@.studio_job_log DROP CONSTRAINT studio_job_log_action_check;
ALTER TABLE @S@.studio_job_log ADD CONSTRAINT studio_job_log_action_check
    CHECK (action IN ('make', 'refresh', 'destroy', 'repair'));
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = @MONITOR@) THEN
        EXECUTE pg_catalog.format('GRANT SELECT ON %s TO %I', @FRESHNESS@::regclass, @MONITOR@);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = @OPERATOR@) THEN
        EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %I', @FRESHNESS@::regclass, @OPERATOR@);
    END IF;
END
$do$;
)SQL";

// Version 8: what the monitor shows beside the job log. Per run, the rows
// inserted, updated and deleted where the engine knows them (dml, logdel,
// updater). Per table, the last validation (row count or data check) with
// the differing keys it found, and the last measure of how far behind the
// source the table is, each with when it was taken, so a monitor without
// access to the sources still sees them. Both are kept by whoever ran the
// check or measure; they steer no refresh, so operators may write them, and
// monitors may record lag (measuring is watching; measured_by says who).
constexpr const char *kMigration8 = R"SQL(
ALTER TABLE @S@.studio_job_log
    ADD COLUMN rows_inserted bigint,
    ADD COLUMN rows_updated bigint,
    ADD COLUMN rows_deleted bigint;
CREATE TABLE @S@.studio_validation (
    dest_table text PRIMARY KEY,
    checked_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    checked_by name NOT NULL DEFAULT current_user,
    kind text NOT NULL CHECK (kind IN ('rowcount', 'data')),
    outcome text NOT NULL CHECK (outcome IN ('validated', 'mismatched', 'error')),
    source_rows bigint,
    dest_rows bigint,
    missing bigint,
    extra bigint,
    different bigint,
    keys jsonb,
    message text
);
COMMENT ON TABLE @S@.studio_validation IS
    'Mimeo Studio: the last row count or data check of each table, with the differing keys it listed';
CREATE TABLE @S@.studio_lag (
    dest_table text PRIMARY KEY,
    measured_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    measured_by name NOT NULL DEFAULT current_user,
    measure text NOT NULL CHECK (measure IN ('queue', 'control_time', 'control_serial', 'changes', 'error')),
    amount bigint,
    behind interval,
    estimated boolean NOT NULL DEFAULT false,
    message text
);
COMMENT ON TABLE @S@.studio_lag IS
    'Mimeo Studio: how far behind its source each table was when last measured';
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = @MONITOR@) THEN
        EXECUTE pg_catalog.format('GRANT SELECT ON %I.studio_validation TO %I', @SCHEMA@, @MONITOR@);
        EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %I.studio_lag TO %I', @SCHEMA@, @MONITOR@);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = @OPERATOR@) THEN
        EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.studio_validation, %I.studio_lag TO %I',
                                  @SCHEMA@, @SCHEMA@, @OPERATOR@);
    END IF;
END
$do$;
)SQL";

// Version 9: requests to runners (`mimeo serve`). A request carries no SQL,
// only an action and a table name, which the trigger checks against
// refresh_config and which the runner checks again before it acts; who
// asked is stamped by the trigger (nobody can claim to be someone else),
// and a new request always starts waiting. A runner takes one with
// UPDATE ... FOR UPDATE SKIP LOCKED and notes its backend, so a request
// whose runner died (that backend is gone) is taken again, as the job log
// calls such jobs abandoned. Runners announce themselves in studio_runner.
// Operators may make requests (and, running a runner, take them); monitors
// only read.
constexpr const char *kMigration9 = R"SQL(
CREATE TABLE @S@.studio_request (
    request_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dest_table text,
    action text NOT NULL CHECK (action IN ('refresh', 'repull', 'validate', 'cancel')),
    target_job_id bigint,
    target_request_id bigint,
    requested_by name NOT NULL DEFAULT current_user,
    requested_from text,
    requested_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    taken_by text,
    taken_at timestamptz,
    taken_backend_pid integer,
    taken_backend_start timestamptz,
    job_id bigint,
    status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'taken', 'done', 'failed', 'cancelled')),
    finished_at timestamptz,
    message text,
    CHECK ((action = 'cancel') = (dest_table IS NULL)),
    CHECK (action = 'cancel' OR (target_job_id IS NULL AND target_request_id IS NULL)),
    CHECK (action <> 'cancel' OR target_job_id IS NOT NULL OR target_request_id IS NOT NULL)
);
CREATE INDEX studio_request_open_idx ON @S@.studio_request (request_id) WHERE status IN ('waiting', 'taken');
COMMENT ON TABLE @S@.studio_request IS
    'Mimeo Studio: refresh, re-pull, validate and cancel requests for the runners (mimeo serve)';
CREATE FUNCTION @S@.studio_request_stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.requested_by := current_user;
    NEW.requested_at := clock_timestamp();
    NEW.status := 'waiting';
    NEW.taken_by := NULL;
    NEW.taken_at := NULL;
    NEW.taken_backend_pid := NULL;
    NEW.taken_backend_start := NULL;
    NEW.job_id := NULL;
    NEW.finished_at := NULL;
    NEW.message := NULL;
    IF NEW.dest_table IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM @S@.refresh_config c WHERE c.dest_table = NEW.dest_table) THEN
        RAISE EXCEPTION 'no table % is configured in this catalog', NEW.dest_table USING ERRCODE = '42P01';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER studio_request_stamp BEFORE INSERT ON @S@.studio_request
    FOR EACH ROW EXECUTE FUNCTION @S@.studio_request_stamp();
CREATE FUNCTION @S@.studio_request_notify() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], NEW.request_id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER studio_request_notify AFTER INSERT OR UPDATE ON @S@.studio_request
    FOR EACH ROW EXECUTE FUNCTION @S@.studio_request_notify(@REQUEST_CHANNEL@);
CREATE TABLE @S@.studio_runner (
    runner_id text PRIMARY KEY,
    host text NOT NULL,
    pid integer,
    version text NOT NULL,
    jobs integer NOT NULL,
    interval_seconds integer NOT NULL CHECK (interval_seconds > 0),
    role name NOT NULL DEFAULT current_user,
    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_seen_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
COMMENT ON TABLE @S@.studio_runner IS 'Mimeo Studio: the runners (mimeo serve) serving this catalog, and when each was last seen';
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = @MONITOR@) THEN
        EXECUTE pg_catalog.format('GRANT SELECT ON %I.studio_request, %I.studio_runner TO %I', @SCHEMA@, @SCHEMA@, @MONITOR@);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = @OPERATOR@) THEN
        EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE ON %I.studio_request TO %I', @SCHEMA@, @OPERATOR@);
        EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I.studio_runner TO %I', @SCHEMA@, @OPERATOR@);
    END IF;
END
$do$;
)SQL";

// Version 10: validations are jobs too. The desktop's Validate, on this
// computer or a runner's (a validate request), writes a job-log row: its
// phase while it runs, its outcome after, and the request it answers.
constexpr const char *kMigration10 = R"SQL(
ALTER TABLE @S@.studio_job_log DROP CONSTRAINT studio_job_log_action_check;
ALTER TABLE @S@.studio_job_log ADD CONSTRAINT studio_job_log_action_check
    CHECK (action IN ('make', 'refresh', 'destroy', 'repair', 'validate'));
COMMENT ON TABLE @S@.studio_job_log IS 'Mimeo Studio: one row per make, refresh, destroy, repair or validate run';
)SQL";

// The role groups of the catalog in schema ("@MONITOR@", "@OPERATOR@"), the
// freshness table ("@FRESHNESS@"), the schema's name ("@SCHEMA@") and the
// request channel ("@REQUEST_CHANNEL@"), as string literals.
std::string withGroups(std::string sql, const std::string &schema)
{
    replaceAll(sql, "@MONITOR@", pg::quoteLiteral(monitorGroup(schema)));
    replaceAll(sql, "@OPERATOR@", pg::quoteLiteral(operatorGroup(schema)));
    replaceAll(sql, "@FRESHNESS@", pg::quoteLiteral(pg::quoteIdent(schema) + ".studio_freshness"));
    replaceAll(sql, "@SCHEMA@", pg::quoteLiteral(schema));
    replaceAll(sql, "@REQUEST_CHANNEL@", pg::quoteLiteral(requestChannel(schema)));
    return sql;
}

} // namespace

const std::vector<std::string> &mimeoTableNames()
{
    static const std::vector<std::string> names = {
        "dblink_mapping_mimeo",       "refresh_config",           "refresh_config_snap",
        "refresh_config_inserter",    "refresh_config_inserter_time", "refresh_config_inserter_serial",
        "refresh_config_updater",     "refresh_config_updater_time",  "refresh_config_updater_serial",
        "refresh_config_dml",         "refresh_config_logdel",    "refresh_config_table",
    };
    return names;
}

std::string mimeoTablesDdl(const std::string &quotedSchema) { return withSchema(kMimeoTables, quotedSchema); }

std::string versionTableDdl(const std::string &quotedSchema) { return withSchema(kVersionTable, quotedSchema); }

std::string jobChannel(const std::string &schema) { return pg::clipIdentifier(schema + "_jobs"); }

std::string requestChannel(const std::string &schema) { return pg::clipIdentifier(schema + "_requests"); }

std::vector<Migration> migrations(const std::string &schema)
{
    const std::string quotedSchema = pg::quoteIdent(schema);
    return {
        {1, "job log, job steps and settings", withSchema(kMigration1, quotedSchema)},
        {2, "per-table state (index copying, snapshot pull state)", withSchema(kMigration2, quotedSchema)},
        {3, "source table file of dml/logdel tables (TRUNCATE detection)", withSchema(kMigration3, quotedSchema)},
        {4, "what each replication was made from and onto (refreshes act only on that)",
         withSchema(kMigration4, quotedSchema) + recordExistingRows(quotedSchema)},
        {5, "source list without passwords (studio_source_list), read by monitors", withSchema(kMigration5, quotedSchema)},
        {6, "live job progress, cancelled and abandoned jobs, reasons, notifications",
         withChannel(withSchema(kMigration6, quotedSchema), schema)},
        {7, "freshness thresholds per table (late and critical health grades), repairs in the job log",
         withGroups(withSchema(kMigration7, quotedSchema), schema)},
        {8, "rows inserted, updated and deleted per run; last validation and lag measure per table",
         withGroups(withSchema(kMigration8, quotedSchema), schema)},
        {9, "requests to runners (mimeo serve) and the runners serving this catalog",
         withGroups(withSchema(kMigration9, quotedSchema), schema)},
        {10, "validations in the job log", withSchema(kMigration10, quotedSchema)},
    };
}

} // namespace mimeo::catalog
