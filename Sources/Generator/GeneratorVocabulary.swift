import ClusterKit

/// Word pools the generator combines by index. Every name here is invented; none is meant to
/// be a real firm, institution or person.
enum Vocabulary {
  // MARK: People

  /// Surnames with their romanisation and a relative frequency (per mille, roughly as in Korea).
  static let surnames: [(String, String, Int)] = [
    ("김", "kim", 215), ("이", "lee", 147), ("박", "park", 84), ("최", "choi", 47),
    ("정", "jung", 43), ("강", "kang", 23), ("조", "cho", 21), ("윤", "yoon", 21),
    ("장", "jang", 20), ("임", "lim", 17), ("한", "han", 15), ("오", "oh", 15),
    ("서", "seo", 15), ("신", "shin", 14), ("권", "kwon", 14), ("황", "hwang", 14),
    ("안", "ahn", 14), ("송", "song", 13), ("류", "ryu", 12), ("전", "jeon", 11),
    ("홍", "hong", 11), ("고", "ko", 9), ("문", "moon", 9), ("양", "yang", 9),
    ("손", "son", 9), ("배", "bae", 8), ("백", "baek", 8), ("허", "heo", 7),
    ("유", "yoo", 6), ("남", "nam", 6), ("심", "shim", 5), ("노", "noh", 5),
    ("하", "ha", 4), ("곽", "kwak", 4), ("성", "sung", 4), ("차", "cha", 4),
    ("주", "joo", 4), ("우", "woo", 4), ("구", "koo", 4), ("민", "min", 3),
    ("진", "jin", 3), ("나", "na", 3), ("지", "ji", 3), ("엄", "eom", 3),
    ("채", "chae", 2), ("원", "won", 2), ("천", "cheon", 2), ("방", "bang", 2),
    ("공", "kong", 2), ("현", "hyun", 2), ("함", "ham", 2), ("변", "byun", 2),
    ("염", "yeom", 1), ("여", "yeo", 1), ("추", "choo", 1), ("도", "do", 1),
    ("석", "seok", 1), ("설", "seol", 1), ("길", "gil", 1), ("연", "yeon", 1),
    ("표", "pyo", 1), ("명", "myung", 1),
  ]

  static let givenFirst: [(String, String)] = [
    ("민", "min"), ("서", "seo"), ("지", "ji"), ("현", "hyun"), ("수", "su"), ("영", "young"),
    ("성", "sung"), ("정", "jung"), ("준", "jun"), ("동", "dong"), ("상", "sang"), ("재", "jae"),
    ("진", "jin"), ("은", "eun"), ("혜", "hye"), ("윤", "yoon"), ("승", "seung"), ("태", "tae"),
    ("경", "kyung"), ("미", "mi"), ("예", "ye"), ("하", "ha"), ("도", "do"), ("우", "woo"),
    ("주", "ju"), ("유", "yu"), ("종", "jong"), ("병", "byung"), ("용", "yong"), ("기", "ki"),
    ("석", "seok"), ("원", "won"), ("창", "chang"), ("명", "myung"), ("광", "kwang"), ("세", "se"),
    ("희", "hee"), ("선", "sun"), ("다", "da"), ("채", "chae"),
  ]

  static let givenSecond: [(String, String)] = [
    ("호", "ho"), ("훈", "hoon"), ("수", "su"), ("민", "min"), ("영", "young"), ("진", "jin"),
    ("희", "hee"), ("현", "hyun"), ("준", "jun"), ("우", "woo"), ("석", "seok"), ("철", "chul"),
    ("식", "sik"), ("환", "hwan"), ("혁", "hyuk"), ("규", "kyu"), ("빈", "bin"), ("연", "yeon"),
    ("경", "kyung"), ("숙", "sook"), ("미", "mi"), ("은", "eun"), ("아", "a"), ("정", "jung"),
    ("원", "won"), ("일", "il"), ("범", "beom"), ("섭", "seop"), ("용", "yong"), ("태", "tae"),
    ("윤", "yoon"), ("주", "ju"), ("인", "in"), ("혜", "hye"), ("나", "na"), ("서", "seo"),
  ]

  static let contactTitles = ["부장", "차장", "과장", "대리", "팀장", "이사", "연구소장", "실장", "상무"]
  static let institutionTitles = ["팀장", "책임연구원", "선임연구원", "센터장", "매니저", "과장"]

  // MARK: Companies

