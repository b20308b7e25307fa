// Fraud patterns from the advisories and DOJ cases, each written as a recruiter would meet it at its stage, with the
// evidence they would realistically have by then. Sources: tests/eval/README.md. Expected band: HIGH or CRITICAL.
import { activity, resumeText, type Scenario, type Submission } from "./scenario";

const TEMPLATE_RESUME = resumeText("Full-stack developer with 9 years of experience delivering web and mobile applications for US clients.", [
  "Expert in React, Angular, Vue, Node.js, Laravel and Python with strong knowledge of AWS, Azure and Google Cloud.",
  "Developed e-commerce platforms, booking systems, real-time chat applications and admin dashboards from scratch.",
  "Integrated Stripe, PayPal, Twilio and Google Maps APIs and optimised database performance for high traffic sites.",
  "Worked closely with product owners in agile teams, delivering features on time with clean, well tested code.",
  "Passionate about learning new technologies and building long term relationships with clients based on trust.",
  "Available to work in any US time zone and communicate daily through Slack, email and video calls.",
]);

/** Three workers' laptops to one Arizona house (DOJ v. Chapman): the earlier two hires of the same scheme. */
const chapmanPriors: Submission[] = [
  {
    stage: "ONBOARDING",
    profile: {
      candidate: { legalName: "Derek Hallworth", email: "derek.hallworth.dev@gmail.com", claimedLocation: { city: "Portland", region: "OR", country: "US" }, homeAddress: { line1: "2210 SE Division Street", city: "Portland", region: "OR", postalCode: "97202", country: "US" } },
      role: { title: "Software Engineer", country: "US", engagement: "employee" },
      onboarding: { equipment: { shipTo: { line1: "10550 W Indian School Road", city: "Litchfield Park", region: "AZ", postalCode: "85340", country: "US" }, shippedAt: "2026-05-04T16:00:00Z" } },
    },
  },
  {
    stage: "ONBOARDING",
    profile: {
      candidate: { legalName: "Carla Benitez-Moore", email: "carla.benitezmoore@outlook.com", claimedLocation: { city: "Austin", region: "TX", country: "US" }, homeAddress: { line1: "4803 Duval Street", city: "Austin", region: "TX", postalCode: "78751", country: "US" } },
      role: { title: "Data Engineer", country: "US", engagement: "employee" },
      onboarding: { equipment: { shipTo: { line1: "10550 West Indian School Rd", city: "Litchfield Park", region: "AZ", postalCode: "85340", country: "US" }, shippedAt: "2026-06-15T16:00:00Z" } },
    },
  },
];

