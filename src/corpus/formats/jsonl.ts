import { type RawDocument, toBlocks } from './types.js';

export interface JsonlResult {
  documents: RawDocument[];
  /** One message per line that could not be used; the other lines still load. */
  problems: string[];
}

/** One article a line: `{"title", "text", "id"?, "url"?, "date"?, "source"?}`. */
export function parseJsonl(text: string): JsonlResult {
  const documents: RawDocument[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`line ${i + 1}: not an object`);
      return;
    }
    const v = value as Record<string, unknown>;
    if (typeof v.text !== 'string' || !v.text.trim()) {
      problems.push(`line ${i + 1}: no "text"`);
      return;
    }
    let id = str(v.id) ?? String(i + 1);
    id = id.replace(/[\\/]+/g, '-');
    if (seen.has(id)) {
      problems.push(`line ${i + 1}: duplicate id "${id}"`);
      return;
    }
    seen.add(id);
    documents.push({
      id,
      title: str(v.title) ?? `${v.text.trim().slice(0, 80)}`,
      blocks: toBlocks(v.text),
      url: str(v.url),
      date: str(v.date),
      source: str(v.source),
      byline: str(v.author) ?? str(v.byline),
    });
  });
  return { documents, problems };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}
