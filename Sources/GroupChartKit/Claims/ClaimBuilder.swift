/// Builds the claims of a checked practice: one per billable service of an
/// insured member (self-pay sessions are billed to the member, not to a
/// payer, and have no claim), ready or held by the errors in its chain.
public struct ClaimBuilder: Sendable {
    public let record: PracticeRecord
    public let readiness: ClaimReadiness
    public var ledger: AuthorizationLedger { maker.ledger }
    private let maker: ClaimMaker

    /// `ledger` is the record's authorization ledger when the caller has
    /// it already (the checker's analysis): it is derived otherwise.
    public init(record: PracticeRecord, report: CheckReport, ledger: AuthorizationLedger? = nil) {
        self.record = record
        readiness = ClaimReadiness(record: record, report: report)
        maker = ClaimMaker(record: record, ledger: ledger ?? AuthorizationLedger(record: record))
    }

    /// In date, session and member order (the order of `record.services`).
    public func claims() -> [Claim] {
        maker.unheld().held(by: readiness)
    }
}

/// The claims of a record before the errors that hold some of them are
/// known: what no error changes (who, what, for how much, to whom). The
/// checker of `check` builds them beside its rules (`Checker`), and holds
/// them once the rules have run (`UnheldClaims.held(by:)`).
struct ClaimMaker: Sendable {
    let record: PracticeRecord
    let ledger: AuthorizationLedger
    /// What every claim of an insured member says of the member, made once
    /// per member: made for each claim, copying the member (profile, plans,
    /// notes) and the practice's tax id filtered character by character
    /// were a third of building 20,000 claims (perf).
    private let insured: [String: Insured]
    private let taxID: String
    private let repeated: RepeatedGroupServices

    init(record: PracticeRecord, ledger: AuthorizationLedger) {
        self.record = record
        self.ledger = ledger
        var insured: [String: Insured] = [:]
        for member in record.members where insured[member.id] == nil {
            // The first member of an id, as `record.member` gives it.
            guard let first = record.member(member.id), let insurance = first.insurance else { continue }
            insured[member.id] = Insured(first, insurance, practice: record.practice)
        }
        self.insured = insured
        taxID = (record.practice?.taxID?.value ?? "").filter(\.isNumber)
        repeated = RepeatedGroupServices(record: record)
    }

    /// A member with insurance, and what their claims say of them.
    private final class Insured: Sendable {
        let member: Member
        let insurance: Insurance
        let payer: Payer?
        let patient: Claim.Person
        let subscriber: Claim.Person
        let relationship: Claim.Relationship

        init(_ member: Member, _ insurance: Insurance, practice: Practice?) {
            self.member = member
            self.insurance = insurance
            payer = insurance.payer.flatMap { practice?.payer($0.value) }
            patient = ClaimMaker.person(member.profile)
            if case .other(let holder)? = insurance.subscriber {
                subscriber = Claim.Person(lastName: holder.lastName?.value ?? "", firstName: holder.firstName?.value ?? "",
                                          dob: holder.dob?.value, sex: holder.sex?.value.rawValue ?? "U", address: holder.address)
                relationship = Claim.Relationship(rawValue: holder.relationship?.value.rawValue ?? "other") ?? .other
            } else {
                subscriber = patient
                relationship = .insured
            }
        }
    }

    /// Every claim, held by no rule, in the order of `record.services`.
    func unheld() -> UnheldClaims {
        // Reserved, not grown: a claim is a kilobyte held inline, and an
        // array grown by doubling held up to 14 MB of spare room at 20,000
        // claims, at the build's peak.
        var claims: [Claim] = []
        var services: [Int] = []
        claims.reserveCapacity(record.services.count)
        services.reserveCapacity(record.services.count)
        for (index, service) in record.services.enumerated() {
            if let id = service.claimID, let claim = claim(for: service, id: id) {
                claims.append(claim)
                services.append(index)
            }
        }
        return UnheldClaims(claims: claims, services: services)
    }

