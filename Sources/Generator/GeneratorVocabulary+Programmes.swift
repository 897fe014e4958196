import ClusterKit

// Words for the expert pool, mentoring sessions, SIG tasks and the directory book.

extension Vocabulary {
  /// What professors of the non-technical departments mentor in (the technical departments
  /// mentor in the technology of a division theme).
  static let departmentFields: [String: [String]] = [
    "의공학과": ["의료기기", "인증"], "산업공학과": ["생산기술", "품질", "공정"],
    "경영학과": ["경영", "회계", "마케팅"],
  ]

  /// Support agencies' centres and what their staff mentor in.
  static let agencyFields: [(String, [String])] = [
    ("수출지원센터", ["수출", "해외마케팅", "무역"]), ("인증지원센터", ["인증", "시험분석", "규격"]),
    ("디자인센터", ["디자인", "마케팅", "브랜드"]), ("일자리센터", ["인력", "채용", "교육"]),
    ("중소기업지원센터", ["자금", "정책자금", "경영"]), ("기술지원센터", ["기술", "공정"]),
    ("품질지원센터", ["품질", "인증"]), ("창업보육센터", ["경영", "투자"]),
    ("산학협력센터", ["연구개발", "기술"]), ("무역보험 상담센터", ["수출", "금융"]),
  ]

  /// Firms of experts: the name's ending and the fields.
  static let expertFirms: [(String, String, [String])] = [
    ("회계법인", "cpa", ["회계", "세무", "재무"]), ("특허법률사무소", "ip", ["특허", "지식재산"]),
    ("경영컨설팅", "mc", ["경영", "전략", "마케팅"]), ("노무법인", "labor", ["노무", "인사", "인력"]),
    ("관세법인", "customs", ["수출", "통상", "무역"]),
  ]

  /// What a session with a mentor is about, by the field it serves.
  static let sessionTopics: [String: [String]] = [
    "기술": ["시제품 설계 검토", "공정 불량 원인 분석", "신제품 기술 로드맵 점검", "양산 전환 기술 지도"],
    "회계": ["원가 구조 분석", "결산 재무제표 검토", "정부지원금 회계 처리"],
    "세무": ["연구개발 세액공제 점검", "부가세 신고 준비"],
    "재무": ["운전자금 계획 수립", "투자 유치용 재무 모델"],
    "경영": ["중장기 사업계획 수립", "조직 운영 진단", "신사업 타당성 검토"],
    "마케팅": ["온라인 판로 전략", "전시회 참가 준비", "제품 홍보물 검토"],
    "수출": ["해외 바이어 상담 준비", "수출 계약서 검토", "현지 인증·통관 요건 점검"],
    "인증": ["CE 기술문서 준비", "KC 인증 시험 일정 점검", "FCC 시험성적서 검토"],
    "특허": ["선행기술 조사", "특허 출원 명세서 검토", "특허 분쟁 대응 방안"],
    "인력": ["채용 공고·직무 설계", "재직자 교육 계획"], "품질": ["품질관리 체계 점검", "ISO 9001 심사 준비"],
  ]
  static let sessionNotes = [
    "다음 방문 때 개선 결과 확인", "관련 지원사업 안내함", "대표이사 면담", "자료 추가 요청", "담당자 교육 진행",
  ]

  /// Why an expert was assigned beyond their capacity.
  static let overrideReasons = [
    "해당 분야 전문가가 풀에 한 명뿐임", "기존 멘티 기업 연계 과제로 추가 배정", "수출 상담 일정상 긴급 배정",
  ]

  /// SIG task titles: a subject of the company's division, then one of these endings.
  static let sigTaskEndings = [
    " 공동 개발", " 해외인증 공동 대응", " 공동 전시 참가", " 원가절감 공정 개선", " 신뢰성 시험 공동 수행",
    " 수출 바이어 공동 발굴", " 부품 공동 구매",
  ]
}
