import Foundation
import KankeiModel
import Yams

/// What a coordinator may say about an event in `inbox/<event>/event.yaml` (all optional):
/// `kind`, `title`, `date`, `club`, `audience` (company or municipality: who the event was for) and
/// `pipeline` (the definition id its survey follows).
public struct EventSettings: Hashable, Sendable, Decodable {
    /// The event id: the inbox subfolder's name (not read from the file).
    public var id: String = ""
    public var kind: EventKind?
    public var title: String?
    public var date: String?
    public var club: String?
    public var pipeline: String?
    public var audience: Side?

    enum CodingKeys: String, CodingKey { case kind, title, date, club, pipeline, audience }

    public init(id: String, kind: EventKind? = nil, title: String? = nil, date: String? = nil, club: String? = nil,
                pipeline: String? = nil, audience: Side? = nil) {
        self.audience = audience
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.club = club
        self.pipeline = pipeline
    }

    public static let fileName = "event.yaml"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decodeIfPresent(EventKind.self, forKey: .kind)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        club = try container.decodeIfPresent(String.self, forKey: .club)
        pipeline = try container.decodeIfPresent(String.self, forKey: .pipeline)
        if let label = try container.decodeIfPresent(String.self, forKey: .audience) {
            guard let side = Side(label: label) else {
                throw InputProblem(file: Self.fileName, location: .column("audience"), problem: "audience「\(label)」が分かりません。",
                                   remedy: "企業向けなら audience: company（企業）、自治体・地域向けなら audience: municipality（自治体）と書いてください。")
            }
            audience = side
        }
    }

    /// Reads `event.yaml`; a problem in it is an `InputProblem` for the coordinator.
    public static func load(id: String, from url: URL) throws -> EventSettings {
        do {
            var settings = try YAMLDecoder().decode(EventSettings.self, from: YAMLText.checked(YAMLText.read(url)))
            settings.id = id
            if let date = settings.date {
                guard let iso = DateText.isoDate(from: date) else {
                    throw InputProblem(file: fileName, location: .column("date"), problem: "date「\(date)」を日付として読めません。",
                                       remedy: "date: 2022-02-04 のように書いてください。")
                }
                settings.date = iso
            }
            return settings
        } catch let problem as InputProblem {
            throw problem
        } catch {
            let kinds = EventKind.allCases.map(\.rawValue).joined(separator: " / ")
            throw InputProblem(file: fileName, problem: "event.yaml を読めませんでした（\(error)）。",
                               remedy: "kind（\(kinds)）、title、date（2022-02-04）、club、audience（company / municipality）、pipeline を「キー: 値」の形で書いてください。")
        }
    }
}

/// A problem with the event's settings rather than with a data file (e.g. `pipeline:` names no
/// definition): the caller sets `event.yaml` aside and counts the event without it.
public struct EventSettingsProblem: Error, Sendable {
    public var problem: InputProblem

    public init(_ problem: InputProblem) { self.problem = problem }
}
