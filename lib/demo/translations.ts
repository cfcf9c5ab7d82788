/**
 * The demo newsroom in three languages: its Dari and Pashto editions (the site's name,
 * tagline and About text), section, tag and byline names in Dari and Pashto, and three stories
 * published in English, Dari and Pashto, linked as translations. Written for this project;
 * the people, officials and places' details are invented, as in lib/demo/content.ts. The Dari
 * and Pashto texts were written without a native speaker's review.
 */
import type { Translations } from "@/db/schema";
import type { DemoStory } from "./content";

/** Languages with an edition besides English, and the site's texts in them. */
export const demoEditions: { editionLanguages: string[]; translations: Translations<"siteName" | "tagline" | "aboutText"> } = {
  editionLanguages: ["fa", "ps"],
  translations: {
    fa: {
      siteName: "فانوس کابل",
      tagline: "خبرهای محلی کابل و ولایات، به زبان ساده.",
      aboutText:
        "فانوس کابل یک رسانهٔ مستقل و متکی به حمایت خوانندگان است که خدمات شهری، اقتصاد، صحت، ورزش و فرهنگ را در کابل و ولایات پوشش می‌دهد. گزارش‌های ما به انگلیسی نوشته می‌شوند و برخی از آن‌ها به دری و پشتو نیز نشر می‌شوند. اشتباهات خود را آشکارا اصلاح می‌کنیم و هر به‌روزرسانی مهم را در پایان گزارش یادداشت می‌کنیم.",
    },
    ps: {
      siteName: "د کابل څراغ",
      tagline: "د کابل او ولایتونو ځايي خبرونه، په ساده ژبه.",
      aboutText:
        "د کابل څراغ یوه خپلواکه رسنۍ ده چې د لوستونکو په ملاتړ چلېږي او په کابل او ولایتونو کې ښاري خدمتونه، اقتصاد، روغتیا، ورزش او کلتور پوښي. زموږ راپورونه په انګلیسي لیکل کېږي او ځینې یې په دري او پښتو هم خپرېږي. خپلې تېروتنې په ښکاره سموو او د هر مهم بدلون یادونه د راپور په پای کې کوو.",
    },
  },
};

/** Tag names (sections first) in Dari and Pashto, by tag slug. */
export const demoTagNames: Record<string, Translations<"name" | "description">> = {
  politics: { fa: { name: "سیاست" }, ps: { name: "سیاست" } },
  economy: { fa: { name: "اقتصاد" }, ps: { name: "اقتصاد" } },
  health: { fa: { name: "صحت" }, ps: { name: "روغتیا" } },
  sport: { fa: { name: "ورزش" }, ps: { name: "ورزش" } },
  culture: { fa: { name: "فرهنگ" }, ps: { name: "کلتور" } },
  kabul: { fa: { name: "کابل" }, ps: { name: "کابل" } },
  herat: { fa: { name: "هرات" }, ps: { name: "هرات" } },
  water: { fa: { name: "آب" }, ps: { name: "اوبه" } },
  transport: { fa: { name: "ترانسپورت" }, ps: { name: "ترانسپورت" } },
  cricket: { fa: { name: "کرکت" }, ps: { name: "کرکټ" } },
  education: { fa: { name: "معارف" }, ps: { name: "زده کړه" } },
};

/** Byline names and job titles in Dari and Pashto, by byline slug. */
export const demoBylineNames: Record<string, Translations<"name" | "jobTitle" | "bio">> = {
  "farida-noorzai": { fa: { name: "فریده نورزی", jobTitle: "سردبیر" }, ps: { name: "فریده نورزی", jobTitle: "مسؤله مدیره" } },
  "jawid-sultani": { fa: { name: "جاوید سلطانی", jobTitle: "خبرنگار شاروالی" }, ps: { name: "جاوید سلطاني", jobTitle: "د ښاروالۍ خبریال" } },
  "mariam-haidari": { fa: { name: "مریم حیدری", jobTitle: "خبرنگار اقتصادی" }, ps: { name: "مریم حیدري", jobTitle: "د اقتصاد خبریاله" } },
  "laila-karimzada": { fa: { name: "لیلا کریم‌زاده", jobTitle: "خبرنگار صحت و فرهنگ" }, ps: { name: "لیلا کریمزاده", jobTitle: "د روغتیا او کلتور خبریاله" } },
  "nasir-ahmadzai": { fa: { name: "ناصر احمدزی", jobTitle: "خبرنگار ورزشی" }, ps: { name: "ناصر احمدزی", jobTitle: "د ورزش خبریال" } },
  "tamim-barakzai": { fa: { name: "تمیم بارکزی" }, ps: { name: "تمیم بارکزی" } },
};

