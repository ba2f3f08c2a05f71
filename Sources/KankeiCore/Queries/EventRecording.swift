import Foundation
import GRDB
import KankeiModel

extension CoreDatabase {
    /// Records an event as its latest run counted it, in one transaction: the event, its sessions
    /// and who attended each (replacing what an earlier run recorded for the event), the people
    /// by keyed hash, and the figures — kept as history, one row per distinct set of files.
    public func record(event: EventSummary, sessions: [SessionInfo], participants: [Participant], tabulation: Tabulation,
                       at time: String) throws {
        let summary = String(decoding: try StableJSON.encoder().encode(tabulation), as: UTF8.self)
        try write { db in
            let club = try event.club.flatMap { try Club.fetchOne(db, key: $0) }?.id
            try db.execute(sql: """
                INSERT INTO events (id, kind, title, date, clubId, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, date = excluded.date,
                  clubId = excluded.clubId, updatedAt = excluded.updatedAt
                """, arguments: [event.id, event.kind.rawValue, event.title, event.date, club, time])
            try db.execute(sql: "DELETE FROM sessions WHERE eventId = ?", arguments: [event.id])
            for session in sessions {
                try db.execute(sql: """
                    INSERT INTO sessions (id, eventId, sessionKey, meetingId, startTime, date, sourceSha256)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [Self.sessionID(event.id, session.key), event.id, session.key, session.meetingID,
                                     session.startTime, session.date, session.source])
            }
            for participant in participants where !participant.sessions.isEmpty {
                try db.execute(sql: "INSERT OR IGNORE INTO participants (personKey, firstSeenEvent) VALUES (?, ?)",
                               arguments: [participant.person.value, event.id])
                for session in participant.sessions {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO attendance (sessionId, personKey, side, sideBasis) VALUES (?, ?, ?, ?)
                        """, arguments: [Self.sessionID(event.id, session), participant.person.value,
                                         participant.side?.rawValue, participant.sideBasis?.rawValue])
                }
            }
            // Not `INSERT OR IGNORE`: an ignored insert still uses up an id, and a repeated run must not.
            let files = event.files.joined(separator: ",")
            try db.execute(sql: """
                INSERT INTO tabulations (eventId, files, computedAt, respondents, summary) SELECT ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM tabulations WHERE eventId = ? AND files = ?)
                """, arguments: [event.id, files, time, tabulation.respondents, summary, event.id, files])
        }
    }

    /// Takes an event out of the core, in one transaction: it, its sessions and attendance, its
    /// figures and the matching quality its feedback recorded. People seen nowhere else go too; one
    /// first seen at it is first seen at the earliest other event they attended.
    public func removeEvent(_ id: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM matchingQuality WHERE sourceEvent = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM tabulations WHERE eventId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM attendance WHERE sessionId IN (SELECT id FROM sessions WHERE eventId = ?)", arguments: [id])
            try db.execute(sql: "DELETE FROM sessions WHERE eventId = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM events WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM participants WHERE personKey NOT IN (SELECT personKey FROM attendance)")
            try db.execute(sql: """
                UPDATE participants SET firstSeenEvent = (
                  SELECT s.eventId FROM attendance a JOIN sessions s ON s.id = a.sessionId JOIN events e ON e.id = s.eventId
                  WHERE a.personKey = participants.personKey ORDER BY e.date, e.id LIMIT 1)
                WHERE firstSeenEvent = ?
                """, arguments: [id])
        }
    }

    static func sessionID(_ event: String, _ key: String) -> String { "\(event)/\(key)" }

    /// How many times an event's figures were recorded (one per distinct set of files).
    public func tabulationCount(event: String) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tabulations WHERE eventId = ?", arguments: [event]) ?? 0 }
    }
}
