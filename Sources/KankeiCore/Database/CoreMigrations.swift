import GRDB

/// The core's schema, one migration per change; GRDB records which have run, so opening an older
/// core brings it up to date and opening a current one changes nothing.
enum CoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-organisations-and-clubs") { db in
            try db.create(table: "organizations") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull().check(sql: "kind IN ('company', 'municipality', 'regional-group')")
                t.column("name", .text).notNull()
                t.column("prefecture", .text)
                t.column("population", .integer)
                // For a company: the club type (1–4, report section 6.2) its needs fit.
                t.column("clubType", .integer).check(sql: "clubType BETWEEN 1 AND 4")
            }
            // Needs (companies) and themes (municipalities), from one vocabulary so they can meet.
            try db.create(table: "organizationTags") { t in
                t.column("organizationId", .text).notNull().references("organizations", onDelete: .cascade)
                t.column("kind", .text).notNull().check(sql: "kind IN ('need', 'theme')")
                t.column("tag", .text).notNull()
                t.primaryKey(["organizationId", "kind", "tag"])
            }
            // E-mail domains an organisation uses, which decide a person's side.
            try db.create(table: "organizationDomains") { t in
                t.primaryKey("domain", .text)
                t.column("organizationId", .text).notNull().references("organizations", onDelete: .cascade)
            }
            // Other names an organisation is written as (matched by their organisation key).
            try db.create(table: "organizationAliases") { t in
                t.primaryKey("aliasKey", .text)
                t.column("organizationId", .text).notNull().references("organizations", onDelete: .cascade)
                t.column("alias", .text).notNull()
            }
            try db.create(table: "clubs") { t in
                t.primaryKey("id", .text)
                // The club's number in the report (① = 1).
                t.column("number", .integer)
                t.column("municipalityId", .text).notNull().references("organizations")
                t.column("companyId", .text).notNull().references("organizations")
                t.column("type", .integer).notNull().check(sql: "type BETWEEN 1 AND 4")
                t.column("start", .text)
                t.column("end", .text)
                t.column("status", .text).notNull().check(sql: "status IN ('planned', 'active', 'ended')")
                t.uniqueKey(["municipalityId", "companyId"])
            }
            // The roster: who is on which side of a club, by keyed hash only.
            try db.create(table: "clubMembers") { t in
                t.column("clubId", .text).notNull().references("clubs", onDelete: .cascade)
                t.column("personKey", .text).notNull()
                t.column("side", .text).notNull().check(sql: "side IN ('municipality', 'company')")
                t.primaryKey(["clubId", "personKey"])
            }
        }
        migrator.registerMigration("v1-events-and-attendance") { db in
            try db.create(table: "events") { t in
                t.primaryKey("id", .text)
                t.column("kind", .text).notNull()
                t.column("title", .text)
                t.column("date", .text)
                t.column("clubId", .text).references("clubs", onDelete: .setNull)
                t.column("updatedAt", .text).notNull()
            }
            try db.create(table: "sessions") { t in
                t.primaryKey("id", .text)
                t.column("eventId", .text).notNull().references("events", onDelete: .cascade)
                t.column("sessionKey", .text).notNull()
                t.column("meetingId", .text)
                t.column("startTime", .text)
                t.column("date", .text)
                t.column("sourceSha256", .text).notNull()
            }
            try db.create(table: "participants") { t in
                t.primaryKey("personKey", .text)
                t.column("firstSeenEvent", .text).notNull()
            }
            try db.create(table: "attendance") { t in
                t.column("sessionId", .text).notNull().references("sessions", onDelete: .cascade)
                t.column("personKey", .text).notNull().references("participants")
                t.column("side", .text).check(sql: "side IN ('municipality', 'company')")
                t.column("sideBasis", .text)
                t.primaryKey(["sessionId", "personKey"])
            }
            try db.create(index: "attendanceByPerson", on: "attendance", columns: ["personKey"])
        }
        migrator.registerMigration("v1-ledger-tabulations-quality") { db in
            try db.create(table: "ledger") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sha256", .text).notNull()
                t.column("event", .text).notNull()
                t.column("name", .text).notNull()
                t.column("format", .text).notNull()
                t.column("archived", .text).notNull()
                t.column("outcome", .text).notNull().check(sql: "outcome IN ('processed', 'duplicate')")
                t.column("at", .text).notNull()
            }
            try db.create(index: "ledgerBySha256", on: "ledger", columns: ["sha256"])
            // Each event's figures each time its files changed: the history reports draw over time.
            try db.create(table: "tabulations") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("eventId", .text).notNull()
                t.column("files", .text).notNull()
                t.column("computedAt", .text).notNull()
                t.column("respondents", .integer).notNull()
                t.column("summary", .text).notNull()
                t.uniqueKey(["eventId", "files"])
            }
            try db.create(table: "matchingQuality") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("clubId", .text).notNull().references("clubs", onDelete: .cascade)
                t.column("side", .text).notNull().check(sql: "side IN ('municipality', 'company')")
                t.column("n", .integer).notNull()
                // Percentages in tenths (1000 = 100.0%), exact like the reports.
                t.column("satisfaction", .integer)
                t.column("continuation", .integer)
                t.column("score", .integer).notNull()
                t.column("sourceEvent", .text).notNull()
                t.column("sourceFiles", .text).notNull()
                t.column("recordedAt", .text).notNull()
                t.uniqueKey(["clubId", "side", "sourceFiles"])
            }
        }
        // Each `kankei run` (and each batch of `kankei watch`): started, finished (null while
        // running or when it was killed), and what it did, for `kankei status`.
        migrator.registerMigration("v2-runs") { db in
            try db.create(table: "runs") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("startedAt", .text).notNull()
                t.column("finishedAt", .text)
                t.column("pid", .integer).notNull()
                t.column("events", .integer).notNull().defaults(to: 0)
                t.column("files", .integer).notNull().defaults(to: 0)
                t.column("duplicates", .integer).notNull().defaults(to: 0)
                t.column("quarantined", .integer).notNull().defaults(to: 0)
                t.column("warnings", .integer).notNull().defaults(to: 0)
                t.column("exitCode", .integer)
            }
        }
        // A keyed check value of the workspace secret (never the secret), so that a run with a
        // lost or different secret is refused instead of silently linking no one.
        migrator.registerMigration("v3-secret-check") { db in
            try db.create(table: "secretCheck") { t in
                t.primaryKey("id", .integer).check(sql: "id = 1")
                t.column("fingerprint", .text).notNull()
            }
        }
        // Files taken back out of an event's figures (`kankei withdraw`).
        migrator.registerMigration("v4-withdrawals") { db in
            try db.create(table: "withdrawals") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sha256", .text).notNull()
                t.column("event", .text).notNull()
                t.column("name", .text).notNull()
                t.column("at", .text).notNull()
            }
        }
        return migrator
    }
}
