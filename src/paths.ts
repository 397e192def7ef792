import { fileURLToPath } from "node:url";

/** The package root (works from src/ under vitest and from dist/ when built). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** The bundled lexicon folder. */
export const LEXICON_DIR = fileURLToPath(new URL("../lexicon/", import.meta.url));
