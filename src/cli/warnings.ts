// Corpus warnings for a terminal: one line per file, however many problems it had, saying whether the
// file was skipped or loaded despite them (a JSONL file with one broken line still loads its others).
import type { CorpusWarning } from '../corpus/index.js';
import type { Article } from '../types.js';

export function warningLines(warnings: CorpusWarning[], articles: Array<Pick<Article, 'file'>>): string[] {
  const byFile = new Map<string, string[]>();
  for (const w of warnings) {
    const reasons = byFile.get(w.file);
    if (reasons) reasons.push(w.reason);
    else byFile.set(w.file, [w.reason]);
  }
  const loaded = new Set(articles.map((a) => a.file));
  return [...byFile].map(
    ([file, reasons]) => `whosaid: ${loaded.has(file) ? 'loaded' : 'skipped'} ${file}: ${reasons.join('; ')}`,
  );
}

/** Collects warnings while the corpus loads, to print them grouped once the articles are known. */
export function warningCollector(): {
  onWarning: (w: CorpusWarning) => void;
  lines: (articles: Array<Pick<Article, 'file'>>) => string[];
} {
  const warnings: CorpusWarning[] = [];
  return { onWarning: (w) => warnings.push(w), lines: (articles) => warningLines(warnings, articles) };
}
