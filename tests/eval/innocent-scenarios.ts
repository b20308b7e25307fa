// Innocent look-alikes: ordinary applicants with one or two unusual but explainable facts, of the kinds the
// advisories themselves warn have innocent explanations. Expected band: CLEAR or LOW. Sources: tests/eval/README.md.
import { activity, type Scenario } from "./scenario";

export const INNOCENT_SCENARIOS: Scenario[] = [
  {
    id: "innocent-relocation-parents-address",
    expected: "innocent",
    title: "Relocating hire has the laptop sent to a parent's house",
    sources: ["Everyday relocation; red-flags.md EQ-01 innocent explanations"],
    story: "Moving from Chicago to Denver the week she starts, she asks for the laptop to go to her mother's house in Denver until the lease begins.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Hannah Kowalski", email: "hannah.kowalski@gmail.com", phone: "+1 312 555 0110", claimedLocation: { city: "Chicago", region: "IL", country: "US" }, homeAddress: { line1: "2150 N Lincoln Avenue", city: "Chicago", region: "IL", postalCode: "60614", country: "US" } },
        role: { title: "Product Engineer", country: "US", engagement: "employee" },
        onboarding: { equipment: { shipTo: { line1: "7421 E Hampden Avenue", city: "Denver", region: "CO", postalCode: "80231", country: "US" }, shippedAt: "2026-08-20T16:00:00Z" } },
        observations: { ips: [{ ip: "73.162.10.21", context: "application", at: "2026-07-01T15:00:00Z" }] },
      },
    },
  },
  {
    id: "innocent-spouses-same-address",
    expected: "innocent",
    title: "Two spouses apply for different roles from the same home address",
    sources: ["Households; red-flags.md LNK-01 innocent explanations"],
    story: "A married couple, both developers, apply for a backend and a QA role; same home address, different surnames.",
    priorApplicants: [
      {
        stage: "APPLICATION",
        profile: { candidate: { legalName: "Miguel Santos", email: "miguel.santos.dev@gmail.com", phone: "+1 469 555 0121", claimedLocation: { city: "Plano", region: "TX", country: "US" }, homeAddress: { line1: "3409 Preston Meadow Drive", city: "Plano", region: "TX", postalCode: "75093", country: "US" } } },
      },
    ],
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Priya Raman", email: "priya.raman.qa@gmail.com", phone: "+1 469 555 0122", claimedLocation: { city: "Plano", region: "TX", country: "US" }, homeAddress: { line1: "3409 Preston Meadow Dr", city: "Plano", region: "TX", postalCode: "75093", country: "US" } },
        role: { title: "QA Engineer", country: "US", engagement: "employee" },
      },
    },
  },
  {
    id: "innocent-privacy-vpn",
    expected: "innocent",
    title: "Applies through a consumer VPN for privacy",
    sources: ["Consumer VPN use; red-flags.md LOC-01 innocent explanations"],
    story: "A privacy-minded engineer keeps a commercial VPN on at all times; everything else on the application is ordinary.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Felix Andersson", email: "felix.andersson@proton.me", claimedLocation: { city: "Minneapolis", region: "MN", country: "US" } },
        application: { submittedAt: "2026-05-04T15:00:00Z", claimedYearsExperience: 6 },
        observations: { ips: [{ ip: "89.187.170.120", context: "application", at: "2026-05-04T15:00:00Z" }] },
      },
    },
  },
  {
    id: "innocent-camera-accommodation",
    expected: "innocent",
    title: "Camera off for a disability, captioned-video accommodation completed",
    sources: ["ADA accommodations; red-flags.md COM-01 (suppress when an accommodation path is used)"],
    story: "The candidate asked for a captioned, camera-optional interview for a documented condition and completed the alternative path.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Rosa Delgado", email: "rosa.delgado.ux@gmail.com", claimedLocation: { city: "Albuquerque", region: "NM", country: "US" } },
        interviews: [{ round: 1, mode: "video", at: "2026-04-20T17:00:00Z", cameraDeclined: true }],
        accommodation: { requested: true, reason: "disability", alternativePath: "captioned_video", alternativePathCompleted: true },
      },
    },
  },
  {
    id: "innocent-documented-name-change",
    expected: "innocent",
    title: "Résumé and GitHub under her maiden name, marriage certificate on file",
    sources: ["Name change on marriage; red-flags.md ID-02 innocent explanations"],
    story: "She married last year; the résumé and online profiles still show her previous surname and the change is documented.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: {
          legalName: "Emma Lindgren",
          email: "emma.lindgren.dev@gmail.com",
          claimedLocation: { city: "Portland", region: "OR", country: "US" },
          names: [{ source: "resume", name: "Emma Carlsson" }, { source: "onlineProfile", name: "Emma Carlsson" }],
          nameChange: { documented: true, previousNames: ["Emma Carlsson"] },
        },
      },
    },
  },
  {
    id: "innocent-new-graduate",
    expected: "innocent",
    title: "New graduate with a GitHub account created for a bootcamp",
    sources: ["Entry-level hiring; red-flags.md WH-04 innocent explanations"],
    story: "Graduated in May; the GitHub account is four months old and the degree check is still pending.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Jamal Washington", email: "jamal.washington@gmail.com", claimedLocation: { city: "Atlanta", region: "GA", country: "US" } },
        application: { submittedAt: "2026-09-01T14:00:00Z", claimedYearsExperience: 0 },
        education: [{ institution: "Georgia State University", credential: "BSc Computer Science", end: "2026-05-10", verification: { method: "third_party_service", outcome: "pending" } }],
        onlineProfiles: [{ platform: "github", url: "https://github.com/jwash-codes", createdAt: "2026-05-02", matchesResume: true }],
      },
    },
  },
  {
    id: "innocent-crypto-sector-contractor",
    expected: "innocent",
    title: "Contractor at a crypto company asks to be paid in USDC",
    sources: ["Crypto-sector norms; red-flags.md PAY-01 (medium for crypto-sector contractors)"],
    story: "A DeFi protocol hires a Solidity auditor on contract; like most of its contractors he invoices in stablecoin.",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Lars Nygaard", email: "lars.nygaard.audit@proton.me", claimedLocation: { city: "Oslo", country: "NO" } },
        role: { title: "Smart-contract auditor (contract)", country: "NO", engagement: "contractor", cryptoSector: true },
        onboarding: { payment: { requestedMethods: ["crypto"] } },
      },
    },
  },
  {
    id: "innocent-agency-allows-verification",
    expected: "innocent",
    title: "Placed by a staffing agency that lets the client verify identity directly",
    sources: ["Staffing agencies; red-flags.md WH-10"],
    story: "A large IT staffing firm places a contractor and arranges a direct ID check with the client's vendor.",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Deepak Menon", email: "deepak.menon.sap@gmail.com", claimedLocation: { city: "Edison", region: "NJ", country: "US" } },
        role: { title: "SAP Consultant", country: "US", engagement: "contractor" },
        sourcing: { channel: "staffing_agency", agency: { name: "Harborview IT Staffing", allowsDirectVerification: true, linkedToFacilitator: false } },
        onboarding: { identityProofing: { documentCheck: { result: "passed", checkedBy: "vendor" } } },
      },
    },
  },
  {
    id: "innocent-common-korean-name",
    expected: "innocent",
    title: "Common Korean name close to a listed person's",
    sources: ["OFAC FAQ on name-only matches; Watchman false-positive reports"],
    story: "A Korean-American engineer from Los Angeles named Sang-min Kim; no other detail resembles any listed person.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Sang-min Kim", email: "sangmin.kim.la@gmail.com", claimedLocation: { city: "Los Angeles", region: "CA", country: "US" } },
        workHistory: [{ employerName: "Snap Inc.", title: "Software Engineer", start: "2020-07-01", end: "2025-12-31", fullTime: true }],
      },
    },
  },
  {
    id: "innocent-common-name-big-employer",
    expected: "innocent",
    title: "'John Smith' who worked at Microsoft, like two earlier applicants",
    sources: ["Common names and large employers; red-flags.md LNK-06 innocent explanations"],
    story: "Very common name; two other applicants this quarter also worked at Microsoft. His employment there was verified.",
    priorApplicants: [
      { stage: "APPLICATION", profile: { candidate: { legalName: "Karen Liu", email: "karen.liu.pm@gmail.com", claimedLocation: { country: "US" } }, workHistory: [{ employerName: "Microsoft Corporation" }] } },
      { stage: "APPLICATION", profile: { candidate: { legalName: "Omar Haddad", email: "omar.haddad.azure@gmail.com", claimedLocation: { country: "US" } }, workHistory: [{ employerName: "Microsoft Corp." }] } },
    ],
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "John Smith", email: "john.smith.1987@gmail.com", claimedLocation: { city: "Redmond", region: "WA", country: "US" } },
        workHistory: [{ employerName: "Microsoft", title: "Senior SDE", start: "2016-01-01", end: "2025-06-30", fullTime: true, verification: { method: "independent_contact", outcome: "verified" } }],
      },
    },
  },
  {
    id: "innocent-night-shift",
    expected: "innocent",
    title: "Night-shift worker whose messages arrive in the small hours",
    sources: ["Shift work; red-flags.md LOC-04 innocent explanations"],
    story: "He works nights at a hospital help desk and told the recruiter so; his replies come between midnight and 6 a.m.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Marcus Bell", email: "marcus.bell.helpdesk@gmail.com", claimedLocation: { city: "Cleveland", region: "OH", country: "US" }, declaredWorkingHours: "night_shift" },
        observations: { activityTimestamps: activity("2026-02-02", 12, ["05:30", "07:15", "09:40"]) },
      },
    },
  },
  {
    id: "innocent-short-online-profile",
    expected: "innocent",
    title: "Experienced engineer who only just joined LinkedIn",
    sources: ["People with a short online presence; red-flags.md WH-04 innocent explanations"],
    story: "Twelve years at one defence contractor where public profiles were discouraged; made a LinkedIn account two months ago to job-hunt.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Gerald Hoffman", email: "gerald.hoffman.embedded@gmail.com", claimedLocation: { city: "Huntsville", region: "AL", country: "US" } },
        application: { submittedAt: "2026-06-10T15:00:00Z", claimedYearsExperience: 12 },
        onlineProfiles: [{ platform: "linkedin", createdAt: "2026-04-12", matchesResume: true }],
      },
    },
  },
  {
    id: "innocent-vacation-interview",
    expected: "innocent",
    title: "Takes the first interview from a hotel in Tokyo while on holiday",
    sources: ["Travel; red-flags.md LOC-01 innocent explanations"],
    story: "She said up front she would be in Japan for two weeks; the call came from a Japanese connection.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Claire Dubois", email: "claire.dubois.data@gmail.com", claimedLocation: { city: "Boston", region: "MA", country: "US" } },
        interviews: [{ round: 1, mode: "video", at: "2026-04-06T23:00:00Z" }],
        observations: {
          ips: [
            { ip: "73.162.10.40", context: "application", at: "2026-03-25T14:00:00Z" },
            { ip: "126.0.1.40", context: "interview", at: "2026-04-06T23:00:00Z" },
          ],
        },
      },
    },
  },
  {
    id: "innocent-freelancer-building-reputation",
    expected: "innocent",
    title: "Freelancer undercuts the market to build reputation, with strong reviews",
    sources: ["Freelance market dynamics; red-flags.md WH-08"],
    story: "Semi-retired developer in a small town charges well below market because he enjoys the work; many five-star reviews.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Walter Briggs", email: "walter.briggs.wp@gmail.com", claimedLocation: { city: "Bangor", region: "ME", country: "US" } },
        sourcing: { channel: "freelance_platform" },
        rate: { hourlyUsd: 35, marketMedianHourlyUsd: 80, platformRating: 0.98, ratingCount: 87 },
      },
    },
  },
  {
    id: "innocent-uk-voip-number",
    expected: "innocent",
    title: "UK freelancer gives a VoIP business number",
    sources: ["Business VoIP lines; red-flags.md COM-06 innocent explanations"],
    story: "A sole trader uses a VoIP number for work calls so the mobile stays private.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Ian McAllister", email: "ian@mcallister-dev.co.uk", phone: "+44 56 0123 4567", claimedLocation: { city: "Glasgow", country: "GB" } },
        role: { title: "Django developer (contract)", country: "GB", engagement: "contractor" },
      },
    },
  },
  {
    id: "innocent-defunct-startup-employer",
    expected: "innocent",
    title: "Former employer, a startup, shut down; nobody left to confirm",
    sources: ["Employer closures; red-flags.md WH-01 innocent explanations"],
    story: "His last employer folded in 2024; its phone line is dead, so the independent check was unverifiable. Earlier employer confirmed.",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Noah Abernathy", email: "noah.abernathy@gmail.com", claimedLocation: { city: "Salt Lake City", region: "UT", country: "US" } },
        workHistory: [
          { employerName: "Parcelbird Inc", title: "Senior Engineer", start: "2021-03-01", end: "2024-05-31", fullTime: true, verification: { method: "independent_contact", outcome: "unverifiable" } },
          { employerName: "Overstock.com", title: "Software Engineer", start: "2017-01-01", end: "2021-02-28", fullTime: true, verification: { method: "independent_contact", outcome: "verified" } },
        ],
      },
    },
  },
  {
    id: "innocent-unreachable-reference",
    expected: "innocent",
    title: "One reference on parental leave, can't be reached",
    sources: ["Reference checks; red-flags.md WH-02"],
    story: "Two references confirmed; the third is on parental leave and did not answer before the offer.",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Sofia Marquez", email: "sofia.marquez.pm@gmail.com", claimedLocation: { city: "Tucson", region: "AZ", country: "US" } },
        references: [
          { name: "A. Chen", contactDetails: "complete", independentlySourced: true, reachable: true },
          { name: "B. Okafor", contactDetails: "complete", independentlySourced: true, reachable: true },
          { name: "C. Duarte", contactDetails: "complete", independentlySourced: true, reachable: false },
        ],
      },
    },
  },
  {
    id: "innocent-housemates-share-wifi",
    expected: "innocent",
    title: "Housemates apply from the same flat and Wi-Fi",
    sources: ["Shared housing; red-flags.md LNK-01/LNK-04 innocent explanations"],
    story: "Two recent graduates who share a flat both apply for the junior programme from home.",
    priorApplicants: [
      {
        stage: "APPLICATION",
        profile: {
          candidate: { legalName: "Tom Fletcher", email: "tom.fletcher.grad@gmail.com", claimedLocation: { city: "Pittsburgh", region: "PA", country: "US" }, homeAddress: { line1: "4720 Forbes Avenue, Apt 3", city: "Pittsburgh", region: "PA", postalCode: "15213", country: "US" } },
          observations: { ips: [{ ip: "71.198.1.50", context: "application", at: "2026-09-05T18:00:00Z" }] },
        },
      },
    ],
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Ahmed Farouk", email: "ahmed.farouk.grad@gmail.com", claimedLocation: { city: "Pittsburgh", region: "PA", country: "US" }, homeAddress: { line1: "4720 Forbes Ave, Apt 3", city: "Pittsburgh", region: "PA", postalCode: "15213", country: "US" } },
        application: { submittedAt: "2026-09-05T19:00:00Z", claimedYearsExperience: 0 },
        observations: { ips: [{ ip: "71.198.1.50", context: "application", at: "2026-09-05T19:00:00Z" }] },
      },
    },
  },
  {
    id: "innocent-overlap-during-transition",
    expected: "innocent",
    title: "Two full-time jobs overlap for a four-month handover",
    sources: ["Job transitions; red-flags.md WH-07"],
    story: "She stayed on at her old employer to hand over while starting the new job; she explained it in the cover letter.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Anna Kovacs", email: "anna.kovacs.be@gmail.com", claimedLocation: { city: "Columbus", region: "OH", country: "US" } },
        workHistory: [
          { employerName: "Nationwide", title: "Software Engineer", start: "2019-01-07", end: "2023-04-28", fullTime: true },
          { employerName: "Root Insurance", title: "Senior Software Engineer", start: "2023-01-09", current: true, fullTime: true },
        ],
      },
    },
  },
  {
    id: "innocent-contractor-paid-via-llc",
    expected: "innocent",
    title: "Contractor invoices through her own single-member LLC",
    sources: ["US contracting practice; red-flags.md PAY-02 innocent explanations"],
    story: "Independent consultant; payments go to 'Nguyen Consulting LLC', her own company, which she documented with its EIN letter.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Linh Nguyen", email: "linh@nguyenconsulting.com", claimedLocation: { city: "San Jose", region: "CA", country: "US" } },
        role: { title: "Data Engineer (contract)", country: "US", engagement: "contractor" },
        onboarding: { payment: { requestedMethods: ["bank_transfer"], payeeName: "Nguyen Consulting LLC" } },
      },
    },
  },
  {
    id: "innocent-joint-account-spouse",
    expected: "innocent",
    title: "Salary to a joint account listed under the spouse's name first",
    sources: ["Household banking; red-flags.md PAY-02 innocent explanations"],
    story: "The direct-deposit form shows the account holder as his wife; it is their joint account.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "David Okonkwo", email: "david.okonkwo.sre@gmail.com", claimedLocation: { city: "Houston", region: "TX", country: "US" } },
        role: { title: "SRE", country: "US", engagement: "employee" },
        onboarding: { payment: { requestedMethods: ["payroll"], payeeName: "David Okonkwo", accountHolderName: "Ngozi Okonkwo" } },
      },
    },
  },
  {
    id: "innocent-digital-nomad",
    expected: "innocent",
    title: "Digital nomad contractor who moved through three countries in a week",
    sources: ["Remote work while travelling; red-flags.md LOC-02 innocent explanations"],
    story: "A contractor based in Lisbon spent a week in Spain and France for a conference; logins follow the trip, days apart.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Tiago Ferreira", email: "tiago.ferreira.dev@gmail.com", claimedLocation: { city: "Lisbon", country: "PT" } },
        role: { title: "Rails developer (contract)", country: "PT", engagement: "contractor" },
        observations: {
          ips: [
            { ip: "85.240.1.60", context: "application", at: "2026-05-01T10:00:00Z" },
            { ip: "83.32.1.60", context: "interview", at: "2026-05-04T10:00:00Z" },
            { ip: "90.3.1.60", context: "interview", at: "2026-05-08T10:00:00Z" },
          ],
        },
      },
    },
  },
  {
    id: "innocent-security-researcher-tor",
    expected: "innocent",
    title: "Security researcher applies over Tor",
    sources: ["Privacy practice in the security field; red-flags.md LOC-01"],
    story: "Applying for a threat-intelligence role, the candidate uses Tor out of habit and says so in the cover letter.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Riley Novak", email: "riley.novak@proton.me", claimedLocation: { city: "Washington", region: "DC", country: "US" } },
        role: { title: "Threat Intelligence Analyst", country: "US", engagement: "employee" },
        observations: { ips: [{ ip: "185.220.101.60", context: "application", at: "2026-06-20T16:00:00Z" }] },
      },
    },
  },
  {
    id: "innocent-cloud-dev-box",
    expected: "innocent",
    title: "Developer applies from a cloud development machine",
    sources: ["Cloud development environments; red-flags.md LOC-01 innocent explanations"],
    story: "Works in a remote dev box hosted at a cloud provider and submitted the application from its browser.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Kevin Park", email: "kevin.park.infra@gmail.com", claimedLocation: { city: "New York", region: "NY", country: "US" } },
        observations: { ips: [{ ip: "104.131.0.200", context: "application", at: "2026-03-30T15:00:00Z" }] },
      },
    },
  },
  {
    id: "innocent-declines-far-office-visit",
    expected: "innocent",
    title: "Declines a trip to the head office 2,000 miles away for a remote role",
    sources: ["Remote hiring; red-flags.md COM-02 innocent explanations"],
    story: "Invited to an optional on-site at headquarters, she asked to keep it on video because of childcare; completed every video round on camera.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Megan O'Brien", email: "megan.obrien.ios@gmail.com", claimedLocation: { city: "Boise", region: "ID", country: "US" } },
        interviews: [{ round: 1, mode: "video", at: "2026-05-11T17:00:00Z", cameraDeclined: false }, { round: 2, mode: "video", at: "2026-05-18T17:00:00Z", cameraDeclined: false, faceMatchesEarlierRounds: true }],
        communication: { inPersonMeeting: "declined" },
      },
    },
  },
  {
    id: "innocent-bad-bandwidth-camera",
    expected: "innocent",
    title: "Camera off in round one because of a rural connection",
    sources: ["Rural broadband; red-flags.md COM-01 innocent explanations"],
    story: "The video froze so he switched the camera off in round one; in round two from a library he was on camera throughout.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Cody Jensen", email: "cody.jensen.ops@gmail.com", claimedLocation: { city: "Billings", region: "MT", country: "US" } },
        interviews: [{ round: 1, mode: "video", at: "2026-02-09T18:00:00Z", cameraDeclined: true }, { round: 2, mode: "video", at: "2026-02-16T18:00:00Z", cameraDeclined: false, faceMatchesEarlierRounds: true, handInFrontOfFaceCheck: "passed" }],
      },
    },
  },
  {
    id: "innocent-one-deposit-request",
    expected: "innocent",
    title: "Freelancer asks once for a standard 25 % deposit",
    sources: ["Freelance contracting norms; red-flags.md COM-04"],
    story: "As her standard terms say, she asked for a 25 % deposit before starting a fixed-price project; accepted 'no' politely.",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Julia Becker", email: "julia.becker.design@gmail.com", claimedLocation: { city: "Madison", region: "WI", country: "US" } },
        role: { title: "Frontend developer (contract)", country: "US", engagement: "contractor" },
        communication: { prepaymentRequests: 1, hostileWhenRefused: false },
      },
    },
  },
  {
    id: "innocent-moved-before-start",
    expected: "innocent",
    title: "Moved flats and updated the shipping address two days before shipping",
    sources: ["Moving house; red-flags.md EQ-01 innocent explanations"],
    story: "Her new lease started early; she updated her home address with HR and the laptop shipping address at the same time.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Chloe Bennett", email: "chloe.bennett.qa@gmail.com", claimedLocation: { city: "Richmond", region: "VA", country: "US" }, homeAddress: { line1: "1810 W Grace Street, Apt 4", city: "Richmond", region: "VA", postalCode: "23220", country: "US" } },
        onboarding: {
          equipment: {
            shipTo: { line1: "1810 W Grace Street, Apt 4", city: "Richmond", region: "VA", postalCode: "23220", country: "US" },
            shippedAt: "2026-10-12T16:00:00Z",
            shipToChanges: [{ at: "2026-10-10T14:00:00Z", to: { line1: "1810 W Grace Street, Apt 4", city: "Richmond", region: "VA", postalCode: "23220", country: "US" } }],
          },
        },
      },
    },
  },
  {
    id: "innocent-nervous-candidate",
    expected: "innocent",
    title: "Nervous candidate with long pauses in the live-coding test",
    sources: ["Interview anxiety; red-flags.md WH-06 innocent explanations"],
    story: "The interviewer noted long silences and glances off-screen; the candidate said she takes notes on paper. Everything else checks out.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Ines Moreau", email: "ines.moreau.js@gmail.com", claimedLocation: { city: "Montreal", region: "QC", country: "CA" } },
        interviews: [{ round: 1, mode: "video", at: "2026-03-23T15:00:00Z", assistanceSigns: true, cameraDeclined: false, handInFrontOfFaceCheck: "passed" }],
      },
    },
  },
  {
    id: "innocent-employee-referral",
    expected: "innocent",
    title: "Referred by a current employee; an ordinary application",
    sources: ["Baseline: a clean referral"],
    story: "A former colleague now on staff referred him; nothing unusual.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Patrick Doyle", email: "patrick.doyle.java@gmail.com", phone: "+1 617 555 0133", claimedLocation: { city: "Boston", region: "MA", country: "US" } },
        sourcing: { channel: "referral", referrer: { id: "emp-1042", kind: "employee", flagged: false } },
        application: { submittedAt: "2026-08-03T14:00:00Z", claimedYearsExperience: 8 },
        observations: { ips: [{ ip: "24.30.50.61", context: "application", at: "2026-08-03T14:00:00Z" }] },
      },
    },
  },
  {
    id: "innocent-handle-changes-after-transition",
    expected: "innocent",
    title: "GitHub handle changed twice after a gender transition and a rebrand",
    sources: ["Name changes; red-flags.md WH-09 innocent explanations"],
    story: "The candidate changed their GitHub handle after transitioning and again when starting a consultancy.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Alex Rivera", email: "alex.rivera.oss@gmail.com", claimedLocation: { city: "Philadelphia", region: "PA", country: "US" } },
        onlineProfiles: [{ platform: "github", url: "https://github.com/arivera-oss", createdAt: "2014-03-01", nameOrHandleChanges: 2, matchesResume: true }],
      },
    },
  },
  {
    id: "innocent-military-spouse-abroad",
    expected: "innocent",
    title: "Military spouse living in Germany applies for a US remote role, says so",
    sources: ["Military families abroad; red-flags.md LOC-01"],
    story: "Her spouse is stationed in Germany; she gives her German address and connects from a German ISP, as the application says.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Brittany Walsh", email: "brittany.walsh.ba@gmail.com", claimedLocation: { city: "Kaiserslautern", country: "DE" } },
        role: { title: "Business Analyst (remote)", country: "US", engagement: "contractor" },
        observations: { ips: [{ ip: "79.192.1.75", context: "application", at: "2026-04-08T08:00:00Z" }] },
      },
    },
  },
  {
    id: "innocent-early-adopter-go",
    expected: "innocent",
    title: "Former Google engineer who used Go before its public release",
    sources: ["Early adopters; red-flags.md WH-07 innocent explanations"],
    story: "Worked at Google 2007–2012 and lists Go from 2008, the year before its public release.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Robert Chen", email: "robert.chen.go@gmail.com", claimedLocation: { city: "Mountain View", region: "CA", country: "US" } },
        skills: [{ name: "Go", firstUsedYear: 2008 }, { name: "Kubernetes", firstUsedYear: 2014 }],
        workHistory: [{ employerName: "Google", title: "Software Engineer", start: "2007-06-01", end: "2012-08-31", fullTime: true }],
      },
    },
  },
  {
    id: "innocent-disposable-email-newsletter",
    expected: "innocent",
    title: "Gives a throwaway address to the job board out of spam fatigue",
    sources: ["Spam avoidance; red-flags.md COM-06 innocent explanations"],
    story: "He used a disposable address on a public job board and gave his real one at the first call.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Victor Nguyen", email: "victor.nguyen.jobs@mailinator.com", claimedLocation: { city: "Dallas", region: "TX", country: "US" } },
        sourcing: { channel: "job_board" },
      },
    },
  },
];
