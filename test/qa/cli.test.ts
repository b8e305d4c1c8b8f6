import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = (script: string, args: string[]) => run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: resolve('.') });
const dir = mkdtempSync(join(tmpdir(), 'doanbot-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Q&A command-line tools', () => {
  it('ask prints a cited answer', async () => {
    const { stdout } = await tsx('scripts/ask.ts', ['--plan', 'flows/ninh-thuan-2013/plan.txt', 'email ban doan ket tinh doan']);
    expect(stdout).toContain('bandoankettinhdoan@gmail.com');
    expect(stdout).toMatch(/— Mục|—/);
  });

  it('ask --explain prints the kind tried, the scope, the candidates with their scores and why the first won, then the answer', async () => {
    const { stdout } = await tsx('scripts/ask.ts', [
      '--explain',
      '--plan',
      'flows/ninh-thuan-2013/plan.txt',
      'huyện đoàn nộp báo cáo 6 tháng hạn chót',
    ]);
    expect(stdout).toMatch(/^kinds: when → general$/mu);
    expect(stdout).toMatch(/^scope: .*sender levels: district/mu);
    expect(stdout).toMatch(/^dates: \d+ candidate\(s\)$/mu);
    expect(stdout).toMatch(/^ {2}1\. \[III\.2\] 10\/6\/2013 .*total \d/mu);
    expect(stdout).toMatch(/^ {2}1 beats 2 by: /mu);
    expect(stdout).toMatch(/"when" answers, confidence/u);
    expect(stdout.trim().split('\n').pop()).toMatch(/10\/6\/2013.*— Mục III\.2$/u);
  });

  it('eval:qa prints one line per question, the N passed, M failed line, and exits 0 when some fail', async () => {
    const plan = resolve('flows/ninh-thuan-2013/plan.txt');
    const file = join(dir, 'set.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ plan, question: 'Email của Ban Đoàn kết Tỉnh Đoàn là gì?', expect: ['bandoankettinhdoan@gmail.com'] }),
        JSON.stringify({ plan, question: 'Email của Ban Đoàn kết Tỉnh Đoàn là gì?', expect: ['không-có-trong-kế-hoạch@example.org'] }),
      ].join('\n'),
    );
    const { stdout } = await tsx('scripts/eval-qa.ts', [file]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^PASS 1\./);
    expect(lines[1]).toMatch(/^FAIL 2\./);
    expect(lines[2]).toBe('1 passed, 1 failed');
  });

  it('plan:inspect prints the structure and facts as JSON', async () => {
    const { stdout } = await tsx('scripts/plan-inspect.ts', ['flows/ninh-thuan-2013/plan.txt']);
    const doc = JSON.parse(stdout) as { sections: unknown[]; facts: { contacts: unknown; dates: unknown[] } };
    expect(JSON.stringify(doc.facts.contacts)).toContain('qttntwd@googlegroups.com');
    expect(doc.sections.length).toBeGreaterThan(2);
    expect(JSON.stringify(doc.facts.dates)).toContain('2013-06-10');
  });
});
