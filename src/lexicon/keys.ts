import { normalize } from "../lang/ar/normalize.js";

/**
 * Match keys: the normalised word without its article, so that an entry
 * written "الولايات المتحدة" matches "للولايات المتحدة" and "ولايات" alike.
 */
const KEEP = new Set(
  ["الله", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "الا", "الي", "الان"].map(
    normalize,
  ),
);

export function matchKey(norm: string): string {
  if (norm.length >= 4 && norm.startsWith("ال") && !KEEP.has(norm)) return norm.slice(2);
  return norm;
}

/** Keys of a lexicon surface form: one per word. */
export function formKeys(form: string): string[] {
  return normalize(form)
    .split(/[\s\u00A0]+/)
    .filter(Boolean)
    .map(matchKey);
}

/**
 * The inflections of a nationality adjective: أمريكي → أمريكية، أمريكيون،
 * أمريكيين، أمريكيات، أمريكيان، أمريكيتان؛ each word of a two-word adjective
 * (كوري جنوبي → كورية جنوبية) inflects together.
 */
export function adjectiveForms(base: string): string[] {
  const words = base.split(/\s+/).filter(Boolean);
  if (!words.every((w) => /[يى]$/.test(w))) return [base];
  // masculine, feminine, plurals, duals, and the accusative singular (سعوديا)
  const endings = ["", "ة", "ون", "ين", "ات", "ان", "تان", "تين", "ا"];
  return endings.map((e) => words.map((w) => w + e).join(" "));
}