  /// Syllables for two-syllable company stems, with romanisation.
  static let stemFirst: [(String, String)] = [
    ("유", "yu"), ("한", "han"), ("대", "dae"), ("세", "se"), ("동", "dong"), ("태", "tae"),
    ("성", "sung"), ("우", "woo"), ("영", "young"), ("신", "shin"), ("진", "jin"), ("미", "mi"),
    ("새", "sae"), ("청", "chung"), ("해", "hae"), ("보", "bo"), ("다", "da"), ("나", "na"),
    ("아", "a"), ("은", "eun"), ("정", "jung"), ("현", "hyun"), ("광", "kwang"), ("명", "myung"),
    ("서", "seo"), ("승", "seung"), ("인", "in"), ("창", "chang"), ("혜", "hye"), ("가", "ga"),
  ]

  static let stemSecond: [(String, String)] = [
    ("신", "shin"), ("빛", "bit"), ("성", "sung"), ("진", "jin"), ("우", "woo"), ("영", "young"),
    ("원", "won"), ("광", "kwang"), ("명", "myung"), ("림", "rim"), ("솔", "sol"), ("온", "on"),
    ("결", "gyeol"), ("담", "dam"), ("비", "bi"), ("안", "an"), ("도", "do"), ("산", "san"),
    ("하", "ha"), ("람", "ram"), ("인", "in"), ("들", "deul"), ("율", "yul"), ("준", "jun"),
  ]

  /// Stems that read like well-known business groups; never used.
  static let avoidedStems: Set<String> = [
    "대우", "한진", "동원", "대림", "한솔", "한라", "동아", "대상", "태영", "세아", "일진", "해태",
    "효성", "한샘", "신세", "동성", "대성", "영원", "광동", "동화", "대한", "한성", "성원", "태광",
    "아진", "성우", "유신", "대원", "세원", "한온", "미원", "대양",
  ]

  /// Longer invented stems mixed in for variety.
  static let longStems: [(String, String)] = [
    ("온누리", "onnuri"), ("가온누리", "gaonnuri"), ("다온", "daon"), ("에이스", "ace"),
    ("나노", "nano"), ("아이엠", "im"), ("제이앤에스", "jns"), ("에스디", "sd"), ("케이엠", "km"),
    ("디에이치", "dh"), ("엠투", "m2"), ("비전", "vision"), ("해솔", "haesol"), ("늘품", "neulpum"),
    ("한울", "hanul"), ("보람", "boram"), ("이노", "inno"), ("지오", "geo"),
  ]

  static let latinHeads = [
    "Nex", "Sol", "Cor", "Lumi", "Medi", "Inno", "Sen", "Vita", "Opti", "Astra", "Zen", "Ever",
    "Neo", "Tera", "Qua", "Hexa",
  ]
  static let latinTails = ["tron", "vix", "ria", "tek", "sys", "onix", "ora", "lin", "gen", "mark"]
  static let latinForms = [" Systems", " Technologies", " Inc.", " Co., Ltd.", " Labs", " Korea"]

  static let universityStems: [(String, String)] = [
    ("한결", "hangyeol"), ("서하", "seoha"), ("청람", "chungram"), ("동인", "dongin"),
    ("가람", "garam"), ("새빛", "saebit"), ("누리", "nuri"), ("해오름", "haeoreum"), ("미림", "mirim"),
    ("진솔", "jinsol"), ("솔뫼", "solmoe"), ("한별", "hanbyeol"), ("청솔", "chungsol"),
    ("송림", "songrim"), ("은하", "eunha"), ("라온", "raon"),
  ]

  static let regionRoman = [
    "seoul", "gumi", "changwon", "banwol", "sihwa", "namdong", "gwangju", "daegu", "ulsan",
    "gunsan",
    "ochang", "noksan",
  ]

  static let genericAgencies = [
    "중소기업지원센터", "창업보육센터", "수출지원센터", "기술지원센터", "일자리센터", "산학협력센터", "디자인센터",
    "품질지원센터", "물류지원센터", "인증지원센터",
  ]
  static let departments = [
    "전자공학과", "기계공학과", "산업공학과", "컴퓨터공학과", "의공학과", "경영학과", "신소재공학과",
    "정보통신공학과",
  ]

  // MARK: Themes

  struct DivisionTheme {
    let name: String
    let products: [String]
    /// Name suffixes with their romanisation.
    let suffixes: [(String, String)]
    /// Subjects of development requests and SIG tasks.
    let subjects: [String]
  }

