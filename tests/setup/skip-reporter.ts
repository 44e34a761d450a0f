// Prints, after a run, one line per suite or test skipped for want of the shared data or a service (their
// names carry the reason; see tests/requirements.ts), so a clone that stands alone says what it left out.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export const SKIP_MARK = '— skipped:';

export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const m of modules) {
      const file = relative(process.cwd(), m.moduleId);
      const seen = new Set<string>();
      for (const entity of [...m.children.allSuites(), ...m.children.allTests()]) {
        if (!entity.name.includes(SKIP_MARK)) continue;
        // A suite skipped for a reason skips its children with the same words: name it once.
        const parent = entity.parent.type === 'suite' && entity.parent.name.includes(SKIP_MARK);
        if (parent || seen.has(entity.name)) continue;
        seen.add(entity.name);
        lines.push(`  ${file} › ${entity.name}`);
      }
    }
    if (lines.length) console.log(`\nwhosaid: ${lines.length} suites skipped here (they run in CI):\n${lines.join('\n')}\n`);
  }
}