/** A demo story that is another story's translation. */
export interface DemoTranslation extends DemoStory {
  /** The slug of the story it translates. */
  translationOf: string;
}

/**
 * Dari and Pashto versions of three English demo stories, published a quarter and half an hour
 * after their originals (as translations are), so every list orders them the same way.
 */
export const demoTranslations: DemoTranslation[] = [
  {
    slug: "tarakidan-lolay-asli-ab-gharb-kabul",
    translationOf: "water-main-burst-cuts-supply-western-kabul",
    title: "ترکیدن لولهٔ اصلی آب، آب‌رسانی به بخش‌هایی از غرب کابل را قطع کرد",
    dek: "انجنیران لولهٔ اصلی شکسته‌ای را ترمیم می‌کنند که امروز صبح هزاران خانواده را بی‌آب گذاشت.",
    language: "fa",
    tags: ["politics", "kabul", "water"],
    bylines: ["jawid-sultani"],
    status: "published",
    publishedHoursAgo: 1.75,
    updatedHoursAfterPublish: 1,
    updateNote: "با برآورد اداره برای وصل دوبارهٔ آب و فهرست ساحه‌های آسیب‌دیده به‌روز شد.",
    breaking: true,
    body: [
      {
        type: "paragraph",
        text: "ادارهٔ آب‌رسانی شهر می‌گوید یک لولهٔ اصلی آب صبح امروز زیر یک سرک پرازدحام در غرب کابل ترکید، چند کوچه را آب گرفت و آب‌رسانی به هزاران خانه را در دست‌کم سه ناحیه قطع کرد.",
      },
      {
        type: "paragraph",
        text: "آب برای چند ساعت در نزدیکی چهارراهی کوته سنگی تا قوزک پا بالا آمده بود، رفت‌وآمد را کند کرد و دکانداران را وادار ساخت اجناس خود را از پیاده‌رو بردارند.",
      },
      {
        type: "quote",
        text: "«این لوله بیش از چهل سال عمر دارد و زیر فشار شکست. گروه‌های ما این بخش را جدا کرده‌اند و اگر ترمیم طبق برنامه پیش برود، تا اواخر شام آب دوباره وصل می‌شود.» این را وحید شریفی، سخنگوی ادارهٔ آب‌رسانی گفت.",
      },
      {
        type: "paragraph",
        text: "به باشندگان توصیه شده تا زمانی که شبکه شست‌وشو نشده، آب ذخیره‌شده را پیش از نوشیدن بجوشانند. به گفتهٔ شریفی، تانکرهای آب به مسجدها و مکتب‌های ساحهٔ آسیب‌دیده فرستاده می‌شوند.",
      },
      { type: "heading", text: "آنچه باشندگان باید بدانند" },
      {
        type: "bullets",
        items: [
          "ساحه‌های آسیب‌دیده: کوته سنگی، کارتهٔ سه و بخش‌هایی از ده بوری.",
          "آب رایگان تانکر تا وصل شدن دوبارهٔ آب در دفترهای ناحیه در دسترس است.",
          "نشت آب یا فشار کم را می‌توان از راه شمارهٔ تماس اداره گزارش داد.",
        ],
      },
      { type: "paragraph", text: "**این گزارش در حال تکمیل است** و به‌روز می‌شود." },
    ],
  },
  {
    slug: "da-obo-asli-nal-chawdana-lwedeez-kabul",
    translationOf: "water-main-burst-cuts-supply-western-kabul",
    title: "د اوبو د اصلي نل چاودنې د لوېدیځ کابل ځینو برخو ته اوبه بندې کړې",
    dek: "انجنیران یو مات شوی اصلي نل جوړوي چې نن سهار یې زرګونه کورنۍ بې اوبو پرېښودې.",
    language: "ps",
    tags: ["politics", "kabul", "water"],
    bylines: ["jawid-sultani"],
    status: "published",
    publishedHoursAgo: 1.5,
    updatedHoursAfterPublish: 1,
    updateNote: "د اوبو د بېرته وصلولو لپاره د ادارې اټکل او د اغېزمنو سیمو لړلیک ورزیات شول.",
    breaking: true,
    body: [
      {
        type: "paragraph",
        text: "د ښار د اوبو رسولو اداره وايي چې نن سهار د لوېدیځ کابل په یوه ګڼه ګوڼه سړک لاندې د اوبو یو اصلي نل وچاودېد، څو کوڅې یې اوبو ونیولې او لږ تر لږه په درېیو ناحیو کې یې زرګونو کورونو ته اوبه بندې کړې.",
      },
      {
        type: "paragraph",
        text: "د کوټه سنګي څلورلارې ته نږدې اوبه د څو ساعتونو لپاره تر بجلکو پورې ولاړې وې، ترافیک یې ورو کړ او دوکاندارانو خپل توکي له پیاده‌رو څخه لرې کړل.",
      },
      {
        type: "quote",
        text: "«دا نل له څلوېښتو کلونو زوړ دی او د فشار لاندې مات شو. زموږ ډلو دا برخه جلا کړې ده، او که ترمیم د پلان سره سم پرمخ ولاړ شي، تر ماښام پورې به اوبه بېرته وصل شي.» دا خبره د ادارې ویاند وحید شریفي وکړه.",
      },
      {
        type: "paragraph",
        text: "اوسېدونکو ته سپارښتنه شوې چې تر هغه چې شبکه نه وي پاکه شوې، زېرمه شوې اوبه د څښلو مخکې وخوټوي. شریفي وویل چې د اوبو ټانکرونه د اغېزمنې سیمې جوماتونو او ښوونځیو ته لېږل کېږي.",
      },
      { type: "heading", text: "هغه څه چې اوسېدونکي یې باید وپوهېږي" },
      {
        type: "bullets",
        items: [
          "اغېزمنې سیمې: کوټه سنګي، کارته سه او د ده بوري ځینې برخې.",
          "د ټانکر وړیا اوبه د اوبو تر بېرته راتلو پورې د ناحیو په دفترونو کې شته.",
          "د اوبو څڅېدل یا ټیټ فشار د ادارې د تلیفون له لارې خبرولی شئ.",
        ],
      },
      { type: "paragraph", text: "**دا راپور لا بشپړېږي** او تازه به شي." },
    ],
  },
  {
    slug: "tim-hay-sayar-waksin-sorkhakan-kabul",
    translationOf: "mobile-teams-start-measles-vaccination-round-kabul",
    title: "تیم‌های سیار دور واکسین سرخکان را در ناحیه‌های بیرونی کابل آغاز کردند",
    dek: "کارمندان صحی دو هفته خانه به خانه می‌روند تا به کودکان زیر پنج سالی برسند که واکسین‌های معمول را نگرفته‌اند.",
    language: "fa",
    tags: ["health", "kabul"],
    bylines: ["laila-karimzada"],
    status: "published",
    publishedHoursAgo: 19.75,
    body: [
      {
        type: "paragraph",
        text: "مقام‌های صحی می‌گویند تیم‌های سیار واکسین این هفته یک دور دوهفته‌ای واکسین سرخکان را در ناحیه‌های بیرونی کابل آغاز کرده‌اند تا به کودکان زیر پنج سالی برسند که واکسین‌های معمول را در کلینیک‌ها نگرفته‌اند.",
      },
      {
        type: "paragraph",
        text: "بیش از ۹۰ تیم، هر کدام با یک واکسیناتور و یک کارمند صحی جامعه، با یخدان و کتابچهٔ ثبت خانه به خانه می‌روند. والدین کارتی می‌گیرند که دوز واکسین در آن ثبت شده است.",
      },
      {
        type: "quote",
        text: "«بسیاری از خانواده‌ها از نزدیک‌ترین کلینیک دور زندگی می‌کنند و رفتن به آنجا پول می‌خواهد. وقتی ما به دروازهٔ خانه می‌رویم، تقریباً هیچ‌کس نه نمی‌گوید.» این را داکتر شبنم رسولی، هماهنگ‌کنندهٔ تیم‌ها در غرب شهر گفت.",
      },
      {
        type: "paragraph",
        text: "سرخکان در خانه‌های پرجمعیت *به‌سرعت* پخش می‌شود. داکتران از والدین می‌خواهند اگر کودک تب بلند کرد و پس از آن دانه برآورد، زود به داکتر مراجعه کنند.",
      },
      { type: "heading", text: "نشانه‌هایی که باید به آن توجه کرد" },
      {
        type: "bullets",
        items: ["تب بلندی که چند روز دوام کند", "سرفه، آبریزش بینی و چشمان سرخ و پرآب", "دانه‌هایی که از روی آغاز می‌شوند و به پایین پخش می‌شوند"],
      },
    ],
  },
  {
    slug: "garzanda-teemuno-da-shari-waksin-dawr-kabul",
    translationOf: "mobile-teams-start-measles-vaccination-round-kabul",
    title: "ګرځنده ټیمونو د کابل په بهرنیو ناحیو کې د شري د واکسین دور پیل کړ",
    dek: "روغتیايي کارکوونکي دوه اونۍ کور په کور ګرځي، ترڅو هغو ماشومانو ته ورسېږي چې معمول واکسینونه یې نه دي اخیستي.",
    language: "ps",
    tags: ["health", "kabul"],
    bylines: ["laila-karimzada"],
    status: "published",
    publishedHoursAgo: 19.5,
    body: [
      {
        type: "paragraph",
        text: "روغتیايي چارواکي وايي چې ګرځنده ټیمونو پدې اونۍ کې د کابل په بهرنیو ناحیو کې د شري د واکسین دوه اونیز دور پیل کړی، ترڅو هغو ماشومانو ته ورسېږي چې له پنځو کلونو کم عمر لري او په کلینیکونو کې یې معمول واکسین نه دی اخیستی.",
      },
      {
        type: "paragraph",
        text: "له ۹۰ ډېر ټیمونه، چې هر یو یې یو واکسیناتور او د ټولنې یو روغتیايي کارکوونکی لري، له یخدانونو او ثبت کتابچو سره کور په کور ګرځي. والدینو ته یو کارت ورکول کېږي چې د واکسین دوز پکې ثبت وي.",
      },
      {
        type: "quote",
        text: "«ډېرې کورنۍ له نږدې کلینیک څخه لرې اوسېږي او هلته تګ پیسې غواړي. کله چې موږ د کور دروازې ته ورشو، نږدې هېڅوک انکار نه کوي.» دا خبره ډاکټرې شبنم رسولي وکړه چې د ښار په لوېدیځ کې د ټیمونو همغږي کوي.",
      },
      {
        type: "paragraph",
        text: "شري په ګڼو کورونو کې *ژر* خپرېږي. ډاکټران له والدینو غواړي چې که ماشوم لوړه تبه ولري او وروسته یې پر بدن دانې راووځي، ژر یې ډاکټر ته ورسوي.",
      },
      { type: "heading", text: "هغه نښې چې باید پام ورته وشي" },
      {
        type: "bullets",
        items: ["لوړه تبه چې څو ورځې دوام وکړي", "ټوخی، د پوزې بهېدل او سرې، اوبلنې سترګې", "دانې چې له مخ څخه پیلېږي او ښکته خپرېږي"],
      },
    ],
  },
  {
    slug: "otaq-motalea-jomea-kodakan-kabul",
    translationOf: "shahr-e-naw-library-opens-childrens-reading-room",
    title: "یک کتابخانه در کابل اتاق مطالعهٔ جمعه برای کودکان باز کرد",
    dek: "جلسه‌های قصه‌گویی، کمک در کارخانگی و قفسه‌ای با ۲۰۰۰ کتاب اهدایی می‌خواهد خواندن را به عادت آخر هفته بدل کند.",
    language: "fa",
    tags: ["culture", "kabul", "education"],
    bylines: ["farida-noorzai"],
    status: "published",
    publishedHoursAgo: 179.75,
    body: [
      {
        type: "paragraph",
        text: "یک کتابخانهٔ عامه در ساحهٔ شهر نو کابل روزهای جمعه یک اتاق مطالعه برای کودکان باز کرده است: جلسه‌های قصه‌گویی، کمک در کارخانگی زیر نظر بزرگ‌ترها و قفسه‌ای با حدود ۲۰۰۰ کتاب تصویری و کتاب نوآموز که ناشران محلی اهدا کرده‌اند.",
      },
      {
        type: "paragraph",
        text: "داوطلبان، که بیشترشان محصل دانشگاه‌اند، هر ساعت به دری و پشتو کتاب بلند می‌خوانند. کودکان با کارت رایگان کتابخانه می‌توانند هم‌زمان دو کتاب را برای دو هفته امانت بگیرند.",
      },
      {
        type: "quote",
        text: "«کودکی که برای لذت می‌خواند، در هر مضمونی زودتر یاد می‌گیرد. می‌خواهیم این اتاق از آنِ خودشان باشد.» این را پروین سادات، کتابدار این کتابخانه گفت.",
      },
      {
        type: "paragraph",
        text: "به گفتهٔ کارمندان کتابخانه، در نخستین جمعه بیش از ۱۵۰ کودک به این اتاق آمدند. برگزارکنندگان اکنون برای قفسه و توشک کمک می‌خواهند.",
      },
    ],
  },
  {
    slug: "da-jumey-da-mutaley-khona-mashuman-kabul",
    translationOf: "shahr-e-naw-library-opens-childrens-reading-room",
    title: "په کابل کې یو کتابتون د ماشومانو لپاره د جمعې د مطالعې خونه پرانیستله",
    dek: "د کیسو ویلو غونډې، د کورني کار مرسته او د ۲۰۰۰ ډالۍ شوو کتابونو المارۍ غواړي چې لوستل د اونۍ د پای عادت کړي.",
    language: "ps",
    tags: ["culture", "kabul", "education"],
    bylines: ["farida-noorzai"],
    status: "published",
    publishedHoursAgo: 179.5,
    body: [
      {
        type: "paragraph",
        text: "د کابل د شهر نو په سیمه کې یو عامه کتابتون د جمعې په ورځو د ماشومانو لپاره د مطالعې خونه پرانیستې ده: د کیسو ویلو غونډې، د لویانو تر څارنې لاندې د کورني کار مرسته او یوه المارۍ چې شاوخوا ۲۰۰۰ انځوریز کتابونه او د نوو لوستونکو کتابونه لري. دا کتابونه ځايي خپرندویانو ډالۍ کړي دي.",
      },
      {
        type: "paragraph",
        text: "رضاکاران، چې ډېری یې د پوهنتون محصلان دي، هر ساعت په دري او پښتو کتابونه په لوړ غږ لولي. ماشومان کولی شي د کتابتون په وړیا کارت په یو وخت دوه کتابونه د دوو اونیو لپاره په امانت یوسي.",
      },
      {
        type: "quote",
        text: "«هغه ماشوم چې د خوند لپاره لولي، په هر مضمون کې ژر زده کوي. موږ غواړو چې دا خونه د دوی خپله وي.» دا خبره د کتابتون کتابدارې پروین سادات وکړه.",
      },
      {
        type: "paragraph",
        text: "د کتابتون د کارکوونکو په وینا، په لومړۍ جمعه له ۱۵۰ ډېر ماشومان دې خونې ته راغلل. جوړونکي اوس د المارۍ او توشکو لپاره مرسته غواړي.",
      },
    ],
  },
];