  static let themes: [DivisionTheme] = [
    DivisionTheme(
      name: "IT장비",
      products: [
        "통신장비", "네트워크 스위치", "교통카드 단말기", "지능형 로봇", "MEMS 센서", "제어기", "산업용 센서",
        "무선 중계기", "영상보안장비", "무인 키오스크",
      ],
      suffixes: [
        ("테크", "tech"), ("시스템", "system"), ("네트웍스", "networks"), ("일렉트로닉스", "elec"),
        ("로보틱스", "robotics"), ("텔레콤", "telecom"), ("센서", "sensor"), ("솔루션", "solution"),
      ],
      subjects: [
        "스마트 센서 모듈", "교통카드 리더기", "산업용 무선 게이트웨이", "서비스 로봇 구동부", "MEMS 압력센서",
        "모션 제어기", "AI 영상분석 카메라",
      ]),
    DivisionTheme(
      name: "메디시스템",
      products: [
        "의료영상장비", "환자감시장치", "체외진단기기", "초음파 프로브", "재활로봇", "디지털 X-ray 검출기",
        "의료용 레이저", "전자혈압계",
      ],
      suffixes: [
        ("메디칼", "medical"), ("메디텍", "meditech"), ("헬스케어", "healthcare"), ("바이오", "bio"),
        ("메드", "med"), ("의료기", "medi"),
      ],
      subjects: [
        "휴대형 초음파 영상장치", "웨어러블 심전도 패치", "체외진단 리더기", "재활운동 보조로봇",
        "디지털 엑스레이 센서", "비접촉 체온측정기",
      ]),
    DivisionTheme(
      name: "차세대부품",
      products: [
        "PCB", "커패시터", "반도체 IC", "전력반도체", "커넥터", "인덕터", "LED 모듈", "정밀 금형", "방열 소재",
      ],
      suffixes: [
        ("전자", "elec"), ("정밀", "precision"), ("반도체", "semi"), ("산업", "ind"),
        ("이엔지", "eng"), ("머티리얼즈", "materials"), ("일렉트로닉스", "electronics"),
      ],
      subjects: [
        "고용량 적층세라믹 커패시터", "연성 PCB", "전력반도체 모듈", "초소형 커넥터", "고방열 기판",
        "차량용 LED 모듈",
      ]),
    DivisionTheme(
      name: "임베디드SW",
      products: [
        "임베디드 소프트웨어", "산업용 PC", "IoT 플랫폼", "스마트홈 게이트웨이", "펌웨어", "원격관제 시스템",
      ],
      suffixes: [
        ("소프트", "soft"), ("솔루션", "solution"), ("시스템즈", "systems"), ("아이티", "it"),
        ("랩스", "labs"), ("정보기술", "infotech"),
      ],
      subjects: [
        "스마트홈 IoT 게이트웨이", "엣지 AI 분석 모듈", "산업용 HMI 소프트웨어", "원격 설비관제 플랫폼",
      ]),
    DivisionTheme(
      name: "통신·네트워크",
      products: ["광통신 모듈", "무선 AP", "소형기지국 부품", "네트워크 보안장비", "RF 필터", "광케이블 접속함"],
      suffixes: [
        ("텔레콤", "telecom"), ("네트웍스", "networks"), ("통신", "tel"), ("커뮤니케이션", "comm"),
        ("웨이브", "wave"),
      ],
      subjects: ["광트랜시버 모듈", "Wi-Fi 7 액세스포인트", "5G RF 필터", "네트워크 보안 어플라이언스"]),
    DivisionTheme(
      name: "스마트디바이스",
      products: ["웨어러블 기기", "스마트 도어록", "차량용 블랙박스", "디지털 사이니지", "전자칠판", "무선충전기"],
      suffixes: [
        ("디바이스", "device"), ("테크", "tech"), ("일렉트로닉스", "elec"), ("디지털", "digital"),
      ],
      subjects: ["지문인식 스마트 도어록", "차량용 블랙박스", "인터랙티브 전자칠판", "저전력 웨어러블 밴드"]),
    DivisionTheme(
      name: "실감콘텐츠",
      products: ["VR 콘텐츠", "AR 교육 콘텐츠", "메타버스 플랫폼", "모바일 게임", "디지털 트윈 시각화"],
      suffixes: [
        ("스튜디오", "studio"), ("엔터테인먼트", "ent"), ("인터랙티브", "interactive"),
        ("미디어", "media"), ("소프트", "soft"),
      ],
      subjects: ["산업안전 VR 훈련 콘텐츠", "AR 설비정비 매뉴얼", "메타버스 온라인 전시관", "디지털 트윈 뷰어"]),
    DivisionTheme(
      name: "영상·방송장비",
      products: ["방송용 카메라", "영상 인코더", "LED 전광판", "영상 송출장비", "CCTV 저장장치"],
      suffixes: [("비전", "vision"), ("미디어", "media"), ("이미징", "imaging"), ("디지털", "digital")],
      subjects: ["4K 영상 인코더", "IP 영상전송 장치", "초고화질 LED 전광판 제어기"]),
    DivisionTheme(
      name: "의료기기",
      products: ["수술용 기구", "치과용 임플란트", "주사기·수액세트", "물리치료기", "의료용 모니터", "혈당측정기"],
      suffixes: [("메디칼", "medical"), ("메디텍", "meditech"), ("바이오", "bio"), ("덴탈", "dental")],
      subjects: ["일회용 내시경 처치구", "치과용 임플란트 픽스처", "저주파 물리치료기", "연속혈당측정 센서"]),
    DivisionTheme(
      name: "디지털헬스케어",
      products: ["원격진료 플랫폼", "건강관리 앱", "생체신호 분석 소프트웨어", "의료 AI 솔루션", "병원정보시스템"],
      suffixes: [("헬스케어", "healthcare"), ("헬스", "health"), ("메디", "medi"), ("랩스", "labs")],
      subjects: ["AI 심전도 분석 소프트웨어", "비대면 재활 관리 앱", "수면 모니터링 플랫폼"]),
    DivisionTheme(
      name: "기계·금형",
      products: ["사출금형", "프레스 금형", "CNC 가공부품", "유압 실린더", "자동화 설비", "감속기"],
      suffixes: [
        ("정밀", "precision"), ("기계", "machinery"), ("금형", "mold"), ("엔지니어링", "eng"),
        ("산업", "ind"), ("기공", "tech"),
      ],
      subjects: ["고정밀 사출금형", "스마트 유압 실린더", "협동로봇 그리퍼", "자동화 검사설비"]),
    DivisionTheme(
      name: "자동차부품",
      products: ["브레이크 부품", "차량용 센서", "와이어링 하네스", "전장 모듈", "배터리 케이스", "시트 프레임"],
      suffixes: [("오토텍", "autotech"), ("모빌리티", "mobility"), ("산업", "ind"), ("정공", "precision")],
      subjects: ["전기차 배터리 케이스", "차량용 레이더 하우징", "경량 시트 프레임"]),
    DivisionTheme(
      name: "에너지·환경",
      products: ["태양광 인버터", "ESS 배터리팩", "집진장치", "수처리 설비", "폐열회수 장치"],
      suffixes: [("에너지", "energy"), ("그린텍", "greentech"), ("환경", "env"), ("파워", "power")],
      subjects: ["소형 태양광 인버터", "ESS 배터리 관리장치", "스마트 집진 제어기"]),
    DivisionTheme(
      name: "소재·화학",
      products: ["기능성 필름", "산업용 접착제", "특수 도료", "플라스틱 컴파운드", "세라믹 소재"],
      suffixes: [("케미칼", "chemical"), ("소재", "materials"), ("화학", "chem"), ("폴리머", "polymer")],
      subjects: ["친환경 수성 도료", "고내열 기능성 필름", "재생 플라스틱 컴파운드"]),
  ]