export const FRAUD_SCENARIOS: Scenario[] = [
  {
    id: "fraud-chapman-laptop-farm",
    expected: "fraud",
    title: "Third worker whose laptop goes to the same Arizona house",
    sources: ["DOJ v. Christina Chapman (2024; sentenced Jul 2025)", "FBI PSA 16 May 2024 (laptop farms)"],
    story:
      "A US-based facilitator received company laptops for workers using stolen US identities and kept them running at her home. " +
      "At onboarding the new hire, who says he lives in Charlotte, asks for the laptop to go to an Arizona address 'where I'm staying for a while'. " +
      "Two earlier hires under other names had their laptops shipped to the same house.",
    priorApplicants: chapmanPriors,
    submission: {
      externalId: "eval-chapman-3",
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Marcus Feldt", email: "marcus.feldt.eng@gmail.com", phone: "+1 704 555 0131", claimedLocation: { city: "Charlotte", region: "NC", country: "US" }, homeAddress: { line1: "1521 Central Avenue", city: "Charlotte", region: "NC", postalCode: "28205", country: "US" } },
        role: { title: "Senior Java Developer", country: "US", engagement: "employee" },
        offer: { extendedAt: "2026-07-01T15:00:00Z", acceptedAt: "2026-07-02T01:10:00Z", startDate: "2026-07-20" },
        onboarding: {
          equipment: {
            shipTo: { line1: "10550 W. Indian School Rd.", city: "Litchfield Park", region: "AZ", postalCode: "85340", country: "US" },
            shippedAt: "2026-07-14T16:00:00Z",
            shipToChanges: [{ at: "2026-07-13T02:30:00Z", to: { line1: "10550 W. Indian School Rd.", city: "Litchfield Park", region: "AZ", postalCode: "85340", country: "US" } }],
          },
        },
      },
    },
  },
  {
    id: "fraud-chapman-stolen-identity",
    expected: "fraud",
    title: "Post-offer checks: the SSN belongs to someone else, pay to another person's account",
    sources: ["DOJ v. Christina Chapman (2024; 68 stolen identities)", "FBI PSA I-012325-PSA (Jan 2025)"],
    story:
      "The identity used is a real US person's; the worker is not that person. After the offer, the background vendor's SSN trace " +
      "comes back tied to a different name and date of birth, and the direct-deposit form names an account holder who is not the hire.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Kevin Albrecht", email: "kevin.albrecht.swe@gmail.com", phone: "+1 602 555 0142", claimedLocation: { city: "Phoenix", region: "AZ", country: "US" }, homeAddress: { line1: "3311 N 7th Street", city: "Phoenix", region: "AZ", postalCode: "85014", country: "US" } },
        role: { title: "Backend Engineer", country: "US", engagement: "employee" },
        offer: { extendedAt: "2026-06-10T15:00:00Z", startDate: "2026-06-29" },
        onboarding: {
          postOfferChecks: { ssnTrace: "mismatch", eVerify: "pending" },
          payment: { requestedMethods: ["payroll"], payeeName: "Kevin Albrecht", accountHolderName: "Jessica Tran" },
        },
      },
    },
  },
  {
    id: "fraud-knowbe4-malware-on-arrival",
    expected: "fraud",
    title: "AI-retouched photo, passed four video rounds, malware loaded as soon as the laptop arrived",
    sources: ["FBI PSA I-012325-PSA (Jan 2025)", "Mandiant UNC5267 (Sep 2024)", "KnowBe4 incident disclosure (Jul 2024)"],
    story:
      "A security firm hired a principal engineer after four video interviews; the application photo turned out to be a stock photo " +
      "retouched with AI. The laptop was shipped to an address that was not the hire's home and, once online, its EDR flagged malware " +
      "being loaded within minutes.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Kyle Brennan", email: "kyle.brennan.ai@outlook.com", phone: "+1 571 555 0153", claimedLocation: { city: "Tampa", region: "FL", country: "US" }, homeAddress: { line1: "712 S Howard Avenue", city: "Tampa", region: "FL", postalCode: "33606", country: "US" } },
        role: { title: "Principal Software Engineer (AI)", country: "US", engagement: "employee" },
        interviews: [
          { round: 1, mode: "video", at: "2026-04-02T14:00:00Z", stockOrSyntheticPhoto: true },
          { round: 2, mode: "video", at: "2026-04-06T14:00:00Z", faceMatchesEarlierRounds: true },
        ],
        offer: { extendedAt: "2026-04-20T15:00:00Z", startDate: "2026-05-11" },
        onboarding: {
          equipment: { shipTo: { line1: "8840 Georgia Avenue, Apt 2", city: "Silver Spring", region: "MD", postalCode: "20910", country: "US" }, shippedAt: "2026-05-05T16:00:00Z" },
          devices: [{ assetTag: "KB-MAC-5519", firstOnlineAt: "2026-05-07T01:12:00Z", firstOnlineCountry: "US", malwareDetected: true }],
        },
      },
    },
  },
  {
    id: "fraud-yanbian-silverstar-resume",
    expected: "fraud",
    title: "Résumé lists a China-based DPRK front company; applies from China while claiming the US",
    sources: ["DOJ Dec 2024 indictment (Yanbian Silverstar, Volasys Silver Star)", "State/Treasury/FBI guidance (May 2022)"],
    story:
      "Fourteen DPRK nationals worked through two front companies in China and Russia. A freelance applicant's résumé lists several years " +
      "at 'Volasys Silverstar'; the application and the first call came from a residential connection in China although the candidate " +
      "says they live in Seattle.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Brian Cho", email: "brian.cho.fullstack@gmail.com", claimedLocation: { city: "Seattle", region: "WA", country: "US" } },
        role: { title: "Full-stack developer (contract)", country: "US", engagement: "contractor" },
        sourcing: { channel: "freelance_platform" },
        application: { submittedAt: "2026-03-03T02:10:00Z", claimedYearsExperience: 8 },
        workHistory: [
          { employerName: "Volasys Silverstar", title: "Senior Developer", start: "2019-02-01", end: "2024-08-31", fullTime: true },
          { employerName: "Northwind Apps LLC", title: "Developer", start: "2016-06-01", end: "2019-01-31", fullTime: true },
        ],
        rate: { hourlyUsd: 28, marketMedianHourlyUsd: 80, platformRating: 0.99, ratingCount: 64 },
        observations: { ips: [{ ip: "123.120.1.7", context: "application", at: "2026-03-03T02:10:00Z" }] },
      },
    },
  },
  {
    id: "fraud-jun2025-front-company-payee",
    expected: "fraud",
    title: "Pay to a US shell company the worker claims to have worked for",
    sources: ["DOJ Jun 2025 coordinated actions (front companies Hopana Tech LLC, Tony WKJ LLC, Independent Lab LLC)"],
    story:
      "Facilitators set up US shell companies with websites and bank accounts; workers named them as past employers and had salaries " +
      "paid to them. At onboarding the contractor asks for payment to 'Independent Lab LLC', the same company listed as their last employer, " +
      "whose employment check could not reach anyone.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Ethan Whitaker", email: "ethan.whitaker.tech@gmail.com", claimedLocation: { city: "Newark", region: "NJ", country: "US" } },
        role: { title: "Mobile developer (contract)", country: "US", engagement: "contractor" },
        workHistory: [{ employerName: "Independent Lab LLC", title: "iOS Developer", start: "2021-01-01", end: "2025-12-31", fullTime: true, verification: { method: "independent_contact", outcome: "unverifiable" } }],
        onboarding: { payment: { requestedMethods: ["bank_transfer"], payeeName: "Independent Lab LLC", accountHolderName: "Independent Lab LLC" } },
      },
    },
  },
  {
    id: "fraud-jun2025-kvm-laptop-farm",
    expected: "fraud",
    title: "IP-KVM on the company laptop; laptop shipped to a house that already hosts another worker's laptop",
    sources: ["DOJ Jun 2025 coordinated actions (29 laptop farms, 16 states)", "FBI PSA 16 May 2024"],
    story:
      "Searches of laptop farms found racks of company laptops with IP-KVM devices that let workers abroad control them. Security sees a " +
      "KVM device on a new hire's laptop a week after start; the laptop went to an address shared with another recent hire.",
    priorApplicants: [
      {
        stage: "ONBOARDING",
        profile: {
          candidate: { legalName: "Tyler Osgood", email: "tyler.osgood.dev@gmail.com", claimedLocation: { city: "Denver", region: "CO", country: "US" }, homeAddress: { line1: "1655 Grant Street", city: "Denver", region: "CO", postalCode: "80203", country: "US" } },
          onboarding: { equipment: { shipTo: { line1: "44 Willow Brook Lane", city: "Fort Lee", region: "NJ", postalCode: "07024", country: "US" } } },
        },
      },
    ],
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Jason Merritt", email: "jason.merritt.code@outlook.com", claimedLocation: { city: "Boston", region: "MA", country: "US" }, homeAddress: { line1: "250 Beacon Street", city: "Boston", region: "MA", postalCode: "02116", country: "US" } },
        role: { title: "DevOps Engineer", country: "US", engagement: "employee" },
        onboarding: {
          equipment: { shipTo: { line1: "44 Willow Brook Ln", city: "Fort Lee", region: "NJ", postalCode: "07024", country: "US" }, shippedAt: "2026-08-03T16:00:00Z" },
          devices: [{ assetTag: "LT-8812", ipKvmDetected: true }],
        },
      },
    },
  },
  {
    id: "fraud-psa25-extortion",
    expected: "fraud",
    title: "After being let go, the worker threatens to leak code copied to personal accounts",
    sources: ["FBI PSA I-012325-PSA (Jan 2025, data extortion)"],
    story:
      "The FBI warned that discovered DPRK workers copy source code to personal GitHub and cloud accounts and extort the employer after " +
      "dismissal. Security recorded repositories pushed to a personal account and an extortion email.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Nathan Greer", email: "nathan.greer.dev@gmail.com", claimedLocation: { city: "Dallas", region: "TX", country: "US" } },
        role: { title: "Software Engineer", country: "US", engagement: "contractor" },
        postHire: { codeToPersonalAccounts: true, extortionAttempt: true },
      },
    },
  },
  {
    id: "fraud-psa25-deepfake-interview",
    expected: "fraud",
    title: "Face-swap artefacts on video and a failed hand-in-front-of-face check, connecting through a VPN",
    sources: ["FBI PSA I-012325-PSA (Jan 2025)", "US–Japan–ROK joint statement (27 Aug 2025)", "Microsoft Jasper Sleet (Jun 2025)"],
    story:
      "Interviewers noticed the face blurring at the edges and lips out of sync; asked to pass a hand in front of the face, the candidate " +
      "said the camera was broken and the call dropped. The candidate joined from a commercial VPN.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Ryan Castell", email: "ryan.castell.eng@gmail.com", claimedLocation: { city: "Houston", region: "TX", country: "US" } },
        role: { title: "Senior React Developer", country: "US", engagement: "employee" },
        interviews: [{ round: 1, mode: "video", at: "2026-05-12T15:00:00Z", deepfakeSigns: true, handInFrontOfFaceCheck: "failed" }],
        observations: { ips: [{ ip: "89.187.170.14", context: "interview", at: "2026-05-12T15:00:00Z" }] },
      },
    },
  },
  {
    id: "fraud-jasper-sleet-ai-persona",
    expected: "fraud",
    title: "AI-made headshot, fresh GitHub with copied repositories, voice differs between rounds",
    sources: ["Microsoft Jasper Sleet (Jun 2025)"],
    story:
      "Microsoft described workers building personas with AI-altered photos, newly created GitHub accounts filled with copied projects, and " +
      "voice-changing software on calls. The candidate's GitHub was created weeks before applying with other people's repositories, the " +
      "headshot is AI-generated, and the voice in round 2 was clearly not round 1's.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Daniel Ortega-Lee", email: "daniel.ortegalee@outlook.com", claimedLocation: { city: "San Diego", region: "CA", country: "US" } },
        role: { title: "Blockchain Engineer", country: "US", engagement: "contractor" },
        application: { submittedAt: "2026-04-01T03:00:00Z", claimedYearsExperience: 7 },
        interviews: [
          { round: 1, mode: "video", at: "2026-04-08T16:00:00Z", stockOrSyntheticPhoto: true },
          { round: 2, mode: "video", at: "2026-04-14T16:00:00Z", voiceMatchesEarlierRounds: false },
        ],
        onlineProfiles: [{ platform: "github", url: "https://github.com/dortegalee-dev", createdAt: "2026-03-10", copiedRepositories: true }],
      },
    },
  },
  {
    id: "fraud-unc5267-different-person",
    expected: "fraud",
    title: "A different person turns up in the second round, and declines to meet in person",
    sources: ["Mandiant UNC5267 (Sep 2024)", "US–ROK PSA (Oct 2023)"],
    story:
      "Mandiant observed different individuals attending interviews for the same identity. The second-round interviewer was sure it was " +
      "not the person from round one; invited to the office for the final round, the candidate declined.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Aaron Pike", email: "aaron.pike.software@gmail.com", claimedLocation: { city: "Chicago", region: "IL", country: "US" } },
        role: { title: "Platform Engineer", country: "US", engagement: "employee" },
        interviews: [
          { round: 1, mode: "video", at: "2026-02-10T17:00:00Z" },
          { round: 2, mode: "video", at: "2026-02-17T17:00:00Z", faceMatchesEarlierRounds: false, voiceMatchesEarlierRounds: false },
        ],
        communication: { inPersonMeeting: "declined" },
      },
    },
  },
  {
    id: "fraud-adv22-crypto-prepayment",
    expected: "fraud",
    title: "Freelancer wants crypto only and keeps asking for advances; connects from abroad",
    sources: ["State/Treasury/FBI guidance (May 2022)", "German BfV advisory 02/2024"],
    story:
      "The 2022 guidance lists requests for payment in virtual currency and repeated prepayment requests. A freelance developer who says he is " +
      "in Toronto wants USDT only, has asked for an advance three times and applied from a connection in Russia.",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Victor Lang", email: "victor.lang.web3@proton.me", claimedLocation: { city: "Toronto", region: "ON", country: "CA" } },
        role: { title: "Smart-contract developer (contract)", country: "US", engagement: "contractor", cryptoSector: false },
        sourcing: { channel: "freelance_platform" },
        communication: { prepaymentRequests: 3, hostileWhenRefused: false },
        onboarding: { payment: { requestedMethods: ["crypto"] } },
        observations: { ips: [{ ip: "95.31.1.9", context: "application", at: "2026-05-02T09:00:00Z" }] },
      },
    },
  },
  {
    id: "fraud-adv22-multi-country-account",
    expected: "fraud",
    title: "One freelance account used from three countries in a day",
    sources: ["State/Treasury/FBI guidance (May 2022)", "FBI PSA I-012325-PSA (Jan 2025)"],
    story:
      "The guidance warns of one account logging in from several IP addresses in different countries in a short time. The platform's session " +
      "log for the applicant shows China, Laos and Russia within one day; the profile says Vancouver.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Leo Marchetti", email: "leo.marchetti.dev@gmail.com", claimedLocation: { city: "Vancouver", region: "BC", country: "CA" } },
        role: { title: "Python Developer (contract)", country: "CA", engagement: "contractor" },
        sourcing: { channel: "freelance_platform" },
        observations: {
          ips: [
            { ip: "123.120.1.23", context: "application", at: "2026-06-01T01:00:00Z" },
            { ip: "115.84.64.9", context: "interview", at: "2026-06-01T08:30:00Z" },
            { ip: "95.31.1.40", context: "interview", at: "2026-06-01T15:45:00Z" },
          ],
        },
      },
    },
  },
  {
    id: "fraud-adv22-template-resumes",
    expected: "fraud",
    title: "Same résumé text as two earlier applicants under other names",
    sources: ["State/Treasury/FBI guidance (May 2022)", "Mandiant UNC5267 (Sep 2024)"],
    story:
      "Workers reuse résumé templates across many personas. The third application this month arrives with the same résumé, word for word " +
      "apart from the name, and from a hosting provider's address.",
    priorApplicants: [
      { stage: "APPLICATION", profile: { candidate: { legalName: "Jacob Warren", email: "jacob.warren.fs@gmail.com", claimedLocation: { country: "US" } }, observations: { resumeText: `Jacob Warren. ${TEMPLATE_RESUME}` } } },
      { stage: "APPLICATION", profile: { candidate: { legalName: "Samuel Price", email: "samuel.price.fs@gmail.com", claimedLocation: { country: "US" } }, observations: { resumeText: `Samuel Price. ${TEMPLATE_RESUME}` } } },
    ],
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Henry Collins", email: "henry.collins.fs@gmail.com", claimedLocation: { city: "Miami", region: "FL", country: "US" } },
        application: { submittedAt: "2026-07-07T04:40:00Z", claimedYearsExperience: 9 },
        observations: { resumeText: `Henry Collins. ${TEMPLATE_RESUME}`, ips: [{ ip: "104.131.0.77", context: "application", at: "2026-07-07T04:40:00Z" }] },
      },
    },
  },
  {
    id: "fraud-psa23-payment-platform-name",
    expected: "fraud",
    title: "Different name on the payment platform; money forwarded on to China",
    sources: ["US–ROK PSA (Oct 2023)", "Japan NPA/MOFA/MOF/METI advisory (Mar 2024)"],
    story:
      "The advisories describe workers whose payment-platform account is in another person's name and whose pay moves through money-transfer " +
      "services to accounts in China. The contractor's payout account is held by someone else and forwards to a Chinese account.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Sophia Turner", email: "sophia.turner.dev@gmail.com", claimedLocation: { city: "Atlanta", region: "GA", country: "US" }, names: [{ source: "paymentPlatform", name: "Li Wen" }] },
        role: { title: "QA Automation Engineer (contract)", country: "US", engagement: "contractor" },
        onboarding: { payment: { requestedMethods: ["money_transfer_platform"], payeeName: "Li Wen", viaMoneyTransferPlatform: true, onwardCountry: "CN" } },
      },
    },
  },
  {
    id: "fraud-jp24-low-rate-other-payee",
    expected: "fraud",
    title: "Rate far below market with perfect ratings, paid to another person's account",
    sources: ["Japan NPA/MOFA/MOF/METI advisory (Mar 2024)", "German BfV advisory 02/2024"],
    story:
      "Japan's advisory notes unusually low rates with high platform ratings and accounts lent by third parties. The developer charges a third " +
      "of the market rate with hundreds of five-star reviews, and the payout account belongs to another name.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Kenji Morita", email: "kenji.morita.apps@gmail.com", claimedLocation: { city: "Osaka", country: "JP" } },
        role: { title: "App developer (contract)", country: "JP", engagement: "contractor" },
        sourcing: { channel: "freelance_platform" },
        rate: { hourlyUsd: 18, marketMedianHourlyUsd: 60, platformRating: 1, ratingCount: 212 },
        onboarding: { payment: { requestedMethods: ["bank_transfer"], payeeName: "Takeshi Hamada" } },
      },
    },
  },
  {
    id: "fraud-bfv24-no-camera-no-location",
    expected: "fraud",
    title: "Text only, camera 'broken', won't show the room or answer questions about the city",
    sources: ["German BfV advisory 02/2024", "US–ROK PSA (Oct 2023)", "FBI PSA I-012325-PSA (Jan 2025)"],
    story:
      "The BfV describes candidates who avoid video, insist on chat, and cannot answer basic questions about where they claim to live. " +
      "The candidate claims Berlin, kept the camera off in both rounds and could not name a district near 'home'.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Lukas Brandt", email: "lukas.brandt.dev@gmail.com", claimedLocation: { city: "Berlin", country: "DE" } },
        role: { title: "Backend-Entwickler (remote)", country: "DE", engagement: "employee" },
        communication: { insistsOnTextOnly: true },
        interviews: [
          { round: 1, mode: "video", at: "2026-03-10T09:00:00Z", cameraDeclined: true, surroundingsCheck: "declined" },
          { round: 2, mode: "video", at: "2026-03-17T09:00:00Z", cameraDeclined: true, localKnowledgeCheck: "failed" },
        ],
      },
    },
  },
  {
    id: "fraud-nydfs24-device-online-abroad",
    expected: "fraud",
    title: "Laptop to a freight forwarder, first comes online in China",
    sources: ["NYDFS industry letter (Nov 2024)", "Google Threat Intelligence Group (Apr 2025)"],
    story:
      "NYDFS warned of devices shipped to freight forwarders and first connecting from abroad. The hire asked for the laptop to go to a " +
      "package-forwarding address; MDM shows its first check-in from China without a VPN.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Olivia Grant", email: "olivia.grant.it@outlook.com", claimedLocation: { city: "Buffalo", region: "NY", country: "US" }, homeAddress: { line1: "95 Elmwood Avenue", city: "Buffalo", region: "NY", postalCode: "14201", country: "US" } },
        role: { title: "IT Support Engineer", country: "US", engagement: "employee" },
        onboarding: {
          equipment: { shipTo: { line1: "1200 NW 78th Avenue, Suite 114", city: "Doral", region: "FL", postalCode: "33126", country: "US", isFreightForwarder: true }, shippedAt: "2026-09-01T16:00:00Z" },
          devices: [{ assetTag: "NY-LT-2231", firstOnlineAt: "2026-09-09T02:00:00Z", firstOnlineCountry: "CN", firstOnlineViaVpn: false }],
        },
      },
    },
  },
  {
    id: "fraud-gtig25-europe-references",
    expected: "fraud",
    title: "Claims London, references unreachable, employer unconfirmed, applies from a VPS",
    sources: ["Google Threat Intelligence Group (Apr 2025, expansion to Europe)", "State/Treasury/FBI guidance (May 2022)"],
    story:
      "GTIG reported DPRK workers turning to European employers with fabricated references. The candidate claims London; the two references " +
      "have only a Gmail address and never answer, the previous employer cannot be confirmed, and the application came from a cloud server.",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Oliver Hughes", email: "oliver.hughes.eng@gmail.com", claimedLocation: { city: "London", country: "GB" } },
        role: { title: "Senior Node.js Engineer", country: "GB", engagement: "contractor" },
        workHistory: [{ employerName: "Brightwave Digital Ltd", title: "Lead Engineer", start: "2020-03-01", end: "2025-11-30", fullTime: true, verification: { method: "independent_contact", outcome: "unverifiable" } }],
        references: [
          { name: "M. Davies", contactDetails: "minimal", independentlySourced: false, reachable: false },
          { name: "S. Patel", contactDetails: "minimal", independentlySourced: false, reachable: false },
        ],
        observations: { ips: [{ ip: "139.59.1.33", context: "application", at: "2026-10-01T05:00:00Z" }] },
      },
    },
  },
  {
    id: "fraud-psa24-facilitator-agency",
    expected: "fraud",
    title: "Placed by an agency that refuses direct ID checks and is linked to a facilitator case",
    sources: ["FBI PSA 16 May 2024 (US-based facilitators)", "FBI PSA I-012325-PSA (Jan 2025)"],
    story:
      "Facilitators run staffing fronts that place workers and keep the employer away from the worker's documents. The agency refuses to let " +
      "the client check the worker's ID directly and was named in a facilitator investigation; the laptop is to go to the agency's office.",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Grace Holloway", email: "grace.holloway.dev@gmail.com", claimedLocation: { city: "Raleigh", region: "NC", country: "US" }, homeAddress: { line1: "500 Glenwood Avenue", city: "Raleigh", region: "NC", postalCode: "27603", country: "US" } },
        role: { title: "Salesforce Developer", country: "US", engagement: "contractor" },
        sourcing: { channel: "staffing_agency", agency: { name: "Apex Talent Partners", allowsDirectVerification: false, linkedToFacilitator: true } },
        onboarding: { equipment: { shipTo: { line1: "3700 National Drive, Suite 210", city: "Raleigh", region: "NC", postalCode: "27612", country: "US" } } },
      },
    },
  },
  {
    id: "fraud-knoot-remote-desktop-farm",
    expected: "fraud",
    title: "Remote-desktop software on the company laptop, sessions that never end",
    sources: ["DOJ v. Matthew Knoot (Aug 2024, Nashville laptop farm)", "State/Treasury/FBI guidance (May 2022)"],
    story:
      "The Nashville facilitator hosted laptops at his residence and installed remote-desktop software so workers abroad could use them. " +
      "Endpoint tooling finds AnyDesk on the laptop and sessions that stay logged in for days.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Andrew Colby", email: "andrew.colby.net@gmail.com", claimedLocation: { city: "Nashville", region: "TN", country: "US" } },
        role: { title: "Network Engineer", country: "US", engagement: "employee" },
        activity: { sessions: [{ startedAt: "2026-08-10T13:00:00Z", endedAt: "2026-08-13T02:00:00Z" }], remoteDesktopObserved: true },
        onboarding: { devices: [{ assetTag: "TN-LT-0091", remoteAccessTools: ["AnyDesk"] }] },
      },
    },
  },
  {
    id: "fraud-didenko-rented-accounts",
    expected: "fraud",
    title: "Rented freelance identity: renamed profile, payouts to another name, logins from three countries",
    sources: ["DOJ v. Oleksandr Didenko (May 2024, rented freelance identities)"],
    story:
      "A Ukrainian national ran a site renting freelance accounts in real people's names to overseas IT workers. The profile has been renamed " +
      "three times, payouts go to a different person, and its sessions come from three countries within a day.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Emily Foster", email: "emily.foster.work@gmail.com", claimedLocation: { city: "Columbus", region: "OH", country: "US" } },
        sourcing: { channel: "freelance_platform" },
        onlineProfiles: [{ platform: "freelance", nameOrHandleChanges: 3 }],
        onboarding: { payment: { payeeName: "Oleh Kravets" } },
        observations: {
          ips: [
            { ip: "95.31.1.77", context: "application", at: "2026-02-03T02:00:00Z" },
            { ip: "123.120.1.88", context: "application", at: "2026-02-03T09:00:00Z" },
            { ip: "113.160.1.90", context: "application", at: "2026-02-03T18:00:00Z" },
          ],
        },
      },
    },
  },
  {
    id: "fraud-jan2025-staffing-front-rdp",
    expected: "fraud",
    title: "Through a US staffing front; laptop to the facilitator, remote access on it",
    sources: ["DOJ Jan 2025 indictment (Jin Sung-Il, Pak Jin-Song and US facilitators)"],
    story:
      "Two DPRK nationals were placed at US companies with help from facilitators who received laptops and installed remote-access software. " +
      "The staffing firm is the facilitators'; the laptop goes to a facilitator's address and shows remote-access tools.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Michael Rourke", email: "michael.rourke.it@gmail.com", claimedLocation: { city: "Charlotte", region: "NC", country: "US" }, homeAddress: { line1: "900 Providence Road", city: "Charlotte", region: "NC", postalCode: "28207", country: "US" } },
        role: { title: "Cloud Engineer", country: "US", engagement: "contractor" },
        sourcing: { channel: "staffing_agency", agency: { name: "Taggcar Staffing", linkedToFacilitator: true } },
        onboarding: {
          equipment: { shipTo: { line1: "18 Oak Hollow Court", city: "Greensboro", region: "NC", postalCode: "27406", country: "US" } },
          devices: [{ assetTag: "NC-LT-4410", remoteAccessTools: ["TeamViewer", "Chrome Remote Desktop"] }],
        },
      },
    },
  },
  {
    id: "fraud-vong-proxy-worker",
    expected: "fraud",
    title: "The US person interviewed; someone in China does the work through remote access",
    sources: ["DOJ v. Minh Phuong Ngoc Vong (2025)"],
    story:
      "A US citizen obtained jobs in his own name and let an overseas worker do them through remote access. After start, the laptop runs " +
      "remote-access software, work logins come from China, and the onboarding video call shows a different person than the interviews.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Minh Tran", email: "minh.tran.software@gmail.com", claimedLocation: { city: "Bethesda", region: "MD", country: "US" } },
        role: { title: "Software Developer", country: "US", engagement: "employee" },
        onboarding: { faceMatchesInterview: false, devices: [{ assetTag: "MD-LT-7710", remoteAccessTools: ["RustDesk"] }] },
        observations: { ips: [{ ip: "123.120.1.140", context: "work", at: "2026-10-06T01:00:00Z" }] },
      },
    },
  },
  {
    id: "fraud-msft25-ai-assisted-interview",
    expected: "fraud",
    title: "Reads AI-generated answers, joins from a cloud server, active only in Asian office hours",
    sources: ["Microsoft Jasper Sleet (Jun 2025)", "FBI PSA I-012325-PSA (Jan 2025)"],
    story:
      "Microsoft observed workers using AI tools during interviews and working at hours that fit Asia. The interviewer saw the candidate " +
      "reading answers after long pauses; all messages arrive at night US time; the call came from a VPS.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Christopher Dunn", email: "chris.dunn.fs@gmail.com", claimedLocation: { city: "Austin", region: "TX", country: "US" } },
        role: { title: "Full-stack Engineer", country: "US", engagement: "employee" },
        interviews: [{ round: 1, mode: "video", at: "2026-06-09T03:00:00Z", assistanceSigns: true }],
        observations: {
          ips: [{ ip: "104.131.0.120", context: "interview", at: "2026-06-09T03:00:00Z" }],
          activityTimestamps: activity("2026-06-01", 10, ["01:15", "03:40", "06:05"]),
        },
      },
    },
  },
  {
    id: "fraud-forged-licence-declined-notary",
    expected: "fraud",
    title: "Vendor finds the driver's licence altered; candidate declines the notary check offered to all",
    sources: ["FBI PSA I-012325-PSA (Jan 2025)", "State/Treasury/FBI guidance (May 2022)", "Mandiant UNC5267 (Sep 2024)"],
    story:
      "Workers submit forged or altered identity documents. The ID vendor flags the licence photo as replaced; offered a notarised check like " +
      "every new hire, the candidate declines.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Joshua Bell", email: "joshua.bell.dev@outlook.com", claimedLocation: { city: "Sacramento", region: "CA", country: "US" } },
        role: { title: "Frontend Engineer", country: "US", engagement: "employee" },
        onboarding: {
          identityProofing: {
            documentCheck: { result: "failed", anomalies: ["photo replaced", "font mismatch in date of birth"], checkedBy: "vendor" },
            alternativeProofing: { offeredToAllAtStage: true, outcome: "declined", method: "notary" },
          },
        },
      },
    },
  },
  {
    id: "fraud-chapman-concurrent-payrolls",
    expected: "fraud",
    title: "Earnings records show the identity on other payrolls; E-Verify final nonconfirmation",
    sources: ["DOJ v. Christina Chapman (2024; identities used at several companies at once)"],
    story:
      "In the Chapman case one stolen identity was on several companies' payrolls at the same time. The income verification shows two other " +
      "current employers and E-Verify ends in a final nonconfirmation.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Laura Whitfield", email: "laura.whitfield.qa@gmail.com", claimedLocation: { city: "Minneapolis", region: "MN", country: "US" } },
        role: { title: "QA Engineer", country: "US", engagement: "employee" },
        offer: { extendedAt: "2026-09-15T15:00:00Z", startDate: "2026-10-05" },
        onboarding: { postOfferChecks: { concurrentEmployment: true, eVerify: "final_nonconfirmation" } },
      },
    },
  },
  {
    id: "fraud-shared-bank-account",
    expected: "fraud",
    title: "Direct deposit to the same bank account as an earlier hire under another name",
    sources: ["FBI PSA I-012325-PSA (Jan 2025)", "Mandiant UNC5267 (Sep 2024)"],
    story:
      "The FBI advises checking for the same bank account, phone or email across applicants. Payroll notices the new contractor's account " +
      "number is the one an earlier contractor with another name gave.",
    priorApplicants: [
      {
        stage: "ONBOARDING",
        profile: {
          candidate: { legalName: "Peter Olsen", email: "peter.olsen.data@gmail.com", claimedLocation: { country: "US" } },
          observations: { bankAccountNumbers: ["021000021-448812907"] },
        },
      },
    ],
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Robert Kline", email: "robert.kline.data@gmail.com", claimedLocation: { city: "St. Louis", region: "MO", country: "US" } },
        role: { title: "Data Analyst (contract)", country: "US", engagement: "contractor" },
        onboarding: { payment: { requestedMethods: ["bank_transfer"], payeeName: "Robert Kline" } },
        observations: { bankAccountNumbers: ["021000021-448812907"] },
      },
    },
  },
  {
    id: "fraud-shared-device-accounts",
    expected: "fraud",
    title: "Two earlier applicant accounts from the same browser/device, different names",
    sources: ["State/Treasury/FBI guidance (May 2022)"],
    story:
      "One team runs many personas from the same machines. The ATS's device fingerprint for this application matches two earlier applicants " +
      "with different names; the application came through a VPN.",
    priorApplicants: [
      { stage: "APPLICATION", profile: { candidate: { legalName: "Adam Sorensen", email: "adam.sorensen.js@gmail.com", claimedLocation: { country: "US" } }, observations: { deviceFingerprints: ["fp-7f3a9c21e4b8"] } } },
      { stage: "APPLICATION", profile: { candidate: { legalName: "Ben Whitley", email: "ben.whitley.js@gmail.com", claimedLocation: { country: "US" } }, observations: { deviceFingerprints: ["fp-7f3a9c21e4b8"] } } },
    ],
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Chris Yates", email: "chris.yates.js@gmail.com", claimedLocation: { city: "Denver", region: "CO", country: "US" } },
        observations: { deviceFingerprints: ["fp-7f3a9c21e4b8"], ips: [{ ip: "89.187.170.61", context: "application", at: "2026-05-20T03:00:00Z" }] },
      },
    },
  },
  {
    id: "fraud-fabricated-portfolio-history",
    expected: "fraud",
    title: "Fabricated employer website, overlapping full-time jobs, experience with tools before they existed",
    sources: ["Mandiant UNC5267 (Sep 2024, fabricated employers)", "DTEX research (impossible work histories)"],
    story:
      "Personas carry histories that do not add up: a former employer whose website was set up last month and has no registration, two " +
      "full-time jobs held at the same time for years, and 'Kubernetes since 2010'.",
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Eric Lindqvist", email: "eric.lindqvist.cloud@gmail.com", claimedLocation: { city: "Phoenix", region: "AZ", country: "US" } },
        application: { submittedAt: "2026-04-14T05:00:00Z", claimedYearsExperience: 12 },
        workHistory: [
          { employerName: "Cloudrise Systems Inc", title: "Staff Engineer", start: "2019-01-01", end: "2025-10-31", fullTime: true, employerCheck: { websiteFabricated: true, registeredEntityFound: false } },
          { employerName: "Orbital Data Co", title: "Senior Engineer", start: "2020-06-01", end: "2024-12-31", fullTime: true },
        ],
        skills: [{ name: "Kubernetes", firstUsedYear: 2010 }, { name: "Go", firstUsedYear: 2012 }],
      },
    },
  },
  {
    id: "fraud-referral-ring",
    expected: "fraud",
    title: "Referred by a contractor already flagged, shares that contractor's phone number",
    sources: ["DOJ Jun 2025 coordinated actions (workers recruiting workers)", "FBI PSA I-012325-PSA (Jan 2025)"],
    story:
      "Flagged workers refer further personas into the same company. The referrer is a contractor security has already flagged, and the " +
      "applicant's phone number is the one that contractor gave.",
    priorApplicants: [{ stage: "ONBOARDING", profile: { candidate: { legalName: "Ivan Petrov", email: "ivan.petrov.backend@gmail.com", phone: "+1 347 555 0168", claimedLocation: { country: "US" } } } }],
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Nick Harmon", email: "nick.harmon.backend@gmail.com", phone: "+1 347 555 0168", claimedLocation: { city: "New York", region: "NY", country: "US" } },
        sourcing: { channel: "referral", referrer: { id: "ctr-2219", kind: "contractor", flagged: true } },
      },
    },
  },
  {
    id: "fraud-recurring-front-employer",
    expected: "fraud",
    title: "Third applicant naming the same unconfirmable 'former employer'",
    sources: ["DOJ Jun 2025 coordinated actions (shell companies as employers of record)", "DOJ Dec 2024 indictment (front companies)"],
    story:
      "The same shell company shows up as the last employer on several personas' résumés. Two earlier applicants named it and nobody there " +
      "could be reached to verify their employment; this applicant names it too and the check is still pending.",
    priorApplicants: [
      { stage: "APPLICATION", profile: { candidate: { legalName: "Owen Reyes", email: "owen.reyes.mobile@gmail.com", claimedLocation: { country: "US" } }, workHistory: [{ employerName: "Nexora Softworks LLC", verification: { method: "independent_contact", outcome: "unverifiable" } }] } },
      { stage: "APPLICATION", profile: { candidate: { legalName: "Paul Stein", email: "paul.stein.mobile@gmail.com", claimedLocation: { country: "US" } }, workHistory: [{ employerName: "NEXORA SOFTWORKS, L.L.C.", verification: { method: "independent_contact", outcome: "unverifiable" } }] } },
    ],
    submission: {
      stage: "APPLICATION",
      profile: {
        candidate: { legalName: "Quentin Shaw", email: "quentin.shaw.mobile@gmail.com", claimedLocation: { city: "Orlando", region: "FL", country: "US" } },
        workHistory: [{ employerName: "Nexora Softworks", title: "Mobile Developer", start: "2021-01-01", end: "2025-12-31", fullTime: true, verification: { method: "independent_contact", outcome: "pending" } }],
        references: [{ name: "HR team", contactDetails: "minimal", independentlySourced: false }],
      },
    },
  },
  {
    id: "fraud-ofac-listed-wallet",
    expected: "fraud",
    title: "Payment wallet is one listed by OFAC for a DPRK IT-worker network",
    sources: ["OFAC SDN designations (DPRK3, IT-worker networks)", "FBI PSA I-012325-PSA (Jan 2025)"],
    story:
      "Treasury lists wallet addresses of designated DPRK IT-worker network members. The contractor asks for pay in crypto to a wallet that " +
      "appears on the SDN list (the evaluation uses the project's OFAC fixture list).",
    submission: {
      stage: "OFFER",
      profile: {
        candidate: { legalName: "Alex Morgan", email: "alex.morgan.defi@proton.me", claimedLocation: { city: "Miami", region: "FL", country: "US" } },
        role: { title: "Solidity Developer (contract)", country: "US", engagement: "contractor", cryptoSector: true },
        onboarding: { payment: { requestedMethods: ["crypto"] } },
        observations: { walletAddresses: ["0x5AaEb6053F3E94C9b9A09f33669435E7Ef1BeAed"] },
      },
    },
  },
  {
    id: "fraud-tri25-laos-onward",
    expected: "fraud",
    title: "Claims Texas, connects from Laos, pay forwarded to Laos",
    sources: ["US–Japan–ROK joint statement (27 Aug 2025; facilitators in Russia, Laos and China)"],
    story:
      "The 2025 joint statement and Treasury's designations name facilitators in Laos. The worker says they live in San Antonio, but the " +
      "interview connection is from Laos and pay goes through a transfer service onward to Laos.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Daniel Reeves", email: "daniel.reeves.dev@gmail.com", claimedLocation: { city: "San Antonio", region: "TX", country: "US" } },
        role: { title: "Java Developer", country: "US", engagement: "contractor" },
        onboarding: { payment: { requestedMethods: ["money_transfer_platform"], payeeName: "Daniel Reeves", viaMoneyTransferPlatform: true, onwardCountry: "LA" } },
        observations: { ips: [{ ip: "115.84.64.33", context: "interview", at: "2026-07-15T15:00:00Z" }] },
      },
    },
  },
  {
    id: "fraud-mand24-avoids-onsite-serial",
    expected: "fraud",
    title: "Skips in-person onboarding and the drug test; the laptop checked in is not the one shipped",
    sources: ["Mandiant UNC5267 (Sep 2024)", "FBI PSA I-012325-PSA (Jan 2025)", "US–ROK PSA (Oct 2023)"],
    story:
      "Workers avoid anything in person and swap hardware. The hire declined the onboarding day offered to everyone, did not show up for the " +
      "drug test, and the serial number reported at IT check-in differs from the laptop shipped.",
    submission: {
      stage: "ONBOARDING",
      profile: {
        candidate: { legalName: "Sean Gallagher", email: "sean.gallagher.sre@gmail.com", claimedLocation: { city: "Pittsburgh", region: "PA", country: "US" } },
        role: { title: "Site Reliability Engineer", country: "US", engagement: "employee" },
        communication: { drugTest: "no_show", inPersonMeeting: "declined" },
        onboarding: {
          inPersonOnboarding: { offeredToAllAtStage: true, outcome: "declined" },
          devices: [{ assetTag: "PA-LT-3301", shippedSerial: "C02ZK1ABMD6R", reportedSerial: "C02XP9QQJG5H" }],
        },
      },
    },
  },
  {
    id: "fraud-adv22-vpn-and-timezone",
    expected: "fraud",
    limit: {
      reason:
        "A VPN and an off-hours activity pattern are both location evidence with common innocent explanations (privacy VPNs, night owls); " +
        "the product deliberately keeps such weak signals alone in the lowest bands (ADR 0003, the L cap; ADR 0008, one line of evidence). " +
        "A recruiter sees both flags with their verification steps (show surroundings, confirm working hours); any further signal from another category lifts it.",
    },
    title: "Claims New York, applies through a VPN, every message sent in the small hours New York time",
    sources: ["State/Treasury/FBI guidance (May 2022)", "Microsoft Jasper Sleet (Jun 2025, Astrill VPN)"],
    story:
      "The guidance mentions VPN use and activity that does not fit the claimed time zone. All 24 messages and logins since applying fall " +
      "between 22:00 and 04:00 New York time; the application and the call came through a VPN.",
    submission: {
      stage: "INTERVIEW",
      profile: {
        candidate: { legalName: "Tom Baxter", email: "tom.baxter.fe@gmail.com", claimedLocation: { city: "New York", region: "NY", country: "US" } },
        role: { title: "Frontend Developer", country: "US", engagement: "employee" },
        observations: {
          ips: [
            { ip: "89.187.170.90", context: "application", at: "2026-03-02T04:00:00Z" },
            { ip: "89.187.170.91", context: "interview", at: "2026-03-09T05:00:00Z" },
          ],
          activityTimestamps: activity("2026-03-02", 8, ["03:10", "05:20", "07:45"]),
        },
      },
    },
  },
];
