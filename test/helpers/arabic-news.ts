import fc from "fast-check";
import type { ArticleInput } from "../../src/document.js";

/**
 * Random articles for property tests and the fuzz bench (bench/fuzz.ts): news
 * sentences assembled from fragments of Arabic political news (actors, verbs,
 * dates, places, speech cues), torn up and mixed with random Unicode, awkward
 * characters (bidi controls, diacritics, ligatures, lone surrogates) and line
 * breaks of every kind. All fragments were written for marsad's tests.
 */

const actors = [
  "إسرائيل",
  "حماس",
  "حركة حماس",
  "وزير الخارجية",
  "وزير الخارجية الأمريكي أنتوني بلينكن",
  "بلينكن",
  "الحكومة الأردنية",
  "الرئيس المصري",
  "الرئيس التونسي",
  "حزب الله",
  "جماعة الحوثي",
  "الأمم المتحدة",
  "الجيش الإسرائيلي",
  "قوات الاحتلال",
  "مسؤولين إسرائيليين",
  "المسؤولون",
  "الوزارة",
  "البلدين",
  "الطرفين",
  "نظيره القطري",
  "إيران",
  "مصر وقطر وإسرائيل",
  "المتحدث باسم وزارة الخارجية ماثيو ميلر",
  "ميلر",
  "منظمات الإغاثة",
  "الاتحاد الأوروبي",
  "السلطة الفلسطينية",
  "الشرطة العراقية",
];

const verbs = [
  "التقى",
  "سيلتقي",
  "يلتقي",
  "لم يلتق",
  "أدان",
  "أدانت",
  "تدين",
  "هاجم",
  "هاجمت",
  "شنت هجوما على",
  "قصفت",
  "زار",
  "سيزور",
  "قد يزور",
  "إذا زار",
  "نفى أن",
  "دعا",
  "طالب",
  "هدد",
  "رفض",
  "وقع اتفاقا مع",
  "استقبل",
  "اتهم",
  "انتقد",
  "دعم",
  "أرسل مساعدات إلى",
  "فرضت عقوبات على",
  "تظاهر",
  "بحث مع",
  "اجتماع بين",
  "وقف إطلاق النار بين",
];

const dates = [
  "٧ أكتوبر",
  "يوم الخميس",
  "الخميس",
  "أمس",
  "اليوم",
  "الأسبوع المقبل",
  "الشهر الماضي",
  "في 27 يونيو 2024",
  "٣٠ فبراير",
  "29 فبراير",
  "31 أبريل",
  "منذ 7 أكتوبر",
  "١٥ رمضان ١٤٤٥",
  "عام 2023",
  "0 يناير",
  "99 مارس 99999",
];

const places = ["في غزة", "في القاهرة", "بعمان", "في الدوحة", "قرب رفح", "في بيروت", "شمال القطاع", "بتونس"];

const cues = [
  "قال",
  "وقال",
  "أكد",
  "وأكدت الوزارة أن",
  "بحسب",
  "ووفقا لتصريحات",
  "نقلا عن",
  "مؤكدة أنها",
  "، إن",
  "أن",
];

const titles = [
  "بلينكن سيلتقي بمسؤولين إسرائيليين",
  "وقف إطلاق النار في غزة",
  "إسرائيل تهاجم مخيم جباليا",
  "الأردن يدين الهجوم",
];

const awkward = [
  "\u200F",
  "\u200E",
  "\u202E",
  "\u202C",
  "\u202B",
  "\u2066",
  "\u2069",
  "\u061C",
  "\u200B",
  "\u200C",
  "\u200D",
  "\uFEFF",
  "\u0640\u0640",
  "\u064E\u0651",
  "\u064B",
  "\u0670",
  "ﻻ",
  "ﷲ",
  "ﺍﻟﻘﺪﺱ",
  "\uD83D",
  "\uDE00",
  "😀",
  "۱۲۳",
  "٣٫٥",
  "U.S.",
  "د.",
  "3.5",
  "\u0000",
  "\u0007",
  "&amp;",
  "<b>",
];

const punctuation = ["،", ".", "؟", "!", "…", "«", "»", ":", "؛", "-", "(", ")", '"', "..", "؟!", " . "];

const breaks = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\t", "\u00A0"];

const pick = (list: string[]) => fc.constantFrom(...list);

/** A news sentence assembled from parts, each part possibly missing. */
const sentence = fc
  .tuple(
    fc.option(pick(cues), { freq: 3 }),
    fc.option(pick(actors), { freq: 4 }),
    pick(verbs),
    fc.option(pick(actors), { freq: 5 }),
    fc.option(fc.constantFrom("و", "، و", " مع ", " ضد "), { freq: 2 }),
    fc.option(pick(actors), { freq: 2 }),
    fc.option(pick(dates), { freq: 2 }),
    fc.option(pick(places), { freq: 2 }),
    fc.constantFrom(".", ".", "؟", "!", "…", "", "»."),
  )
  .map(
    ([cue, a, v, b, and, c, d, p, end]) =>
      [cue, a, v, b, and && c ? `${and}${c}` : null, d, p].filter((x) => x !== null).join(" ") + end,
  );

/** A piece of an article: a sentence, a fragment, or random Unicode. */
const piece = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 2, arbitrary: pick([...actors, ...verbs, ...dates, ...places, ...titles]) },
  { weight: 2, arbitrary: pick(awkward) },
  { weight: 2, arbitrary: pick(punctuation) },
  { weight: 3, arbitrary: pick(breaks) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  // a sentence torn at a random place (half words, a clitic without its stem)
  {
    weight: 1,
    arbitrary: fc
      .tuple(sentence, fc.nat(), fc.nat())
      .map(([s, a, b]) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1))),
  },
);

/** Article text: `minPieces` to `maxPieces` pieces joined by spaces, line breaks or nothing. */
export function newsText(minPieces = 0, maxPieces = 30): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(piece, fc.constantFrom(" ", "", " ", "\n")), {
      minLength: minPieces,
      maxLength: maxPieces,
      size: "max",
    })
    .map((parts) => parts.map(([p, sep]) => p + sep).join(""));
}

const published = fc.option(
  fc
    .date({
      min: new Date("1990-01-01T00:00:00Z"),
      max: new Date("2030-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  { freq: 3 },
);

/** A whole article input: text, optional title (possibly a heading line) and publication date. */
export function newsArticle(minPieces = 0, maxPieces = 30): fc.Arbitrary<ArticleInput> {
  return fc
    .record({
      text: newsText(minPieces, maxPieces),
      title: fc.option(fc.oneof(pick(titles), fc.string({ maxLength: 20 })), { freq: 4 }),
      published,
      heading: fc.option(pick(titles), { freq: 3 }),
    })
    .map(({ text, title, published, heading }) => ({
      id: "fuzz",
      text: heading ? `${heading}\n${text}` : text,
      title,
      published,
    }));
}