  /// A mini-cluster template: its name and the indices of its divisions' themes.
  struct ClusterTheme {
    let name: String
    let divisions: [Int]
    let seminars: [String]
    let sigs: [(String, String)]
  }

  static let clusterThemes: [ClusterTheme] = [
    ClusterTheme(
      name: "지능형메카트로닉스", divisions: [0, 1, 2],
      seminars: ["스마트홈 네트워크 기술", "MEMS 센서 기술 동향", "협동로봇 안전 규격"],
      sigs: [
        ("스마트센서 SIG", "센서·제어기 공동 플랫폼 개발"),
        ("의료기기 인허가 SIG", "의료기기 해외 인허가 공동 대응"),
        ("동남아 수출 SIG", "베트남·태국 시장 공동 진출"),
      ]),
    ClusterTheme(
      name: "IT융합", divisions: [3, 4, 5],
      seminars: ["엣지 AI와 임베디드 시스템", "사이버보안 인증 대응", "Matter 표준 스마트홈"],
      sigs: [
        ("IoT 플랫폼 SIG", "회원사 IoT 제품 공동 플랫폼 구축"),
        ("보안인증 SIG", "정보보호 인증 공동 대응"),
        ("북미 진출 SIG", "북미 전시회 공동관 운영"),
      ]),
    ClusterTheme(
      name: "디지털콘텐츠", divisions: [6, 7],
      seminars: ["생성형 AI 콘텐츠 제작", "실감콘텐츠 저작권 보호", "버추얼 프로덕션 기술"],
      sigs: [
        ("실감미디어 SIG", "실감콘텐츠 공동 제작 파이프라인"),
        ("콘텐츠 수출 SIG", "동남아 콘텐츠 공동 수출"),
      ]),
    ClusterTheme(
      name: "바이오메디컬", divisions: [8, 9],
      seminars: ["의료기기 GMP 심사 대응", "디지털 치료기기 인허가", "의료 AI 데이터 활용"],
      sigs: [
        ("GMP 대응 SIG", "의료기기 GMP 공동 대응"),
        ("디지털헬스 SIG", "병원 연계 실증 과제 공동 발굴"),
      ]),
    ClusterTheme(
      name: "전자의료기기", divisions: [1, 2, 0],
      seminars: ["의료기기 전자파 적합성", "FDA 510(k) 인허가 전략", "초음파 영상 신호처리"],
      sigs: [
        ("의료영상 SIG", "의료영상 부품 국산화"),
        ("해외인증 SIG", "CE MDR 공동 대응"),
        ("중동 진출 SIG", "중동 의료기기 시장 공동 진출"),
      ]),
    ClusterTheme(
      name: "기계부품", divisions: [10, 11],
      seminars: ["스마트공장 고도화", "금형 설계 자동화", "전기차 부품 경량화"],
      sigs: [
        ("스마트공장 SIG", "공정 데이터 수집 공동 구축"),
        ("경량화 SIG", "전기차 경량 부품 공동 개발"),
      ]),
    ClusterTheme(
      name: "그린에너지", divisions: [12, 13],
      seminars: ["탄소중립 공정 전환", "RE100 대응 전략", "2차전지 소재 동향"],
      sigs: [
        ("탄소중립 SIG", "공정 탄소배출 공동 측정"),
        ("ESS SIG", "ESS 안전기준 공동 대응"),
      ]),
    ClusterTheme(
      name: "스마트제조", divisions: [10, 0, 3],
      seminars: ["디지털 트윈 제조 혁신", "머신비전 검사 자동화", "산업용 5G 활용"],
      sigs: [
        ("머신비전 SIG", "비전검사 공동 솔루션 개발"),
        ("자동화설비 SIG", "자동화 설비 공동 표준화"),
        ("인도 진출 SIG", "인도 제조시장 공동 진출"),
      ]),
    ClusterTheme(
      name: "모바일융합", divisions: [5, 2, 4],
      seminars: ["폴더블 기기 부품 동향", "무선충전 표준", "저전력 통신 기술"],
      sigs: [
        ("모바일부품 SIG", "모바일 부품 공동 신뢰성 시험"),
        ("웨어러블 SIG", "웨어러블 기기 공동 개발"),
      ]),
    ClusterTheme(
      name: "미래모빌리티", divisions: [11, 12, 2],
      seminars: ["자율주행 센서 동향", "전기차 배터리 안전", "차량용 반도체 공급망"],
      sigs: [
        ("전장부품 SIG", "전장 부품 공동 인증 대응"),
        ("배터리 SIG", "배터리 부품 공동 개발"),
      ]),
  ]

