import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

describe('pocsim doctrine', () => {
  it('prints id, section, kind, severity and summary of each match, then a count', () => {
    const r = runCli(['doctrine', '--section', '15.4', '--kind', 'dont']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("15.4-dont-1 · §15.4 · Don't · critical\n    ");
    expect(r.stdout.trim().split('\n').at(-1)).toBe('4 entries');
  });

  it('speaks French with --lang fr', () => {
    const r = runCli(['doctrine', 'nuit', '--section', '15.1', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/15\.1-dont-\d · §15\.1 · À ne pas faire · /);
    expect(r.stdout).toMatch(/\d+ entrée/);
  });

  it('exits 1 when nothing matches and 2 on an unknown section, suggesting a near one', () => {
    expect(runCli(['doctrine', 'zebra']).code).toBe(1);
    const r = runCli(['doctrine', '--section', '15.9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(did you mean "15.1"?)');
    expect(r.stderr).toContain('Sections: 8.2,');
  });

  it('gives JSON for tools', () => {
    const r = runCli(['doctrine', '15.6-do-1', '--format', 'json']);
    const entries = JSON.parse(r.stdout) as { id: string; summary: string }[];
    expect(entries[0]?.id).toBe('15.6-do-1');
    expect(typeof entries[0]?.summary).toBe('string');
  });
});
