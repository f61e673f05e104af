/** History db schema, one entry per version; a db is brought up to the last version in order, never down. */
export const DB_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE runs (
        seq INTEGER PRIMARY KEY,
        inputs INTEGER NOT NULL,
        logs INTEGER NOT NULL,
        interrupted INTEGER NOT NULL,
        generated_at TEXT
      );
      CREATE TABLE clusters (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT
      );
      CREATE TABLE cluster_runs (
        cluster_id TEXT NOT NULL REFERENCES clusters(id),
        run_seq INTEGER NOT NULL REFERENCES runs(seq),
        count INTEGER NOT NULL,
        logs INTEGER NOT NULL,
        PRIMARY KEY (cluster_id, run_seq)
      );`,
  },
];