  // MARK: Regions

  struct Region {
    let short: String
    let office: String
    let complex: String
    let areaCode: String
    let exchanges: ClosedRange<Int>
    let cities: [String]
    let streets: [String]
    let taxOffices: [Int]
    let mountains: [String]
    let venues: [String]
    let agencies: [String]
    let institute: String
  }

  static let regions: [Region] = [
    Region(
      short: "서울", office: "서울지역본부", complex: "서울디지털산업단지", areaCode: "02",
      exchanges: 2000...2999, cities: ["서울특별시 구로구", "서울특별시 금천구"],
      streets: [
        "디지털로", "디지털로26길", "디지털로33길", "가산디지털1로", "가산디지털2로", "벚꽃로", "디지털로9길",
      ],
      taxOffices: [113, 119, 107, 214], mountains: ["관악산", "북한산", "청계산", "수락산"],
      venues: [
        "G밸리 비즈니스지원센터 2층 회의실", "한국산업단지공단 서울지역본부 대회의실", "G밸리 기업시민청 세미나실",
        "가산 비즈플라자 3층 세미나실",
      ],
      agencies: [
        "구로벤처지원센터", "G밸리 수출지원센터", "디지털단지 창업보육센터", "(사)G밸리기업인협의회",
        "금천산업진흥재단",
      ],
      institute: "서울정밀기술연구원"),
    Region(
      short: "구미", office: "대경권본부", complex: "구미국가산업단지", areaCode: "054",
      exchanges: 460...479, cities: ["경상북도 구미시"],
      streets: ["1공단로", "3공단로", "수출대로", "산호대로", "임수로", "첨단기업1로"],
      taxOffices: [513, 515], mountains: ["금오산", "천생산", "팔공산"],
      venues: ["구미 혁신클러스터추진단 회의실", "구미 비즈니스센터 세미나실", "구미 산학융합캠퍼스 강당"],
      agencies: ["구미전자산업지원센터", "구미수출진흥센터", "금오창업보육센터", "(사)구미기업인연합회"],
      institute: "경북전자융합기술원"),
    Region(
      short: "창원", office: "경남지역본부", complex: "창원국가산업단지", areaCode: "055",
      exchanges: 260...289, cities: ["경상남도 창원시 성산구", "경상남도 창원시 의창구"],
      streets: ["공단로", "완암로", "성주로", "남면로"], taxOffices: [609, 615],
      mountains: ["정병산", "무학산", "불모산"],
      venues: ["창원 기업지원센터 회의실", "경남지역본부 대회의실", "창원 첨단산업관 세미나실"],
      agencies: ["창원기계산업지원센터", "경남수출지원센터", "(사)창원기업인협의회"],
      institute: "경남기계융합기술원"),
    Region(
      short: "반월", office: "경기지역본부", complex: "반월국가산업단지", areaCode: "031",
      exchanges: 490...499, cities: ["경기도 안산시 단원구"],
      streets: ["별망로", "해봉로", "산단로", "원시로"], taxOffices: [134, 409],
      mountains: ["수리산", "광교산", "관악산"],
      venues: ["반월 비즈니스센터 회의실", "경기지역본부 대회의실", "안산 산업지원관 세미나실"],
      agencies: ["안산중소기업지원센터", "반월수출지원센터", "(사)반월시화기업인협의회"],
      institute: "경기생산기술연구원"),
    Region(
      short: "시화", office: "시화지사", complex: "시화국가산업단지", areaCode: "031",
      exchanges: 430...439, cities: ["경기도 시흥시"],
      streets: ["공단1대로", "옥구천동로", "정왕천로", "희망공원로"], taxOffices: [233, 140],
      mountains: ["소래산", "군자봉", "수리산"],
      venues: ["시화 비즈센터 회의실", "시흥 산업진흥관 세미나실"],
      agencies: ["시흥중소기업지원센터", "시화창업보육센터", "(사)시화기업인회"],
      institute: "시흥소재부품기술원"),
    Region(
      short: "남동", office: "인천지역본부", complex: "남동국가산업단지", areaCode: "032",
      exchanges: 810...829, cities: ["인천광역시 남동구"],
      streets: ["남동대로", "앵고개로", "능허대로", "남동서로"], taxOffices: [131, 121],
      mountains: ["계양산", "문학산", "소래산"],
      venues: ["남동 비즈니스센터 회의실", "인천지역본부 대회의실"],
      agencies: ["남동산업지원센터", "인천수출지원센터", "(사)남동기업인협회"],
      institute: "인천뿌리기술연구원"),
    Region(
      short: "광주", office: "광주지역본부", complex: "광주첨단과학산업단지", areaCode: "062",
      exchanges: 970...979, cities: ["광주광역시 북구", "광주광역시 광산구"],
      streets: ["첨단과기로", "첨단벤처로", "첨단중앙로", "하남산단로"], taxOffices: [409, 410],
      mountains: ["무등산", "어등산"], venues: ["광주 첨단비즈센터 회의실", "광주지역본부 대회의실"],
      agencies: ["광주광산업지원센터", "첨단창업보육센터", "(사)광주첨단기업협의회"],
      institute: "광주광융합기술원"),
    Region(
      short: "대구", office: "대구지역본부", complex: "성서산업단지", areaCode: "053",
      exchanges: 580...599, cities: ["대구광역시 달서구"],
      streets: ["성서공단로", "달서대로", "호산로", "갈산동로"], taxOffices: [503, 514],
      mountains: ["팔공산", "앞산", "비슬산"], venues: ["성서 비즈센터 회의실", "대구지역본부 대회의실"],
      agencies: ["성서산업지원센터", "대구수출지원센터", "(사)성서기업인협의회"],
      institute: "대구기계부품기술원"),
    Region(
      short: "울산", office: "울산지역본부", complex: "울산미포국가산업단지", areaCode: "052",
      exchanges: 220...239, cities: ["울산광역시 남구", "울산광역시 북구"],
      streets: ["산업로", "용잠로", "효암로", "매암로"], taxOffices: [610, 620],
      mountains: ["문수산", "가지산", "신불산"], venues: ["울산 비즈센터 회의실", "울산지역본부 대회의실"],
      agencies: ["울산조선해양지원센터", "울산수출지원센터", "(사)울산중소기업협의회"],
      institute: "울산그린소재기술원"),
    Region(
      short: "군산", office: "전북지역본부", complex: "군산국가산업단지", areaCode: "063",
      exchanges: 460...469, cities: ["전북특별자치도 군산시"],
      streets: ["외항로", "새만금북로", "자유로", "산단로"], taxOffices: [401, 402],
      mountains: ["월명산", "모악산"], venues: ["군산 비즈센터 회의실", "전북지역본부 대회의실"],
      agencies: ["군산자동차산업지원센터", "전북수출지원센터", "(사)군산기업인협의회"],
      institute: "전북모빌리티기술원"),
    Region(
      short: "오창", office: "충북지역본부", complex: "오창과학산업단지", areaCode: "043",
      exchanges: 210...219, cities: ["충청북도 청주시 청원구"],
      streets: ["오창읍 과학산업1로", "오창읍 과학산업2로", "오창읍 연구단지로"], taxOffices: [301, 317],
      mountains: ["우암산", "속리산"], venues: ["오창 비즈센터 회의실", "충북지역본부 대회의실"],
      agencies: ["오창바이오지원센터", "충북수출지원센터", "(사)오창기업인협의회"],
      institute: "충북바이오융합기술원"),
    Region(
      short: "녹산", office: "부산지역본부", complex: "녹산국가산업단지", areaCode: "051",
      exchanges: 830...839, cities: ["부산광역시 강서구"],
      streets: ["녹산산단321로", "녹산산단335로", "녹산산업중로", "화전산단로"], taxOffices: [621, 623],
      mountains: ["금정산", "승학산", "백양산"], venues: ["녹산 비즈센터 회의실", "부산지역본부 대회의실"],
      agencies: ["녹산조선기자재지원센터", "부산수출지원센터", "(사)녹산기업인협회"],
      institute: "부산해양부품기술원"),
  ]

