// Takes the editor screenshots of docs/authoring.md (docs/images/editor-*.png) from a fresh build,
// as a trainer on a 1366x768 laptop sees the screens: `npx tsx scripts/editor-screenshots.ts`.
import { readFileSync } from 'node:fs';
import { launchBrowser, serveApp } from '../test/e2e/harness.ts';

const OUT = process.argv[2] ?? 'docs/images';

const app = await serveApp();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript(() => localStorage.setItem('pocsim.language', 'en'));
  const page = await context.newPage();
  await page.goto(`${app.url}#author`);
  const start = page.locator('.ed-start');
  await start.waitFor();
  await page.getByLabel('Handbook situation').selectOption('15.4');
  await page.getByLabel('Scenario id (lower-case letters, digits and hyphens)').fill('night-alert');
  await start.scrollIntoViewIfNeeded();
  await start.screenshot({ path: `${OUT}/editor-start.png` });

  await page.getByRole('button', { name: 'Start a new scenario' }).click();
  await page.getByText('No errors: ready to play.').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Add a step after this one' }).first().click();
  await page.locator('[data-edit-option="right-choice"]').getByLabel('Leads to').selectOption('step');
  const option = page.locator('[data-edit-option="step-a"]');
  await option.getByLabel('Label').fill('Send a patrol to the wells at once');
  await option
    .getByRole('group', { name: "Doctrine followed (Do's)" })
    .getByRole('button', { name: 'Find doctrine…' })
    .click();
  await option.getByLabel('Words or id').fill('night');
  await option.getByLabel('Section').selectOption('');
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    const picker = document.querySelector('.ed-picker')!;
    window.scrollTo(0, picker.getBoundingClientRect().top + window.scrollY - 420);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/editor-steps.png` });

  await page.getByRole('tab', { name: 'French translation' }).click();
  const row = page.locator('.ed-translation-table tr').nth(1);
  await row.locator('textarea').fill('Nouveau scénario : sécuriser les civils près des zones de conflit');
  await page.keyboard.press('Tab');
  await page.getByText('1 of 31 texts translated').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/editor-translation.png` });

  // The preview of a file with an error: the graph still draws, the broken step marked.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Close the editor' }).click();
  const broken = readFileSync('test/fixtures/broken/scenario.yaml', 'utf8');
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({ name: 'scenario.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
  const graph = page.locator('.author-graph');
  await graph.waitFor({ timeout: 20_000 });
  await graph.scrollIntoViewIfNeeded();
  await graph.screenshot({ path: `${OUT}/preview-errors-graph.png` });
  await context.close();
} finally {
  await browser.close();
  await app.close();
}
