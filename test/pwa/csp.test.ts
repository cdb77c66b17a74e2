import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, originsFrom } from '../../src/pwa/csp.ts';
import { cspMeta } from '../../src/pwa/vite-plugins.ts';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe('the Content-Security-Policy', () => {
  it('allows scripts, styles and requests from the app itself only, and no eval', () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, 'default-src')).toBe("'self'");
    expect(directive(policy, 'script-src')).toBe("'self'");
    expect(directive(policy, 'style-src')).toBe("'self'");
    expect(directive(policy, 'connect-src')).toBe("'self'");
    expect(directive(policy, 'object-src')).toBe("'none'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it('lets an LMS build add its LRS origin, and refuses anything that is not an https origin', () => {
    const policy = contentSecurityPolicy({ connect: originsFrom('https://lrs.example.org/xapi/ ') });
    expect(directive(policy, 'connect-src')).toBe("'self' https://lrs.example.org");
    expect(() => originsFrom('http://lrs.example.org')).toThrow(/must use https/);
    expect(() => originsFrom("'unsafe-inline'")).toThrow(/is not a URL/);
    expect(originsFrom(undefined)).toEqual([]);
  });

  it('goes into the built page right after the charset', () => {
    const plugin = cspMeta();
    const hook = plugin.transformIndexHtml as { handler: (html: string) => string };
    const html = hook.handler('<head>\n    <meta charset="UTF-8" />\n    <title>x</title>');
    expect(html).toBe(
      `<head>\n    <meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />\n    <title>x</title>`,
    );
    expect(() => hook.handler('<head></head>')).toThrow(/meta charset/);
  });
});
