/** Bilingual labels (Arabic / English) for codes shown in the UI. */

export const QUADS: Record<string, { ar: string; en: string }> = {
  "1": { ar: "تعاون لفظي", en: "Verbal cooperation" },
  "2": { ar: "تعاون مادي", en: "Material cooperation" },
  "3": { ar: "صراع لفظي", en: "Verbal conflict" },
  "4": { ar: "صراع مادي", en: "Material conflict" },
};

export const PLOVER: Record<string, string> = {
  AGREE: "اتفاق",
  CONSULT: "تشاور",
  SUPPORT: "دعم",
  CONCEDE: "تنازل",
  COOPERATE: "تعاون",
  AID: "مساعدة",
  RETREAT: "انسحاب",
  REQUEST: "طلب",
  ACCUSE: "اتهام",
  REJECT: "رفض",
  THREATEN: "تهديد",
  PROTEST: "احتجاج",
  SANCTION: "عقوبات",
  MOBILIZE: "تعبئة",
  COERCE: "إكراه",
  ASSAULT: "اعتداء",
};

export const MODALITIES: Record<string, { ar: string; en: string }> = {
  asserted: { ar: "مؤكَّد", en: "asserted" },
  future: { ar: "مستقبلي", en: "future" },
  negated: { ar: "منفي", en: "negated" },
  hypothetical: { ar: "افتراضي", en: "hypothetical" },
};

export const TOPICS: Record<string, string> = {
  border: "الحدود",
  ceasefire: "وقف إطلاق النار",
  diplomacy: "الدبلوماسية",
  economy: "الاقتصاد",
  elections: "الانتخابات",
  escalation: "التصعيد",
  hostages: "الرهائن",
  human_rights: "حقوق الإنسان",
  humanitarian_aid: "المساعدات الإنسانية",
  nuclear: "النووي",
  protest: "الاحتجاج",
  reconstruction: "إعادة الإعمار",
  refugees: "اللاجئون",
  sanctions: "العقوبات",
  security: "الأمن",
  terrorism: "الإرهاب",
  war: "الحرب",
};

export const CAMEO_ROOTS: Record<string, { ar: string; en: string }> = {
  "01": { ar: "تصريح علني", en: "Make public statement" },
  "02": { ar: "مناشدة", en: "Appeal" },
  "03": { ar: "نية التعاون", en: "Express intent to cooperate" },
  "04": { ar: "تشاور", en: "Consult" },
  "05": { ar: "تعاون دبلوماسي", en: "Engage in diplomatic cooperation" },
  "06": { ar: "تعاون مادي", en: "Engage in material cooperation" },
  "07": { ar: "تقديم مساعدة", en: "Provide aid" },
  "08": { ar: "تنازل", en: "Yield" },
  "09": { ar: "تحقيق", en: "Investigate" },
  "10": { ar: "مطالبة", en: "Demand" },
  "11": { ar: "استنكار", en: "Disapprove" },
  "12": { ar: "رفض", en: "Reject" },
  "13": { ar: "تهديد", en: "Threaten" },
  "14": { ar: "احتجاج", en: "Protest" },
  "15": { ar: "استعراض القوة", en: "Exhibit force posture" },
  "16": { ar: "تقليص العلاقات", en: "Reduce relations" },
  "17": { ar: "إكراه", en: "Coerce" },
  "18": { ar: "اعتداء", en: "Assault" },
  "19": { ar: "قتال", en: "Fight" },
  "20": { ar: "عنف جماعي غير تقليدي", en: "Use unconventional mass violence" },
};

/** Quad class of a CAMEO code from its root (01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4). */
export function quadOfCameo(cameo: string): number | null {
  const root = Number.parseInt(cameo.slice(0, 2), 10);
  if (!Number.isFinite(root) || root < 1 || root > 20) return null;
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

export const ENTITY_TYPES: Record<string, { ar: string; en: string }> = {
  PER: { ar: "شخص", en: "Person" },
  ORG: { ar: "منظمة", en: "Organisation" },
  GPE: { ar: "كيان سياسي", en: "Geo-political entity" },
  LOC: { ar: "مكان", en: "Location" },
  NORP: { ar: "جنسية / جماعة", en: "Nationality / group" },
  DATE: { ar: "تاريخ", en: "Date" },
};