    private func claim(for service: BillableService, id: String) -> Claim? {
        guard let insured = insured[service.member] else { return nil }
        let practice = record.practice
        let (insurance, payer) = (insured.insurance, insured.payer)
        let diagnoses = (insured.member.plan(on: service.date)?.diagnoses ?? []).map { ICD10CM.compact($0.value) }
        let pointers = Array(1...max(1, min(diagnoses.count, 4))).filter { $0 <= diagnoses.count }
        let context = ServiceContext(record: record, service: service)
        // The telehealth modifier marks every line of a telehealth claim
        // (90785 is on the telehealth list as its base code is); the
        // same-day modifier only the individual code, never the add-on.
        var telehealth: [String] = []
        if ["02", "10"].contains(context.placeOfService), let modifier = payer?.telehealthModifier?.value {
            telehealth.append(modifier)
        }
        var modifiers = telehealth
        if service.kind == .individual ? context.attendedGroupSameDay(in: record) : repeated.first(before: service) != nil {
            modifiers.append(payer?.sameDayModifier?.value ?? "59")
        }
        var lines = [line(service.cpt, on: service.date, modifiers: modifiers, pointers: pointers)]
        if context.interactiveComplexity {
            lines.append(line("90785", on: service.date, modifiers: telehealth, pointers: pointers))
        }
        let rendering = context.renderingClinician.flatMap { practice?.clinician($0) }
        let authorization = ledger.index(of: service).flatMap { ledger.entries[$0].authorization?.number?.value }
        return Claim(
            id: id, service: service, patient: insured.patient, subscriber: insured.subscriber, relationship: insured.relationship,
            memberID: insurance.memberID?.value ?? "", groupNumber: insurance.groupNumber?.value,
            payerName: payer?.name?.value ?? insurance.payer?.value ?? "", payerID: payer?.payerID?.value ?? "",
            priorAuthorization: authorization, diagnoses: diagnoses, placeOfService: context.placeOfService, lines: lines,
            renderingNPI: rendering?.npi?.value ?? "", renderingName: rendering?.name?.value ?? context.renderingClinician ?? "",
            billingNPI: practice?.npi?.value ?? "", taxID: taxID, heldBy: [])
    }

    private static func person(_ profile: Profile?) -> Claim.Person {
        Claim.Person(lastName: profile?.lastName?.value ?? "", firstName: profile?.firstName?.value ?? "",
                     dob: profile?.dob?.value, sex: profile?.sex?.value.rawValue ?? "U", address: profile?.address)
    }

    /// A line charged the fee in effect on the date of service.
    private func line(_ cpt: String, on date: LocalDate, modifiers: [String], pointers: [Int]) -> Claim.Line {
        Claim.Line(cpt: cpt, modifiers: modifiers, units: 1,
                   charge: record.practice?.fee(for: cpt)?.amount(on: date) ?? Money(cents: 0), pointers: pointers)
    }
}

/// A record's claims before the errors that hold some are known
/// (`ClaimMaker`), each with the place of its service in `record.services`.
struct UnheldClaims: Sendable {
    private(set) var claims: [Claim]
    let services: [Int]

    /// The claims, each held by the rules `readiness` says (its decisions
    /// are in the order of `record.services`). Held in place: most claims
    /// are held by none, and a copy of 20,000 claims is 20 MB.
    consuming func held(by readiness: ClaimReadiness) -> [Claim] {
        for (place, service) in services.enumerated() where !readiness.decisions[service].heldBy.isEmpty {
            claims[place].heldBy = readiness.decisions[service].heldBy
        }
        return claims
    }
}

/// What a service's session or individual note says about how it was given.
struct ServiceContext {
    let service: BillableService
    /// Looked up once: each property below looked them up again, copying
    /// the session and its note up to three times per claim. The record
    /// itself is not kept: a copy of it for each of 20,000 claims (a retain
    /// and a release of every one of its lists) was 0.4 % of a cold check.
    private let session: Session?
    private let individualNote: IndividualNote?
    /// What the session's group says, where its note does not.
    private let groupPlaceOfService: Located<String>?
    private let groupFacilitator: Located<String>?

    init(record: borrowing PracticeRecord, service: BillableService) {
        self.service = service
        session = service.kind == .group ? record.session(service.sessionID) : nil
        individualNote = service.kind == .individual
            ? record.member(service.member)?.individualNotes.first { $0.file == service.noteFile } : nil
        let group = session?.note.flatMap { record.group(of: $0) }
        groupPlaceOfService = group?.placeOfService
        groupFacilitator = group?.facilitator
    }

    var placeOfService: String {
        if let note = individualNote { return note.placeOfService?.value ?? "11" }
        return (session?.note?.placeOfService ?? groupPlaceOfService)?.value ?? "11"
    }

    /// The clinician who rendered the service: the session's facilitator, or the individual note's clinician.
    var renderingClinician: String? {
        if let note = individualNote { return note.clinician?.value }
        return (session?.note?.facilitator ?? groupFacilitator)?.value
    }

    var interactiveComplexity: Bool {
        session?.progressNote(for: service.member)?.interactiveComplexity != nil
    }

    /// The member also attended a group session on the individual session's date.
    func attendedGroupSameDay(in record: PracticeRecord) -> Bool {
        record.services.contains { $0.kind == .group && $0.member == service.member && $0.date == service.date }
    }
}
