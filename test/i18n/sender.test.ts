import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { senderForms } from '../../src/i18n/sender.ts';

describe('the sender of a message in a header', () => {
  it.each([
    ['le surintendant Haddad', 'du surintendant Haddad', 'Le surintendant Haddad'],
    [
      'l’officier des opérations de la base',
      'de l’officier des opérations de la base',
      'L’officier des opérations de la base',
    ],
    ['la salle des opérations', 'de la salle des opérations', 'La salle des opérations'],
    ['les anciens du village', 'des anciens du village', 'Les anciens du village'],
    [
      'Idris Farah, gestionnaire du site',
      'd’Idris Farah, gestionnaire du site',
      'Idris Farah, gestionnaire du site',
    ],
    ['Blaise, assistant de liaison', 'de Blaise, assistant de liaison', 'Blaise, assistant de liaison'],
  ])('writes "%s" after "de" as "%s"', (sender, fromOf, from) => {
    expect(senderForms('fr', 'fr', sender)).toEqual({ from, fromOf });
  });

  it('leaves English senders as written', () => {
    expect(senderForms('fr', 'en', 'UNPOL team leader').fromOf).toBe('de UNPOL team leader');
    expect(senderForms('en', 'en', 'UNPOL team leader')).toEqual({
      from: 'UNPOL team leader',
      fromOf: 'UNPOL team leader',
    });
  });

  it('finds no French sender that starts with a capitalised title instead of its article', () => {
    // why: "Radio de Surintendant Haddad" was the bug; a title must come with le/la/l’ in fr.yaml.
    const titles =
      /^(Chef|Commandant|Officier|Surintendant|Lieutenant|Capitaine|Commissaire|Inspectrice|Salle|Poste|Sentinelle|Centre|Bureau|Police|Comité|Commission)\b/;
    const bad: string[] = [];
    const files = readdirSync('scenarios')
      .map((d) => `scenarios/${d}/fr.yaml`)
      .filter((f) => existsSync(f));
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/^ {2}injects\.([\w-]+)\.from: "?([^"\n]+)/gm)) {
        if (titles.test(m[2]!)) bad.push(`${file}: ${m[1]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
