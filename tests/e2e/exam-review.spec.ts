import { expect, test } from './helpers.ts';

interface BankQuestion {
  question: string;
  type: 'single' | 'multiple' | 'truefalse';
  options: string[];
  answer: number[];
  lesson: { href: string; title: string };
}

test('after an exam each wrong answer links to the lesson that teaches it, and right ones do not', async ({ page }) => {
  await page.goto('/school/jiben-changshi/exam/');
  const bank = JSON.parse((await page.locator('ld-exam script[data-bank]').textContent()) ?? '[]') as BankQuestion[];
  await page.getByRole('button', { name: '开始考试' }).click();
  const fieldsets = page.locator('ld-exam form fieldset');
  const count = await fieldsets.count();
  const wrongOnes: BankQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const f = fieldsets.nth(i);
    const legend = (await f.locator('legend').textContent()) ?? '';
    const q = bank.find((b) => legend.includes(b.question))!;
    // Answer the even-numbered ones wrongly, the others rightly; options are shuffled, so pick by text.
    const pick = (j: number) =>
      f
        .locator('label')
        .filter({ hasText: new RegExp(`^[A-Z]\\. ${q.options[j]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
        .locator('input')
        .check();
    if (i % 2 === 0) {
      const wrong = q.options.findIndex((_, j) => !q.answer.includes(j));
      await pick(wrong >= 0 ? wrong : q.answer[0]!);
      wrongOnes.push(q);
    } else {
      for (const a of q.answer) await pick(a);
    }
  }
  await page.getByRole('button', { name: '交卷' }).click();
  const wrongItems = page.locator('.review > li[data-result="wrong"]');
  await expect(wrongItems).toHaveCount(wrongOnes.length);
  await expect(page.locator('.review > li[data-result="right"] [data-reread]')).toHaveCount(0);
  for (const [i, q] of wrongOnes.entries()) {
    const link = wrongItems.nth(i).locator('[data-reread] a');
    await expect(link).toHaveText(q.lesson.title);
    await expect(link).toHaveAttribute('href', q.lesson.href);
    expect(q.lesson.href).toMatch(/^\/school\/jiben-changshi\/changshi-0\d-[a-z-]+\/$/);
  }
  await wrongItems.first().locator('[data-reread] a').click();
  await expect(page.locator('h1')).toHaveText(wrongOnes[0]!.lesson.title);
});
