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

  /// The fields of programs, requests and their steps, mentoring, SIGs and the directory book
  /// are named by the vocabulary too, and a key means one thing: a request's title is its
  /// 과제명 and a meeting's its 제목, a program's category 분야 and a difficulty's 애로 분류.
  @Test func programmeAndSupportFieldsHaveTerms() {
    let keys = [
      "request", "program", "programName", "programCategory", "budget", "year", "cofundingShare",
      "memberCap", "memberCapCount", "opens", "closes", "note", "projectTitle", "cofunding",
      "submitted", "difficulty", "reason", "override", "spent", "disallowed", "returned",
      "reportDate", "budgetScale", "copyFrom", "copyTo", "cluster", "expert", "expertName",
      "affiliation", "fields", "capacity", "mentor", "started", "ended", "topic", "sig", "sigName",
      "theme", "leader", "owner", "task", "due", "done", "edition", "asked", "directoryBook",
      "profileSubmitted",
    ]
    for key in keys { #expect(Term.named(key) != nil, "\(key) has no term") }
    #expect(FieldError.label(for: "projectTitle", .ko) == "과제명")
    #expect(FieldError.label(for: "title", .ko) == "제목")
    #expect(FieldError.label(for: "programCategory", .ko) == "분야")
    #expect(FieldError.label(for: "category", .ko) == "애로 분류")
    #expect(FieldError.label(for: "copyFrom", .en) == "year copied from")
    #expect(FieldError.label(for: "cluster", .en) == "mini-cluster")
    #expect(Term.cluster.title(.en) == "Cluster")
  }

  @Test func keysAreUnique() {
    #expect(Set(Term.all.map(\.key)).count == Term.all.count)
    #expect(Term.named("nothing") == nil)
    #expect(FieldError.label(for: "nothing", .ko) == "nothing")
  }
}