  static let buildings = [
    "G밸리 비즈타워", "가산 스마트타워", "구로 디지털센터 3차", "한울벤처타워", "테크노밸리 A동", "디지털 이노플렉스",
    "가산 하이엔드센터", "G스퀘어", "코리아디지털타워", "에이스 테크노센터",
  ]

  // MARK: Visits

  static let visitOpeners = [
    "대표이사 면담", "연구소장 및 생산팀장 면담", "생산라인 견학 후 대표와 면담", "관리이사 면담",
    "대표 및 영업부장 면담", "기술연구소 방문 및 연구원 면담", "신임 대표이사 상견례 겸 면담",
  ]

  static let visitSituations = [
    "수주가 늘어 생산라인 증설을 검토 중임", "신규 거래처 발굴이 시급하다고 함", "수출 물량 증가로 인력 충원을 계획 중임",
    "원가 절감을 위한 공정 개선을 추진 중임", "차세대 모델 개발을 위한 연구인력이 부족하다고 함",
    "해외 바이어 문의가 늘어 인증 취득을 준비 중임", "주요 고객사 발주 감소로 매출이 정체됨",
    "공장 이전을 검토 중이며 입지 정보를 요청함", "정부 R&D 과제 참여를 희망함",
    "스마트공장 도입으로 불량률이 크게 줄었다고 함",
  ]

