import KankeiModel

/// Everyone an event's Zoom reports name, merged per person: registered or not, attended or not,
/// host/panelist or not, their organisation, the sessions they attended and their side.
struct PeopleLedger {
    /// Each person's e-mail domain (the first seen), for deciding their side.
    private var domains: [PersonKey: String] = [:]
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

    /// One join/leave row of the session `session` (a person joining twice is there once).
    mutating func attend(_ row: Attendance, session: String) {
        hasAttendeeReport = true
        if row.role == .attendee { attendeeSection.insert(row.person) }
        if let domain = row.domain, domains[row.person] == nil { domains[row.person] = domain }
        update(row.person, organization: row.organization, preferOrganization: false) { participant in
            switch row.role {
            case .host, .panelist: participant.staff = true
            case .attendee, .other:
                guard row.attended else { return }
                participant.attended = true
                if !participant.sessions.contains(session) { participant.sessions.append(session) }
            }
        }
    }

    /// Everyone, in order of first appearance, with their side by `sides`. Without a registration
    /// report, the attendee section's people count as the registrants. Hosts and panelists keep
    /// no sessions: they run the session, they are not 関係人口 of it.
    func participants(sides: SideDirectory) -> [Participant] {
        order.map { key in
            var participant = people[key]!
            if !hasRegistrationReport, attendeeSection.contains(key) { participant.registered = true }
            if participant.staff { participant.sessions = [] }
            if let (side, basis) = sides.side(of: key, domain: domains[key], organizationKey: participant.organizationKey) {
                participant.side = side
                participant.sideBasis = basis
            }
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
