import KankeiModel

/// Everyone an event's Zoom reports name, merged per person: registered or not, attended or not,
/// host/panelist or not, and their organisation.
struct PeopleLedger {
    private var order: [PersonKey] = []
    private var people: [PersonKey: Participant] = [:]
    /// Persons listed in an attendee report's attendee section (the registrants of a webinar with
    /// registration), used when no registration report came with the event.
    private var attendeeSection: Set<PersonKey> = []
    private(set) var hasRegistrationReport = false
    private(set) var hasAttendeeReport = false
    /// Registrations the host turned down: listed by Zoom, but not applications that count.
    private(set) var denied: Set<PersonKey> = []

    /// Approval statuses (as `MatchKey`s) of a registration that was turned down.
    static let deniedStatuses: Set<String> = ["denied", "rejected", "blocked", "拒否", "拒否済み", "却下", "ブロック済み"]

    mutating func register(_ registrant: Registrant) {
        hasRegistrationReport = true
        if let status = registrant.approvalStatus, Self.deniedStatuses.contains(MatchKey.make(status)) {
            denied.insert(registrant.person)
            return
        }
        update(registrant.person, organization: registrant.organization, preferOrganization: true) { $0.registered = true }
    }

    mutating func attend(_ row: Attendance) {
        hasAttendeeReport = true
        if row.role == .attendee { attendeeSection.insert(row.person) }
        update(row.person, organization: row.organization, preferOrganization: false) { participant in
            switch row.role {
            case .host, .panelist: participant.staff = true
            case .attendee, .other: if row.attended { participant.attended = true }
            }
        }
    }

    /// Everyone, in order of first appearance. Without a registration report, the attendee
    /// section's people count as the registrants.
    func participants() -> [Participant] {
        order.map { key in
            var participant = people[key]!
            if !hasRegistrationReport, attendeeSection.contains(key) { participant.registered = true }
            return participant
        }
    }

    private mutating func update(_ key: PersonKey, organization: String?, preferOrganization: Bool,
                                 _ change: (inout Participant) -> Void) {
        var participant = people[key] ?? {
            order.append(key)
            return Participant(person: key, organization: nil, organizationKey: nil, registered: false, attended: false,
                               staff: false)
        }()
        if let organization, let organizationKey = OrganizationKey.make(organization),
           participant.organizationKey == nil || preferOrganization && !participant.registered {
            participant.organization = MatchKey.trimmed(organization)
            participant.organizationKey = organizationKey
        }
        change(&participant)
        people[key] = participant
    }
}
