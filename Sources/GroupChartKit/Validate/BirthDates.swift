/// Dates of birth that cannot be: after today, over 120 years before it, or a member's after the date
/// of a service billed for them (usually a typo, 2019 for 1991). The 837P
/// carries them (DMG02), and a payer rejects a claim whose patient was born
/// after its service (277CA A7:158). Reported through `invalid-value`.
enum BirthDates {
    static func invalidValues(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        // Each member's date of birth and profile, looked up once: `record.member`
        // for each of 20,000 services copied the whole member each time.
        var births: [String: (dob: Located<LocalDate>, file: String)] = [:]
        for member in context.record.members {
            guard let profile = member.profile else { continue }
            if let dob = profile.dob, births[member.id] == nil { births[member.id] = (dob, profile.file) }
            var dates = [profile.dob].compactMap { $0 }
            if case .insured(let insurance)? = profile.coverage, case .other(let holder)? = insurance.subscriber, let dob = holder.dob {
                dates.append(dob)
            }
            for dob in dates where dob.value > context.today {
                findings.append(Finding(dob.location, "the date of birth \(dob.value) is after today (\(context.today))",
                                        help: "correct dob to the date of birth on the insurance card"))
            }
            // A year typed short or wrong (0998 for 1998) went out as DMG*D8*09980203
            // (a fault-injection review): no one is 120 years older than today.
            for dob in dates where dob.value.year < context.today.year - 120 {
                findings.append(Finding(dob.location, "the date of birth \(dob.value) is over 120 years before today (\(context.today))",
                                        help: "correct dob to the date of birth on the insurance card (the year in four digits)"))
            }
        }
        // Each service before its member's birth, at the member's note (which
        // holds its claim): a session's findings stay in its folder.
        for service in context.record.services {
            guard let (dob, file) = births[service.member], dob.value > service.date, dob.value <= context.today,
                  let note = service.noteFile else { continue }
            findings.append(Finding(SourceLocation(file: note, line: 1),
                                    "\(service.member)'s date of birth, \(dob.value), is after this service's date, \(service.date)",
                                    help: "correct dob in \(file) to the date of birth on the insurance card",
                                    related: [RelatedLocation(dob.location, "the date of birth")]))
        }
        return findings
    }
}
