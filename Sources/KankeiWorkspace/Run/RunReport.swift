import Foundation
import KankeiFeedback
import KankeiModel

/// What a run did, for the CLI to print and for tests to check.
public struct RunReport: Sendable {
    /// One event whose report was written.
    public struct EventOutcome: Sendable {
        public var id: String
        public var reportFolder: URL
        public var tabulation: Tabulation
        /// New files counted in this run.
        public var newFiles: [String]
        /// Matching-quality records the event's club feedback added to the core.
        public var feedback: FeedbackStage.Outcome
    }

    /// One file moved to `quarantine/`.
    public struct QuarantinedFile: Sendable {
        public var event: String?
        public var name: String
        public var location: URL
        public var problem: InputProblem
    }

    public var events: [EventOutcome] = []
    public var quarantined: [QuarantinedFile] = []
    /// Files whose bytes had been processed before (archived, not counted again).
    public var duplicates: [String] = []
    /// Files taken out of an event's figures by this run (`<event>/<name>`).
    public var withdrawn: [String] = []
    /// Events whose last file was withdrawn: out of the core, the index and `reports/`.
    public var removedEvents: [String] = []
    /// Things that went wrong without a file to quarantine (Japanese): an archived file that no
    /// longer reads, a file that vanished mid-run, a club the core does not know.
    public var warnings: [String] = []
    public var seconds: Double = 0
    /// `reports/index.html`, once written.
    public var index: URL?

    /// 0 when all went well, 1 when some file was quarantined or something else needs a look (the
    /// rest was still processed).
    public var exitCode: Int32 { quarantined.isEmpty && warnings.isEmpty ? 0 : 1 }
}

/// A problem with how `kankei run` was called or with the workspace itself (exit code 2).
public struct WorkspaceError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
