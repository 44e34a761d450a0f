// Prints, after a run, the suites and tests skipped for want of the shared data or a service, under
// the reason (which their names carry; see tests/requirements.ts), so a clone that stands alone says
// what it left out and why.
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export const SKIP_MARK = '— skipped:';

export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, string[]>();
    let count = 0;
    for (const m of modules) {
      const file = relative(process.cwd(), m.moduleId);
      for (const entity of [...m.children.allSuites(), ...m.children.allTests()]) {
        const at = entity.name.indexOf(SKIP_MARK);
        // A suite skipped for a reason skips its children under the same words: name it once.
        if (at < 0 || (entity.parent.type === 'suite' && entity.parent.name.includes(SKIP_MARK))) continue;
        const reason = entity.name.slice(at + SKIP_MARK.length).trim();
        const name = entity.fullName.replace(` ${SKIP_MARK} ${reason}`, '');
        byReason.set(reason, [...(byReason.get(reason) ?? []), `    ${file} › ${name}`]);
        count++;
      }
    }
    if (!count) return;
    const out = [`\nwhosaid: ${count} suites or tests skipped here (in CI they run):`];
    for (const [reason, lines] of byReason) out.push(`  ${reason}:`, ...lines);
    console.log(`${out.join('\n')}\n`);
  }
}
