/**
 * Demo newsroom content seeded by `npm run db:seed`.
 *
 * Everything here belongs to "The Kabul Lantern", a fictional English-language
 * newsroom in Kabul. All people, officials, clubs and events are invented for
 * demonstration purposes; any resemblance to real persons is coincidental.
 *
 * Story timestamps are relative (hours before seeding time), so the demo
 * always looks fresh no matter when the seed script runs.
 */

export interface DemoSettings {
  siteName: string;
  tagline: string;
  aboutText: string;
  timeZone: string;
  locale: string;
}

export interface DemoByline {
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
  guest: boolean;
}

export interface DemoTag {
  slug: string;
  name: string;
  description: string;
  /** For the site's sections: their place in the navigation (1 first). */
  sectionOrder?: number;
}

export type DemoBlock =
  | { type: 'paragraph'; text: string } // plain text; may contain **bold** and *italic* markers only
  | { type: 'heading'; text: string } // an h2 subheading
  | { type: 'quote'; text: string } // a block quote
  | { type: 'bullets'; items: string[] }; // a bulleted list

export interface DemoStory {
  /** Lowercase a-z0-9 and hyphens, unique, at most 80 characters. */
  slug: string;
  title: string;
  /** One-sentence standfirst. */
  dek: string;
  language: 'en' | 'fa' | 'ps';
  /** Tag slugs; the first one is the story's section. */
  tags: string[];
  /** Author slugs, in byline order. */
  bylines: string[];
  status: 'published' | 'draft' | 'scheduled';
  /** Published: hours ago. Scheduled: negative (hours in the future). Draft: 0. */
  publishedHoursAgo: number;
  /** A later substantive update, in hours after first publication. */
  updatedHoursAfterPublish?: number;
  /** Public note shown with that update, e.g. a correction. */
  updateNote?: string;
  breaking?: boolean;
  body: DemoBlock[];
}

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

export const demoSettings: DemoSettings = {
  siteName: 'The Kabul Lantern',
  tagline: 'Local news for Kabul and beyond, in plain words.',
  aboutText:
    'The Kabul Lantern is an independent, reader-supported newsroom covering city services, the economy, health, sport and culture in Kabul and the provinces. Our reporters publish in English, with selected stories in Dari and Pashto. We correct our mistakes openly and note every substantive update at the foot of the story.',
  timeZone: 'Asia/Kabul',
  locale: 'en-US',
};

// ---------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------

export const demoBylines: DemoByline[] = [
  {
    slug: 'farida-noorzai',
    name: 'Farida Noorzai',
    jobTitle: 'Editor-in-Chief',
    bio: 'Farida Noorzai leads the newsroom and edits its daily coverage. She previously spent a decade reporting on city government and public services.',
    guest: false,
  },
  {
    slug: 'jawid-sultani',
    name: 'Jawid Sultani',
    jobTitle: 'City Hall Reporter',
    bio: 'Jawid Sultani covers the Kabul municipality, transport and public works. He grew up in the city’s western districts and rides the bus to most of his stories.',
    guest: false,
  },
  {
    slug: 'mariam-haidari',
    name: 'Mariam Haidari',
    jobTitle: 'Economy Correspondent',
    bio: 'Mariam Haidari reports on prices, trade and livelihoods, from grain markets to packing houses. She studied economics before joining the newsroom.',
    guest: false,
  },
  {
    slug: 'laila-karimzada',
    name: 'Laila Karimzada',
    jobTitle: 'Health and Culture Reporter',
    bio: 'Laila Karimzada writes about clinics, public health and the arts. She reports in English and Dari.',
    guest: false,
  },
  {
    slug: 'nasir-ahmadzai',
    name: 'Nasir Ahmadzai',
    jobTitle: 'Sports Reporter',
    bio: 'Nasir Ahmadzai covers cricket, football and grassroots sport across the country. He also writes the occasional story in Pashto.',
    guest: false,
  },
  {
    slug: 'tamim-barakzai',
    name: 'Tamim Barakzai',
    jobTitle: 'Freelance Contributor, Herat',
    bio: 'Tamim Barakzai is a freelance journalist based in Herat who writes about the western provinces for The Kabul Lantern.',
    guest: true,
  },
];

