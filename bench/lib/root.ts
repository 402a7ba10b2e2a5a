import { resolve } from "node:path";

/** The repository root (of this checkout). */
export const ROOT = resolve(import.meta.dirname, "..", "..");
