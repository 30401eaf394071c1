/// The CMS place-of-service code set (CLM05-01, and SV105 where a line's
/// place differs): the codes CMS has assigned, as pyx12 validates them for
/// 005010X222A1. A two-digit code that is not one of them ("00", "30",
/// "97") passed `check` and the 999 turned away the whole batch, every
/// claim in it (found by a clearinghouse analyst's review).
public enum PlaceOfService {
    /// Assigned codes, 01 to 99 with their gaps: 28-30, 35-40, 43-48, 59,
    /// 63-64, 67-70, 73-80, 82-98 are unassigned. CMS adds a code now and
    /// then (27, outreach site, and 66, PACE center, are recent): add it
    /// here when it does.
    static let assigned: Set<String> = [
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
        "20", "21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34", "41", "42", "49", "50", "51", "52", "53",
        "54", "55", "56", "57", "58", "60", "61", "62", "65", "66", "71", "72", "81", "99",
    ]

    /// Whether `code` is an assigned CMS place-of-service code.
    public static func isAssigned(_ code: String) -> Bool {
        assigned.contains(code)
    }
}
