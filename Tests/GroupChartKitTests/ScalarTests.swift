@testable import GroupChartKit
import Testing

/// The scalar kinds of format.md, read strictly from text.
@Suite struct ScalarTests {
    /// Dates, times and timestamps that are well-formed are read from their
    /// bytes (`plain`), everything else by characters: the two readings give
    /// the same value, or the same error, for valid values, impossible ones,
    /// near misses and random text.
    @Test func bytesAndCharactersReadDatesAndTimesAlike() {
        var texts = ["2026-03-12", "2026-02-29", "2024-02-29", "0000-01-01", "2026-13-01", "2026-00-10", "2026-04-31", "2026-3-12",
                     "20260312", "2026-03-12 ", "２026-03-12", "2026-03-1\u{0301}2", "14:00", "24:00", "23:60", "7:05", "07:5", "0700",
                     "2026-03-12T17:05", "2026-03-12 17:05", "2026-03-12T17:05:30", "2026-03-12T17:05:3x", "2026-03-12T17:05:60", "2026-03-12T17:05:99", "2026-03-12t17:05",
                     "2026-03-12T24:05", "2026-02-30T10:00", "2026-03-12T17:05:301", "", "-", ":"]
        var generator = SystemRandomNumberGenerator()
        let pieces = ["0", "1", "2", "9", "-", ":", "T", " ", "a", "é", "2026", "03", "12", "17", "05", "30"]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(LocalDate.parse(text) == LocalDate.parseByCharacters(text), "\(text.debugDescription)")
            #expect(LocalTime.parse(text) == LocalTime.parseByCharacters(text), "\(text.debugDescription)")
            #expect(Timestamp.parse(text) == Timestamp.parseByCharacters(text), "\(text.debugDescription)")
        }
        #expect(texts.filter { (try? Timestamp.parse($0).get()) != nil }.count >= 3)
    }

    @Test func datesAreCalendarDates() throws {
        #expect(try LocalDate.parse("2026-03-12").get() == LocalDate(year: 2026, month: 3, day: 12))
        #expect(try LocalDate.parse("2024-02-29").get().description == "2024-02-29")
        guard case .failure(let error) = LocalDate.parse("2026-02-30") else { Issue.record("2026-02-30 accepted"); return }
        #expect(error.message == "\"2026-02-30\" is not a date: February 2026 has 28 days")
        for text in ["2026-13-01", "2026-3-12", "12/03/2026", "2026-03-12T10:00", "", "２０２６-03-12", "1900-02-29"] {
            #expect(throws: ScalarError.self, "\(text)") { try LocalDate.parse(text).get() }
        }
    }

    @Test func dayArithmetic() throws {
        let start = try LocalDate.parse("2025-12-31").get()
        #expect(start.days(to: try LocalDate.parse("2026-03-01").get()) == 60)
        #expect(try LocalDate.parse("2024-03-01").get().days(to: try LocalDate.parse("2024-02-28").get()) == -2)
    }

    @Test func timesAreTwentyFourHourClock() throws {
        #expect(try LocalTime.parse("14:00").get().minutes == 840)
        #expect(try LocalTime.parse("09:05").get().description == "09:05")
        for text in ["24:00", "14:60", "2pm", "9:30", "14:00:00", "840"] {
            #expect(throws: ScalarError.self, "\(text)") { try LocalTime.parse(text).get() }
        }
    }

    @Test func timestampsTakeTOrSpace() throws {
        let expected = try Timestamp.parse("2026-03-12T17:05").get()
        #expect(try Timestamp.parse("2026-03-12 17:05").get() == expected)
        #expect(try Timestamp.parse("2026-03-12T17:05:00").get() == expected)
        #expect(expected.description == "2026-03-12T17:05")
        #expect(try Timestamp.parse("2026-03-12T17:05:59").get() == expected)
        for text in ["2026-03-12", "2026-03-12T25:00", "2026-02-30T10:00", "2026-03-12X17:05", "2026-03-12T17:05:60", "2026-03-12T17:05:99"] {
            #expect(throws: ScalarError.self, "\(text)") { try Timestamp.parse(text).get() }
        }
    }

    @Test func moneyIsExactCents() throws {
        #expect(try Money.parse("65").get().cents == 6500)
        #expect(try Money.parse("65.5").get().cents == 6550)
        #expect(try Money.parse("0.10").get() + Money.parse("0.20").get() == Money(cents: 30))
        #expect(try Money.parse("65.00").get().description == "65.00")
        for text in ["65.001", "$65", "-5", "1e2", "65.", ".5", "6,500"] {
            #expect(throws: ScalarError.self, "\(text)") { try Money.parse(text).get() }
        }
    }

    /// 835 amounts: signed, the point optional, never more than cents.
    @Test func x12AmountsAreSignedExactCents() {
        let read = ["-9.00": -900, "34": 3400, "11.5": 1150, ".5": 50, "1.230": 123, "0": 0, "-0.01": -1, "1.": 100]
        for (text, cents) in read { #expect(Money.parseX12(text) == Money(cents: cents), "\(text)") }
        for text in ["", "-", ".", "1.234", "+5", "1,000", "1e2", "--1", "5-", "12345678901234"] {
            #expect(Money.parseX12(text) == nil, "\(text)")
        }
        #expect((Money(cents: 500) - Money(cents: 700)).description == "-2.00")
        #expect((-Money(cents: 6500)).description == "-65.00")
    }

    @Test func identifiers() {
        #expect(Identifier.isSlug("okonkwo-david"))
        #expect(!Identifier.isSlug("Okonkwo-David"))
        #expect(!Identifier.isSlug("-david"))
        #expect(!Identifier.isSlug(String(repeating: "a", count: 41)))
        #expect(Identifier.isGoalID("G1"))
        #expect(Identifier.isCPT("90853"))
        #expect(!Identifier.isCPT("9085"))
        #expect(Identifier.isZIP("94607-3710") && Identifier.isZIP("94607") && Identifier.isZIP("946073710"))
        #expect(!Identifier.isZIP("9460") && !Identifier.isZIP("946-073710"))
    }
}