  static let visitClosers: [VisitPurpose: [String]] = [
    .difficultySurvey: [
      "애로사항을 청취하고 관련 지원사업을 안내함", "현장 애로를 정리하여 유관기관과 공유하기로 함",
      "애로사항 해결을 위한 후속 방문을 약속함",
    ],
    .needsSurvey: [
      "내년도 지원사업 수요를 조사함", "기술개발 및 마케팅 지원 수요를 파악함", "교육훈련 수요조사서를 회수함",
    ],
    .followUp: [
      "지난 방문 시 요청한 지원 진행 상황을 점검함", "선정된 지원과제의 추진 현황을 확인함",
      "연계한 전문가 자문 결과를 확인함",
    ],
    .other: [
      "미니클러스터 활동 참여를 독려함", "디렉토리북 기업정보 제출을 요청함", "운영위원회 안건을 사전 협의함",
    ],
  ]

  static let difficulties: [DifficultyCategory: [String]] = [
    .technology: [
      "핵심 부품 국산화 기술 부족", "신제품 설계 검증 역량 부족", "불량 원인 분석을 위한 장비 부재",
      "SW 개발 인력 부족으로 제품 고도화 지연", "시험 장비 사용료 부담",
    ],
    .funding: [
      "원자재 가격 상승으로 자금 압박", "운전자금 부족", "설비투자 자금 조달 어려움", "매출채권 회수 지연",
      "정책자금 신청 절차가 복잡함",
    ],
    .marketing: [
      "신규 거래처 발굴 어려움", "대기업 협력사 등록 절차 부담", "온라인 판로 개척 경험 부족",
      "공공조달 진입 방법을 모름",
    ],
    .export: [
      "해외 바이어 발굴 어려움", "수출 물류비 상승", "환율 변동으로 수익성 악화", "해외 전시회 참가비 부담",
    ],
    .certification: [
      "해외규격인증(CE) 비용 부담", "FCC 인증 시험 일정 지연", "의료기기 GMP 심사 준비 부담", "KC 인증 절차 안내 필요",
      "ISO 9001 갱신 심사 준비 부족",
    ],
    .people: [
      "숙련 생산인력 채용 어려움", "연구개발 인력 이직", "청년 인력 유입 부족", "외국인 근로자 고용 절차 부담",
    ],
    .management: [
      "세무·회계 관리 역량 부족", "가업 승계 준비 부족", "인사·노무 규정 정비 필요", "중대재해처벌법 대응 부담",
    ],
    .other: ["공장 주차 공간 부족", "출퇴근 교통 불편", "단지 내 통근버스 노선 부족", "건물 노후로 인한 누수"],
  ]

