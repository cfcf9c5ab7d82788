/**
 * The demo newsroom's live blog: rolling coverage of a (fictional) spring flood in Kabul, with
 * its introduction and a day of entries by several reporters, two key events and a pinned
 * entry. Written for this project. Times are minutes after the coverage started; the seed
 * starts it a few hours before the seeding instant.
 */
import type { DemoBlock, DemoStory } from "./content";

/** One entry of the demo live blog. */
export interface DemoLiveEntry {
  /** Minutes after the coverage started. */
  minutes: number;
  headline?: string;
  byline: string;
  text: string;
  keyEvent?: boolean;
  pinned?: boolean;
}

/** The live blog's story: its introduction is the story body. */
export const demoLiveStory: DemoStory & { coverageHoursAgo: number } = {
  slug: 'kabul-river-flood-live',
  title: 'Kabul River flood: live updates',
  dek: 'Heavy rain overnight pushed the Kabul River over its banks in several districts. Follow the latest from our reporters across the city.',
  language: 'en',
  tags: ['kabul', 'water'],
  bylines: ['farida-noorzai', 'jawid-sultani', 'mariam-haidari'],
  status: 'published',
  publishedHoursAgo: 5,
  coverageHoursAgo: 5,
  body: [
    {
      type: 'paragraph',
      text: 'Rain that began late last night swelled the Kabul River and several of its side channels, flooding low-lying streets along the river in the city centre and in the east of the city. Our reporters are following the water, the rescue work and what it means for getting around the city today.',
    },
    {
      type: 'paragraph',
      text: 'Times are Kabul time. The newest updates are at the top.',
    },
  ] satisfies DemoBlock[],
};

/** The entries, oldest first (the seed posts them in this order). */
export const demoLiveEntries: DemoLiveEntry[] = [
  {
    minutes: 0,
    byline: 'farida-noorzai',
    text: 'Good morning. We are opening this live page as the river rises in the city centre. Jawid is near the Pul-e Khishti bridge, Mariam is with the emergency services in the east of the city.',
  },
  {
    minutes: 12,
    headline: 'Water over the embankment at Pul-e Khishti',
    byline: 'jawid-sultani',
    text: 'The river has come over the low embankment on the south bank near the Pul-e Khishti mosque. Shopkeepers are carrying sacks of rice and flour up to first-floor rooms. The water in the street is ankle-deep and rising slowly.',
  },
  {
    minutes: 25,
    byline: 'mariam-haidari',
    text: 'The city’s disaster management office says four pumping teams have been sent to the worst-hit streets and that two schools in the east of the city will open as shelters for families who need to leave their homes.',
  },
  {
    minutes: 41,
    headline: 'Schools closed in three districts',
    byline: 'farida-noorzai',
    text: 'The education department has closed schools in three districts along the river for the day. Exams planned for this morning are moved to next week, a spokesperson told us.',
    keyEvent: true,
  },
  {
    minutes: 58,
    byline: 'jawid-sultani',
    text: 'Traffic police have closed the riverside road between the two central bridges. Drivers are being sent north through the old city, where traffic is already slow.',
  },
  {
    minutes: 74,
    byline: 'mariam-haidari',
    text: 'At the first shelter, volunteers are handing out blankets and bread. About forty families have arrived so far, most of them from houses closest to the water.',
  },
  {
    minutes: 96,
    headline: 'How to reach help',
    byline: 'farida-noorzai',
    text: 'Families who need shelter can go to the two schools opened by the city, or call the disaster management office’s hotline. Do not walk or drive through moving water: even shallow water can sweep a person off their feet.',
    pinned: true,
  },
  {
    minutes: 118,
    byline: 'jawid-sultani',
    text: 'The rain has eased in the city centre. The water at Pul-e Khishti has stopped rising, a shopkeeper who has measured it against his door frame every half hour told us.',
  },
  {
    minutes: 140,
    byline: 'mariam-haidari',
    text: 'Emergency workers have used a small boat to bring an elderly couple out of a house cut off by water in the east of the city. Both are well and have been taken to the shelter.',
  },
  {
    minutes: 165,
    headline: 'River level starts to fall',
    byline: 'farida-noorzai',
    text: 'The city’s water authority says the level of the river measured at the central bridges has started to fall for the first time since last night. It warns that more rain is possible this evening.',
    keyEvent: true,
  },
  {
    minutes: 190,
    byline: 'jawid-sultani',
    text: 'Shops along the south bank are opening their shutters again. Owners are sweeping mud out of their doorways; most say the water did not reach their shelves.',
  },
  {
    minutes: 215,
    byline: 'mariam-haidari',
    text: 'The riverside road has partly reopened, one lane in each direction. Traffic police say the other lanes will open once the mud has been cleared.',
  },
  {
    minutes: 240,
    byline: 'farida-noorzai',
    text: 'We will keep this page open through the evening, when more rain is forecast. If you have been affected by the flood and want to tell us, write to our newsroom.',
  },
];