// ---------------------------------------------------------------------------
// Tags: five sections first, then topical tags
// ---------------------------------------------------------------------------

export const demoTags: DemoTag[] = [
  // Sections
  {
    slug: 'politics',
    sectionOrder: 1,
    name: 'Politics',
    description: 'City hall, provincial administration and the public services they run.',
  },
  {
    slug: 'economy',
    sectionOrder: 2,
    name: 'Economy',
    description: 'Prices, trade, jobs and the household budget.',
  },
  {
    slug: 'health',
    sectionOrder: 3,
    name: 'Health',
    description: 'Clinics, hospitals, public health and everyday well-being.',
  },
  {
    slug: 'sport',
    sectionOrder: 4,
    name: 'Sport',
    description: 'Cricket, football and grassroots sport from Kabul and the provinces.',
  },
  {
    slug: 'culture',
    sectionOrder: 5,
    name: 'Culture',
    description: 'Books, arts, heritage and the life of the city.',
  },

  // Topics
  {
    slug: 'kabul',
    name: 'Kabul',
    description: 'News from the capital’s 22 municipal districts.',
  },
  {
    slug: 'herat',
    name: 'Herat',
    description: 'Coverage of Herat city and the western provinces.',
  },
  {
    slug: 'water',
    name: 'Water',
    description: 'Supply, quality and the pipes and wells behind them.',
  },
  {
    slug: 'transport',
    name: 'Transport',
    description: 'Buses, roads and how people get around.',
  },
  {
    slug: 'cricket',
    name: 'Cricket',
    description: 'The country’s favorite sport, from club grounds to academies.',
  },
  {
    slug: 'education',
    name: 'Education',
    description: 'Schools, libraries, reading and learning at every age.',
  },
];

// ---------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------