  static let followUpActions: [DifficultyCategory: [String]] = [
    .technology: [
      "연구소 전문가 기술자문 매칭", "현장맞춤기술개발 사업 신청 안내", "공동 장비 활용 기관 연계", "시험분석 지원사업 안내",
    ],
    .funding: ["정책자금 연계 상담 주선", "기술보증 상담 연계", "운전자금 지원 프로그램 안내"],
    .marketing: ["공동마케팅 사업 참가 안내", "대기업 구매상담회 참가 연계", "공공조달 설명회 안내"],
    .export: ["해외시장개척단 참가 안내", "수출바우처 사업 안내", "해외 전시회 공동관 참가 연계"],
    .certification: ["해외규격인증 지원사업 신청 안내", "인증 컨설팅 기관 연계", "GMP 전문가 자문 주선"],
    .people: ["산업단지 일자리센터 구인 연계", "채용박람회 참가 안내", "재직자 교육훈련 과정 안내"],
    .management: ["경영·재무컨설팅 지원 안내", "노무 전문가 자문 주선", "안전보건 컨설팅 연계"],
    .other: ["관리기관에 민원 전달", "단지 편의시설 개선 건의", "관할 구청에 협조 요청"],
  ]

  // MARK: Meetings

  static let steeringAgendas = [
    "1) 신규 회원사 가입 승인 2) 상반기 지원사업 선정 결과 보고 3) 기술세미나 개최 계획 논의",
    "1) 분과별 활동 실적 보고 2) 등반대회 개최 계획 논의 3) 기타 안건",
    "1) 하반기 지원사업 수요 조사 결과 보고 2) 디렉토리북 제작 계획 3) 기타 안건",
    "1) 회원사 애로사항 공유 2) 공동 해외전시회 참가 논의 3) 회비 집행 현황 보고",
    "1) 1사1SIG 운영 현황 보고 2) 멘토링 매칭 결과 보고 3) 기타 안건",
  ]

  static let steeringMinutes = [
    "신규 회원사 가입을 원안대로 승인함. 기술세미나는 분과별 수요를 반영하여 개최하기로 함.",
    "분과별 활동 실적을 공유함. 등반대회는 회원사 가족 동반으로 추진하기로 함.",
    "지원사업 수요 조사 결과를 검토함. 디렉토리북 기업정보 제출을 회원사에 재요청하기로 함.",
    "회원사 애로사항을 공유하고 공동 해외전시회 참가사를 모집하기로 함.",
    "SIG별 과제 진행 상황을 점검함. 멘토링 미배정 회원사에 대한 추가 매칭을 요청함.",
  ]

  static let divisionAgendas = [
    "1) 회원사 기술 발표 2) 공동 R&D 과제 발굴 논의",
    "1) 분과 공동 관심 기술 동향 공유 2) 지원사업 공동 신청 논의",
    "1) 회원사 생산현장 견학 2) 협력 가능 품목 논의",
    "1) 분과 활동 결과 정리 2) 차년도 분과 운영 방향 논의",
  ]

  static let divisionMinutes = [
    "회원사 기술 발표 후 공동 R&D 과제 후보 2건을 도출함.",
    "기술 동향을 공유하고 시제품제작 지원사업 공동 신청을 검토하기로 함.",
    "생산현장 견학 후 회원사 간 부품 공급 협력을 논의함.",
    "올해 분과 활동을 정리하고 다음 모임 주제를 정함.",
  ]
}
