import Foundation
import Testing

@testable import ClusterKit

/// One name per field and one way to write each value, wherever they appear.
@Suite struct VocabularyTests {
  /// 1 of 8 is 12.5%: the dashboard showed 13% and `meetings list` and `report` 12%.
  @Test func aPercentRoundsHalvesUpEverywhere() {
    #expect(Format.percent(1.0 / 8) == "13%")
    #expect(Format.percent(3.0 / 8) == "38%")
    #expect(Format.percent(0.5) == "50%")
    #expect(Format.percent(2.0 / 3) == "67%")
    #expect(Format.percent(0) == "0%")
    #expect(Format.percent(nil) == "–")
  }

  @Test func daysAndDates() {
    #expect(Format.days(94, .en) == "94d")
    #expect(Format.days(94, .ko) == "94일")
    #expect(Format.daysAgo(3, .en) == "3 days ago")
    #expect(Format.daysAgo(3, .ko) == "3일 전")
    #expect(Format.monthDay(Day(year: 2026, month: 3, day: 9)!) == "03.09")
    #expect(Format.monthDay(Day(year: 2026, month: 11, day: 26)!) == "11.26")
  }

  /// The phone and the business registration number had two Korean names each.
  @Test func phoneAndBusinessNumberHaveOneKoreanName() {
    #expect(Term.phone.label(.ko) == "전화번호")
    #expect(Term.phone.title(.ko) == "전화번호")
    #expect(Term.businessNumber.label(.ko) == "사업자등록번호")
    #expect(Term.businessNumber.title(.ko) == "사업자등록번호")
    #expect(FieldError.label(for: "phone", .ko) == "전화번호")
    #expect(MemberColumn.phone.header(.ko) == "전화번호")
    #expect(MemberColumn.businessNumber.header(.ko) == "사업자등록번호")
  }

  @Test func titlesAreNamesCapitalisedUnlessGiven() {
    #expect(Term.lastVisit.title(.en) == "Last visit")
    #expect(Term.businessNumber.title(.en) == "Reg. no.")
    #expect(Term.businessNumber.label(.en) == "business registration number")
    #expect(Term.meetingKind.title(.ko) == "종류")
    #expect(Term.meetingKind.label(.ko) == "회의 종류")
  }

  /// Errors, CSV headers and the vocabulary agree on every member column, and an export's
  /// headers are read back as the same columns.
  @Test func csvHeadersAndErrorsUseTheVocabulary() {
    for column in MemberColumn.allCases {
      let term = Term.named(column.field)
      #expect(term != nil, "\(column) has no term")
      for l in Language.allCases {
        #expect(column.header(l) == term?.label(l))
        #expect(FieldError.label(for: column.field, l) == term?.label(l))
        #expect(MemberColumn.recognise(column.header(l)) == column)
      }
    }
    #expect(MemberColumn.recognise("business number") == .businessNumber)
  }

  @Test func keysAreUnique() {
    #expect(Set(Term.all.map(\.key)).count == Term.all.count)
    #expect(Term.named("nothing") == nil)
    #expect(FieldError.label(for: "nothing", .ko) == "nothing")
  }
}
