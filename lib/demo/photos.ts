/**
 * The demo newsroom's photos: illustrations drawn for this project (lib/demo/scenes.ts), each
 * the featured photo of one demo story, with alt text and caption in the story's language and
 * a credit that says what it is. Stories not listed here (the breaking lead among them) have
 * no photo, so the front page's text lead shows too.
 */
import { bookFair, busRoad, calligraphyDesk, coveredBazaar, cricketFinal, flourMarket, hillsideVaccination, poetryEvening, wellSamples } from "./scenes";

/** The credit of every demo illustration: says it is a drawing, made for the demo. */
export const DEMO_PHOTO_CREDIT = "Illustration: Newsroom CMS demo";

export interface DemoPhoto {
  /** The story whose featured photo this is. */
  storySlug: string;
  /** The file name it is uploaded under. */
  fileName: string;
  /** What the drawing shows, for readers who cannot see it (in the story's language). */
  altText: string;
  /** The caption under it (in the story's language). */
  caption: string;
  /** Staff-only note in the media library. */
  usageNotes: string;
  /** Draws it: a complete SVG document (lib/demo/drawing.ts W × H). */
  draw: () => string;
}

const NOTE = "Drawn for the demo newsroom; free to reuse in the demo.";

export const demoPhotos: DemoPhoto[] = [
  {
    storySlug: "da-zwano-shaerano-mushaera-kabul",
    fileName: "demo-poetry-evening.jpg",
    altText: "انځور: یو شاعر د شپې په یوه انګړ کې په سټېج ولاړ دی او له پاڼې شعر لولي. پورته څراغونه ځړول شوي او خلک ورته ناست دي.",
    caption: "په کابل کې د ځوانو شاعرانو مشاعره.",
    usageNotes: NOTE,
    draw: poetryEvening,
  },
  {
    storySlug: "mobile-teams-start-measles-vaccination-round-kabul",
    fileName: "demo-vaccination-round.jpg",
    altText: "Illustration of two health workers in blue climbing a stepped path between pastel houses on a hillside, one carrying a white cool box; a mother and child wait at a green door.",
    caption: "Vaccination teams go door to door with cool boxes in Kabul’s outer districts.",
    usageNotes: NOTE,
    draw: hillsideVaccination,
  },
  {
    storySlug: "paghman-falcons-win-kabul-club-cricket-final",
    fileName: "demo-cricket-final.jpg",
    altText: "Illustration of a cricket match under floodlights at dusk: a batsman at the crease, fielders in white on a striped green outfield, a packed stand and mountains behind.",
    caption: "The Kabul club final: Paghman Falcons defended 168 to win by 23 runs.",
    usageNotes: NOTE,
    draw: cricketFinal,
  },
  {
    storySlug: "herat-flour-prices-ease-as-wheat-imports-pick-up",
    fileName: "demo-flour-market.jpg",
    altText: "Illustration of a market: a pyramid of white flour sacks on a pallet and a basket of round bread in front, shoppers by stalls with striped awnings, a blue dome and minaret in the haze.",
    caption: "A 50-kilogram sack of imported flour sold for about 1,950 afghanis in Herat’s grain market this week.",
    usageNotes: NOTE,
    draw: flourMarket,
  },
  {
    storySlug: "kabul-book-fair-draws-record-crowds",
    fileName: "demo-book-fair.jpg",
    altText: "Illustration of three white tents with shelves of colourful books under strings of bunting, visitors and a child browsing in front.",
    caption: "More than 60 publishers and booksellers took part in the five-day fair.",
    usageNotes: NOTE,
    draw: bookFair,
  },
  {
    storySlug: "kabul-bus-route-14-extended-to-dasht-e-barchi",
    fileName: "demo-route-14.jpg",
    altText: "Illustration of a blue city bus on a road curving past hillside houses and poplars, snow-capped mountains and a rising sun behind.",
    caption: "Route 14 now runs on to Dasht-e Barchi, sparing riders a change of vehicle.",
    usageNotes: NOTE,
    draw: busRoad,
  },
  {
    storySlug: "namayeshgah-khoshnawisan-jawan-kabul",
    fileName: "demo-calligraphy.jpg",
    altText: "تصویرسازی: میز یک خوشنویس از بالا؛ کاغذی با حاشیهٔ طلایی و خط‌های سیاه و انتزاعی، یک قلم نی، یک دوات و برگهٔ تمرین با نقطه‌های لوزی.",
    caption: "آثار شاگردان کورس‌های خوشنویسی تا یک هفته در کابل به نمایش گذاشته شده است.",
    usageNotes: NOTE,
    draw: calligraphyDesk,
  },
  {
    storySlug: "herat-public-comment-old-city-bazaar-renovation",
    fileName: "demo-covered-bazaar.jpg",
    altText: "Illustration of a covered bazaar seen down its length: brick arches receding, shafts of light from the roof, lit shopfronts on both sides and a few shoppers.",
    caption: "The plans cover new roofing, drainage and lighting for the covered market.",
    usageNotes: NOTE,
    draw: coveredBazaar,
  },
  {
    storySlug: "kabul-well-water-tests-mixed-results",
    fileName: "demo-well-samples.jpg",
    altText: "Illustration of a green hand pump in a brick-walled courtyard pouring water into a zinc bucket, with three labelled sample bottles and a test card on a shelf.",
    caption: "Students collected samples from more than 300 private wells over six weeks.",
    usageNotes: NOTE,
    draw: wellSamples,
  },
];