export const demoStories: DemoStory[] = [
  {
    slug: 'water-main-burst-cuts-supply-western-kabul',
    title: 'Water main burst cuts supply to parts of western Kabul',
    dek: 'Engineers are repairing a ruptured trunk pipe that left thousands of households without running water this morning.',
    language: 'en',
    tags: ['politics', 'kabul', 'water'],
    bylines: ['jawid-sultani'],
    status: 'published',
    publishedHoursAgo: 2,
    updatedHoursAfterPublish: 1,
    updateNote: 'Updated with the utility’s estimate for restoring supply and a list of affected areas.',
    breaking: true,
    body: [
      {
        type: 'paragraph',
        text: 'A trunk water main burst beneath a busy road in western Kabul early this morning, flooding several streets and cutting the piped supply to thousands of homes in at least three neighborhoods, the city’s water utility said.',
      },
      {
        type: 'paragraph',
        text: 'Water pooled ankle-deep near the Kote Sangi intersection for several hours, slowing traffic and forcing shopkeepers to move goods off the pavement.',
      },
      {
        type: 'quote',
        text: '“The pipe is more than forty years old and gave way under pressure. Our crews have isolated the section, and we expect to restore supply by late evening if the repair goes as planned,” said Wahid Sharifi, a spokesman for the utility.',
      },
      {
        type: 'paragraph',
        text: 'Residents were advised to boil stored water used for drinking until the system has been flushed. Tanker trucks are being sent to mosques and schools in the affected area, Sharifi said.',
      },
      { type: 'heading', text: 'What residents should know' },
      {
        type: 'bullets',
        items: [
          'Affected areas: Kote Sangi, Karte Se and parts of Deh Bori.',
          'Free tanker water is available at district offices until supply returns.',
          'Leaks or low pressure can be reported through the utility’s hotline.',
        ],
      },
      {
        type: 'paragraph',
        text: '**This story is developing** and will be updated.',
      },
    ],
  },
  {
    slug: 'herat-flour-prices-ease-as-wheat-imports-pick-up',
    title: 'Flour prices ease in Herat as wheat imports pick up',
    dek: 'Bakers and wholesalers report the first sustained drop in months, though prices remain above last year’s levels.',
    language: 'en',
    tags: ['economy', 'herat'],
    bylines: ['mariam-haidari'],
    status: 'published',
    publishedHoursAgo: 50,
    updatedHoursAfterPublish: 5,
    updateNote:
      'Correction: An earlier version of this story misstated the current price of a 50-kilogram sack of flour in Herat. It is about 1,950 afghanis, not 1,590 afghanis.',
    body: [
      {
        type: 'paragraph',
        text: 'The wholesale price of wheat flour in Herat has fallen for a third consecutive week as shipments through the western border crossings increase, traders say, offering some relief to bakeries that had raised the price of bread.',
      },
      {
        type: 'paragraph',
        text: 'A 50-kilogram sack of imported flour sold for about 1,950 afghanis in the city’s main grain market this week, down from roughly 2,150 afghanis a month ago. Prices in Kabul have followed more slowly.',
      },
      {
        type: 'quote',
        text: '“When the trucks come regularly, prices settle. The problem is that nobody knows if it will last through the winter,” said Abdul Qayum Sediqi, a flour wholesaler in Herat.',
      },
      {
        type: 'paragraph',
        text: 'Bakers said they had not yet lowered the price of a standard loaf but had stopped reducing its weight, a common response to rising costs.',
      },
      {
        type: 'paragraph',
        text: 'Economists caution that prices depend heavily on harvests in neighboring countries and on fuel costs for transport. Wheat from this year’s local harvest is expected to reach markets in larger volumes soon.',
      },
    ],
  },
  {
    slug: 'mobile-teams-start-measles-vaccination-round-kabul',
    title: 'Mobile teams start measles vaccination round in Kabul’s outer districts',
    dek: 'Health workers are going door to door for two weeks to reach children under five who missed routine immunizations.',
    language: 'en',
    tags: ['health', 'kabul'],
    bylines: ['laila-karimzada'],
    status: 'published',
    publishedHoursAgo: 20,
    body: [
      {
        type: 'paragraph',
        text: 'Mobile vaccination teams began a two-week measles immunization round in Kabul’s outer districts this week, aiming to reach children under five who missed routine shots at clinics, health officials said.',
      },
      {
        type: 'paragraph',
        text: 'More than 90 teams, each made up of a vaccinator and a community health worker, are going door to door with cool boxes and registration books. Parents receive a card recording the dose.',
      },
      {
        type: 'quote',
        text: '“Many families live far from the nearest clinic, and the journey costs money. When we come to the door, almost nobody refuses,” said Dr. Shabnam Rasuli, who coordinates the teams in the city’s west.',
      },
      {
        type: 'paragraph',
        text: 'Measles spreads quickly in crowded homes. Doctors urge parents to seek care early if a child develops a high fever followed by a rash.',
      },
      { type: 'heading', text: 'Symptoms to watch for' },
      {
        type: 'bullets',
        items: [
          'A high fever lasting several days',
          'Cough, runny nose and red, watery eyes',
          'A rash that starts on the face and spreads downward',
        ],
      },
    ],
  },
  {
    slug: 'paghman-falcons-win-kabul-club-cricket-final',
    title: 'Paghman Falcons win Kabul club cricket final by 23 runs',
    dek: 'A late-innings partnership and tight bowling at the death secured the title in front of a large crowd.',
    language: 'en',
    tags: ['sport', 'cricket', 'kabul'],
    bylines: ['nasir-ahmadzai'],
    status: 'published',
    publishedHoursAgo: 40,
    updatedHoursAfterPublish: 3,
    updateNote: 'Updated with comments from the Khair Khana Lions captain.',
    body: [
      {
        type: 'paragraph',
        text: 'Paghman Falcons won the Kabul club cricket championship by 23 runs, defending a total of 168 after a seventh-wicket partnership rescued their innings and their spinners held off Khair Khana Lions in the final overs.',
      },
      {
        type: 'paragraph',
        text: 'The Falcons slipped to 92 for 6 before wicketkeeper Sami Nooristani and all-rounder Idrees Kohistani added 61 in just over six overs. Nooristani finished unbeaten on 48.',
      },
      {
        type: 'paragraph',
        text: 'The Lions needed 40 from the last four overs with six wickets in hand, but left-arm spinner Wahidullah Safi conceded only nine runs in his final two overs and took two wickets.',
      },
      {
        type: 'quote',
        text: '“We told each other to bat time and stop looking at the scoreboard. The runs came once we stopped rushing,” Nooristani said.',
      },
      {
        type: 'paragraph',
        text: 'Lions captain Basir Hotak said his side had lost the match in the middle overs. “We had them where we wanted them and let it slip. We will be back next season,” he said.',
      },
    ],
  },
  {
    slug: 'explainer-kabul-bus-fare-cards',
    title: 'Explainer: how Kabul’s new bus fare cards will work',
    dek: 'Reloadable cards go on sale next week; here is what commuters need to know about prices, top-ups and discounts.',
    language: 'en',
    tags: ['economy', 'kabul', 'transport'],
    bylines: ['mariam-haidari'],
    status: 'scheduled',
    publishedHoursAgo: -30,
    body: [
      {
        type: 'paragraph',
        text: 'Kabul’s municipal bus service will begin selling reloadable fare cards next week, letting passengers tap on instead of paying conductors in cash. Here is how the cards work and what they cost.',
      },
      { type: 'heading', text: 'Where to buy a card' },
      {
        type: 'paragraph',
        text: 'Cards will be sold for 50 afghanis at district offices and at kiosks at major stops, including Dehmazang and Sarai Shamali. The purchase price includes 20 afghanis of credit.',
      },
      { type: 'heading', text: 'Fares and discounts' },
      {
        type: 'bullets',
        items: [
          'A single ride costs 10 afghanis, the same as the cash fare.',
          'The fifth ride on the same day is free.',
          'Students with a valid ID card pay half fare.',
          'Cash will still be accepted during a three-month transition period.',
        ],
      },
      {
        type: 'quote',
        text: '“The cards will speed up boarding and give us accurate passenger numbers for planning new routes,” said Fawad Nazari, who heads the municipality’s transport department.',
      },
    ],
  },
  {
    slug: 'kabul-municipality-posts-district-budgets-online',
    title: 'Kabul municipality posts district budgets online for the first time',
    dek: 'The itemized figures show how much each of the city’s 22 districts plans to spend on roads, drainage and garbage collection this year.',
    language: 'en',
    tags: ['politics', 'kabul'],
    bylines: ['jawid-sultani', 'farida-noorzai'],
    status: 'published',
    publishedHoursAgo: 30,
    body: [
      {
        type: 'paragraph',
        text: 'Kabul’s municipality has published itemized spending plans for each of the city’s 22 districts on its website, giving residents their first detailed look at how money for roads, drainage and garbage collection is divided across the capital.',
      },
      {
        type: 'paragraph',
        text: 'The documents, released as spreadsheets and as printed notices at district offices, list more than 400 individual projects. Road resurfacing accounts for the largest share, followed by drainage works ahead of the spring rains.',
      },
      {
        type: 'quote',
        text: '“People ask us every week where the money goes. Now they can check for themselves, line by line,” said Sayed Qasim Hashimi, the municipality’s deputy head of finance.',
      },
      {
        type: 'paragraph',
        text: 'Shopkeepers in District 4 who reviewed the list said they welcomed the move but wanted timelines attached to each project. Several said a drainage channel promised for their street last year did not appear in the new plan.',
      },
      {
        type: 'paragraph',
        text: 'Hashimi said quarterly progress reports would follow and that residents could submit comments at district offices for the next 30 days.',
      },
    ],
  },
  {
    slug: 'kabul-public-clinics-extend-evening-hours',
    title: 'Kabul public clinics extend evening hours for working patients',
    dek: 'Six clinics near markets and bus terminals will stay open until 8 p.m. in a three-month trial.',
    language: 'en',
    tags: ['health', 'kabul'],
    bylines: ['laila-karimzada'],
    status: 'published',
    publishedHoursAgo: 190,
    body: [
      {
        type: 'paragraph',
        text: 'Six public health clinics in Kabul will stay open until 8 p.m. from Saturday to Thursday under a three-month trial meant to help day laborers, shopkeepers and others who cannot leave work to see a doctor during the day.',
      },
      {
        type: 'paragraph',
        text: 'Each evening shift will be staffed by a doctor, a nurse and a pharmacist. Officials said they chose clinics near markets and bus terminals, where demand is highest.',
      },
      {
        type: 'quote',
        text: '“Our busiest hour is the first hour after opening, and it is mostly people who have taken the morning off work. We want to spread that out,” said Dr. Ahmad Zia Omari, a public health official for the city.',
      },
      {
        type: 'paragraph',
        text: 'Patients waiting outside one clinic said they welcomed the change but worried about medicine shortages. Officials said pharmacy stock would be increased at the six sites during the trial.',
      },
    ],
  },
  {
    slug: 'namayeshgah-khoshnawisan-jawan-kabul',
    title: 'نمایشگاه آثار خوشنویسان جوان در کابل گشایش یافت',
    dek: 'بیش از صد اثر از شاگردان کورس‌های خوشنویسی سه شهر تا یک هفته در معرض دید علاقه‌مندان قرار دارد.',
    language: 'fa',
    tags: ['culture', 'kabul'],
    bylines: ['laila-karimzada'],
    status: 'published',
    publishedHoursAgo: 86,
    body: [
      {
        type: 'paragraph',
        text: 'نمایشگاهی از آثار خوشنویسان جوان روز گذشته در یک مرکز فرهنگی در شهر کابل گشایش یافت. در این نمایشگاه که یک هفته ادامه دارد، بیش از صد اثر به خط نستعلیق، ثلث و شکسته به نمایش گذاشته شده است.',
      },
      {
        type: 'paragraph',
        text: 'بیشتر آثار از سوی شاگردان کورس‌های خوشنویسی در کابل، هرات و مزار شریف فرستاده شده‌اند. برگزارکنندگان می‌گویند هدف این نمایشگاه، معرفی استعدادهای تازه و زنده نگه‌داشتن هنر خوشنویسی است.',
      },
      {
        type: 'quote',
        text: '«خوشنویسی تنها زیبا نوشتن نیست؛ صبر و ادب را نیز به شاگرد می‌آموزد. خوشحالیم که جوانان این‌قدر به این هنر علاقه نشان می‌دهند.» — استاد عبدالحمید نوری، یکی از داوران نمایشگاه',
      },
      { type: 'heading', text: 'برندگان مسابقه' },
      {
        type: 'paragraph',
        text: 'در پایان روز نخست، به سه اثر برتر جایزه داده شد. جایزه اول به مریم احمدی، شاگرد هجده‌ساله‌ای از هرات، رسید که بیت‌هایی از یک غزل مولانا را به خط نستعلیق نوشته بود.',
      },
      {
        type: 'paragraph',
        text: 'دیدن از نمایشگاه برای همه رایگان است و نمایشگاه هر روز از ساعت ۹ صبح تا ۴ عصر به روی بازدیدکنندگان باز است.',
      },
    ],
  },
  {
    slug: 'herat-public-comment-old-city-bazaar-renovation',
    title: 'Herat officials invite public comment on old-city bazaar renovation',
    dek: 'Traders and residents have a month to respond to plans for new roofing, drainage and lighting in the covered market.',
    language: 'en',
    tags: ['politics', 'herat'],
    bylines: ['tamim-barakzai'],
    status: 'published',
    publishedHoursAgo: 98,
    body: [
      {
        type: 'paragraph',
        text: 'Provincial officials in Herat have opened a month-long public consultation on plans to renovate a covered bazaar in the city’s old quarter, asking shopkeepers and residents to comment on proposed roofing, drainage and lighting work.',
      },
      {
        type: 'paragraph',
        text: 'Drawings of the plan are on display at the entrance to the market, with a comment box beside them. Officials say the work would be carried out in stages so that no more than a quarter of the stalls close at any one time.',
      },
      {
        type: 'quote',
        text: '“We have been patching the same leaking roof for fifteen years. If they do it properly and keep us open, most of us will support it,” said Ghulam Farooq, who sells copper pots near the eastern gate.',
      },
      {
        type: 'paragraph',
        text: 'Some traders raised concerns about temporary relocation and whether rents would rise once the work is complete. The provincial urban development office said no rent changes were included in the current proposal.',
      },
      {
        type: 'paragraph',
        text: 'Heritage specialists have asked that original brickwork be preserved wherever possible. A final design is expected after the consultation closes.',
      },
    ],
  },
  {
    slug: 'kabul-book-fair-draws-record-crowds',
    title: 'Kabul book fair draws record crowds to children’s and poetry stalls',
    dek: 'More than 60 publishers and booksellers took part in the five-day fair, which organizers say drew its largest attendance yet.',
    language: 'en',
    tags: ['culture', 'kabul', 'education'],
    bylines: ['laila-karimzada'],
    status: 'published',
    publishedHoursAgo: 60,
    body: [
      {
        type: 'paragraph',
        text: 'A five-day book fair in central Kabul closed with organizers reporting more visitors than in any previous year, as families crowded stalls selling children’s books, classical poetry and Dari and Pashto translations of popular science titles.',
      },
      {
        type: 'paragraph',
        text: 'More than 60 publishers and booksellers from Kabul, Herat, Mazar-e Sharif and Jalalabad took part. Many offered discounts of up to 30 percent on the final day.',
      },
      {
        type: 'quote',
        text: '“Parents used to buy one book and leave. This year they came back with lists written by their children,” said Zia Gul Habibi, who runs a small publishing house specializing in picture books.',
      },
      {
        type: 'paragraph',
        text: 'Translated titles on astronomy and the human body sold out at several stalls. Publishers said paper and printing costs remained high, keeping prices out of reach for some buyers.',
      },
      {
        type: 'paragraph',
        text: 'A smaller edition of the fair is planned in Herat later in the year.',
      },
    ],
  },
  {
    slug: 'kabul-bus-route-14-extended-to-dasht-e-barchi',
    title: 'Kabul extends Route 14 bus service to Dasht-e Barchi',
    dek: 'The longer route spares thousands of commuters a change of vehicle, though riders say buses remain crowded at peak hours.',
    language: 'en',
    tags: ['politics', 'kabul', 'transport'],
    bylines: ['jawid-sultani'],
    status: 'published',
    publishedHoursAgo: 74,
    body: [
      {
        type: 'paragraph',
        text: 'Kabul’s municipal bus service has extended Route 14 by about six kilometers to reach Dasht-e Barchi, sparing commuters in the fast-growing western district a change of vehicle on their way to the city center.',
      },
      {
        type: 'paragraph',
        text: 'Eight additional buses have been assigned to the route, and the fare is unchanged at 10 afghanis per ride. Services run from 6 a.m. to 7 p.m., with buses scheduled every 12 minutes at peak times.',
      },
      {
        type: 'quote',
        text: '“Before, I paid for a shared taxi and then a bus. Now it is one ride, and I save almost an hour a day,” said Abdul Basir, a tailor who commutes to Shahr-e Naw.',
      },
      { type: 'heading', text: 'New stops on the extension' },
      {
        type: 'bullets',
        items: ['Pul-e Sukhta bridge', 'Kote Sangi', 'Dasht-e Barchi main road', 'A final stop beside the district health center'],
      },
      {
        type: 'paragraph',
        text: 'Riders said morning buses were still packed. The transport department said it would review passenger counts after a month and could add vehicles.',
      },
    ],
  },
  {
    slug: 'da-zwano-shaerano-mushaera-kabul',
    title: 'په کابل کې د ځوانو شاعرانو مشاعره جوړه شوه',
    dek: 'په دې غونډه کې له بېلابېلو ولایتونو څخه شاوخوا دېرش ځوانو شاعرانو خپل شعرونه ولوستل.',
    language: 'ps',
    tags: ['culture', 'kabul'],
    bylines: ['nasir-ahmadzai'],
    status: 'published',
    publishedHoursAgo: 14,
    body: [
      {
        type: 'paragraph',
        text: 'د کابل ښار په یوه فرهنګي مرکز کې پرون ماښام د ځوانو شاعرانو یوه مشاعره جوړه شوه، چې له کابل، ننګرهار، کندهار او پکتیا ولایتونو څخه شاوخوا دېرش شاعرانو په کې ګډون وکړ.',
      },
      {
        type: 'paragraph',
        text: 'شاعرانو د مینې، وطن، سولې او ورځني ژوند په اړه شعرونه، غزلې او لنډۍ ولوستل. دا غونډه نږدې دوه ساعته روانه وه.',
      },
      {
        type: 'paragraph',
        text: 'د غونډې یوه تنظیموونکي، شاعر احمدشاه زلاند، وویل:',
      },
      {
        type: 'quote',
        text: '«لنډۍ زموږ د ولس د زړه خبرې دي. زه خوښ یم چې ځوان نسل یې لا هم ژوندۍ ساتي.»',
      },
      { type: 'heading', text: 'د ځوانو شاعرانو لپاره د چاپ فرصت' },
      {
        type: 'paragraph',
        text: 'تنظیموونکو اعلان وکړ چې د دې مشاعرې غوره شعرونه به د کال په پای کې په یوه ټولګه کې چاپ شي.',
      },
      {
        type: 'paragraph',
        text: 'بله مشاعره به راتلونکې میاشت په جلال آباد کې جوړه شي.',
      },
    ],
  },
  {
    slug: 'kabul-dried-fruit-packers-hire-seasonal-workers',
    title: 'Kabul dried-fruit packers take on seasonal workers ahead of export season',
    dek: 'Packing houses on the city’s northern edge say orders for raisins and almonds are up, bringing short-term jobs to hundreds of people.',
    language: 'en',
    tags: ['economy', 'kabul'],
    bylines: ['mariam-haidari'],
    status: 'published',
    publishedHoursAgo: 122,
    body: [
      {
        type: 'paragraph',
        text: 'Packing houses on the northern edge of Kabul have begun hiring hundreds of seasonal workers to sort, clean and box raisins, almonds and dried apricots, as exporters report stronger early orders than at this point last year.',
      },
      {
        type: 'paragraph',
        text: 'At one facility visited this week, about 120 workers sat at long tables picking stones and stems from mounds of green raisins. Most said the work would last eight to ten weeks.',
      },
      {
        type: 'quote',
        text: '“Buyers want cleaner fruit and better packaging every year. That means more hands at the tables,” said Baryalai Sahak, who manages the packing house.',
      },
      {
        type: 'paragraph',
        text: 'Daily wages range from 300 to 450 afghanis, depending on experience. Several workers said the job filled a gap between the end of harvest work and the winter months.',
      },
      {
        type: 'paragraph',
        text: 'Exporters say higher transport costs and delays at border crossings remain their main concerns, and that orders could shift quickly if shipping slows.',
      },
    ],
  },
  {
    slug: 'herat-youth-football-league-kicks-off',
    title: 'Youth football league kicks off in Herat with 24 teams',
    dek: 'Under-16 sides from across the province will play weekly fixtures over the coming months, with knockout rounds to follow.',
    language: 'en',
    tags: ['sport', 'herat'],
    bylines: ['nasir-ahmadzai', 'tamim-barakzai'],
    status: 'published',
    publishedHoursAgo: 110,
    body: [
      {
        type: 'paragraph',
        text: 'Twenty-four under-16 football teams from across Herat province kicked off a new youth league this week, with organizers hoping regular weekly fixtures will keep young players training through the year rather than only before occasional tournaments.',
      },
      {
        type: 'paragraph',
        text: 'The teams are split into four groups of six, with the top two in each group advancing to knockout rounds. Matches are played on Fridays at three grounds in and around the city.',
      },
      {
        type: 'quote',
        text: '“Talent is everywhere in this province. What was missing was a reason to train every week,” said Mohammad Rafi Jami, the league’s organizer and a former provincial team coach.',
      },
      {
        type: 'paragraph',
        text: 'Local businesses have sponsored kits and match balls, and each team must register a qualified coach. Organizers said they hope to add an under-13 division next year.',
      },
    ],
  },
  {
    slug: 'kabul-well-water-tests-mixed-results',
    title: 'Tests of private wells in three Kabul districts find mixed water quality',
    dek: 'A university testing drive found most samples safe to drink after boiling, but some wells showed high nitrate levels.',
    language: 'en',
    tags: ['health', 'water', 'kabul'],
    bylines: ['laila-karimzada', 'jawid-sultani'],
    status: 'published',
    publishedHoursAgo: 215,
    body: [
      {
        type: 'paragraph',
        text: 'A volunteer testing drive run by a Kabul university’s chemistry department has analyzed water from more than 300 private wells in three districts, finding most samples acceptable after boiling but some with nitrate levels above recommended limits.',
      },
      {
        type: 'paragraph',
        text: 'Students collected samples over six weeks and returned results to each household on a printed sheet. About one in eight samples exceeded the nitrate guideline, mostly from shallow wells near older septic pits.',
      },
      {
        type: 'quote',
        text: '“Boiling kills bacteria, but it does not remove nitrates. Families with a high reading should use another source when preparing food for infants,” said Professor Homayoun Jalali, who led the project.',
      },
      {
        type: 'paragraph',
        text: 'The department plans to repeat the tests before summer, when groundwater levels typically fall. Residents can bring samples to the university’s laboratory on Thursday mornings free of charge.',
      },
    ],
  },
  {
    slug: 'kabul-cricket-academy-trials-draw-600-players',
    title: 'Kabul cricket academy trials draw more than 600 young players',
    dek: 'Coaches will pick 40 players aged 14 to 17 for a year of free training, with a focus on fast bowling.',
    language: 'en',
    tags: ['sport', 'cricket', 'kabul'],
    bylines: ['nasir-ahmadzai'],
    status: 'published',
    publishedHoursAgo: 230,
    body: [
      {
        type: 'paragraph',
        text: 'More than 600 young cricketers queued from dawn for two days of open trials at a Kabul cricket academy, competing for 40 places in a free year-long training program that coaches say will focus on developing fast bowlers.',
      },
      {
        type: 'paragraph',
        text: 'Players aged 14 to 17 bowled six deliveries each in front of selectors, with a speed gun set up beside the nets. Those who impressed were asked back for a batting and fielding session the next day.',
      },
      {
        type: 'quote',
        text: '“We have plenty of spinners in this country. Genuine pace is rarer, and we want to find it early and protect young bodies from injury,” said head coach Farhad Amiri.',
      },
      {
        type: 'paragraph',
        text: 'Selected players will train four afternoons a week and receive kit, transport money and lessons on fitness and diet. The final list is due within two weeks.',
      },
    ],
  },
  {
    slug: 'shahr-e-naw-library-opens-childrens-reading-room',
    title: 'Kabul library opens a Friday reading room for children',
    dek: 'Storytelling sessions, homework help and a lending shelf of 2,000 donated books aim to make reading a weekend habit.',
    language: 'en',
    tags: ['culture', 'kabul', 'education'],
    bylines: ['farida-noorzai'],
    status: 'published',
    publishedHoursAgo: 180,
    body: [
      {
        type: 'paragraph',
        text: 'A public library in Kabul’s Shahr-e Naw neighborhood has opened a children’s reading room on Fridays, offering storytelling sessions, supervised homework help and a lending shelf of about 2,000 picture books and early readers donated by local publishers.',
      },
      {
        type: 'paragraph',
        text: 'Volunteers, many of them university students, read aloud in Dari and Pashto every hour. Children can borrow two books at a time for two weeks with a free library card.',
      },
      {
        type: 'quote',
        text: '“A child who reads for pleasure learns faster in every subject. We want this room to feel like it belongs to them,” said librarian Parwin Sadat.',
      },
      {
        type: 'paragraph',
        text: 'On its first Friday, the room welcomed more than 150 children, library staff said. Organizers are now looking for donations of shelving and floor cushions.',
      },
    ],
  },
  {
    slug: 'herat-restorers-save-painted-ceilings',
    title: 'Restorers work to save painted ceilings in Herat’s old houses',
    dek: 'A small team is stabilizing flaking pigments and cracked beams before another winter sets in.',
    language: 'en',
    tags: ['culture', 'herat'],
    bylines: ['farida-noorzai'],
    status: 'draft',
    publishedHoursAgo: 0,
    body: [
      {
        type: 'paragraph',
        text: 'A small team of restorers in Herat is documenting and repairing painted wooden ceilings in several old-city houses, racing to stabilize flaking pigments and cracked beams before another winter of damp and temperature swings.',
      },
      {
        type: 'paragraph',
        text: 'The ceilings, decorated with floral patterns in red, green and gold, are thought to date from the late nineteenth century. Several had been hidden under layers of plaster and whitewash.',
      },
      {
        type: 'quote',
        text: '“Every ceiling we open tells us something new about the workshops that painted them. Our first job is simply to stop the loss,” said conservator Sultan Ahmad Karimi.',
      },
      {
        type: 'paragraph',
        text: 'The project is funded through the end of the year, and the team is training four apprentices in traditional pigment preparation.',
      },
      {
        type: 'paragraph',
        text: '*Editor’s note: add interviews with the house owners and photo captions before publishing.*',
      },
    ],
  },
];
