/**
 * The browser side of a lesson's self-check quiz (`<ld-quiz>`, Quiz.astro). The learner submits,
 * sees right/wrong per question in words as well as colour, and the score and explanations in a
 * live region that receives focus, so the result is on screen wherever the 提交 button was.
 * Questions keep their order: a self-check is not an exam.
 */
import { isCorrect } from './exam.ts';
import { loadProgress, recordQuiz, saveProgress, settleLesson } from './progress.ts';
import { browserStore } from '../key-value-store.browser.ts';
import { answerLetters } from './school.ts';
import { PROGRESS_EVENT, el, messages } from '../dom.browser.ts';
import { showResult } from './result-view.browser.ts';

/** Parses a JSON array attribute, or an empty list when it is missing or broken. */
function jsonList<T>(text: string | undefined): T[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export class QuizElement extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    const feedback = this.querySelector<HTMLElement>('[data-feedback]');
    if (!form || !feedback) return;
    for (const d of this.querySelectorAll<HTMLElement>('[data-fallback]')) d.hidden = true;
    const actions = this.querySelector<HTMLElement>('[data-actions]');
    if (actions) actions.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check(form, feedback);
    });
    form.addEventListener('reset', () => {
      feedback.replaceChildren();
      for (const f of form.querySelectorAll('fieldset')) {
        f.removeAttribute('data-result');
        f.querySelector('[data-mark]')?.remove();
      }
    });
  }

  check(form: HTMLFormElement, feedback: HTMLElement) {
    const t = messages(this);
    const answers = jsonList<number[]>(this.dataset.answers);
    const explanations = jsonList<string>(this.dataset.explanations);
    const fieldsets = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')];
    const chosen = fieldsets.map((f) => [...f.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value)));
    const missing = chosen.filter((c) => c.length === 0).length;
    if (missing > 0) {
      const note = el('p', { class: 'summary' }, t('school.quiz.incomplete', { count: missing }));
      feedback.replaceChildren(note);
      showResult(note);
      return;
    }
    const results = answers.map((answer, i) => {
      const type = fieldsets[i]?.querySelector('input')?.type === 'checkbox' ? 'multiple' : 'single';
      return isCorrect({ type, answer }, chosen[i] ?? []);
    });
    const correct = results.filter(Boolean).length;
    fieldsets.forEach((f, i) => {
      const right = results[i] === true;
      f.setAttribute('data-result', right ? 'right' : 'wrong');
      f.querySelector('[data-mark]')?.remove();
      // Said in words beside the question, not by the border colour alone.
      f.append(el('p', { class: 'mark', 'data-mark': right ? 'right' : 'wrong' }, t(right ? 'school.quiz.markRight' : 'school.quiz.markWrong')));
    });
    const summary = el('p', { class: 'summary' }, t('school.quiz.answered', { correct, total: answers.length }));
    feedback.replaceChildren(
      summary,
      el(
        'ol',
        { class: 'results' },
        ...answers.map((answer, i) =>
          el(
            'li',
            { 'data-result': results[i] ? 'right' : 'wrong' },
            t(results[i] ? 'school.quiz.right' : 'school.quiz.wrong', { n: i + 1 }),
            ' ',
            t('school.answer', { answer: answerLetters(answer) }),
            ' ',
            t('school.explanation', { text: explanations[i] ?? '' }),
          ),
        ),
      ),
    );
    showResult(summary);
    const lesson = this.dataset.lesson ?? '';
    const course = this.dataset.course ?? '';
    const store = browserStore();
    const now = new Date();
    saveProgress(store, settleLesson(recordQuiz(loadProgress(store).record, lesson, course, correct, answers.length, now), lesson, course, true, now));
    document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  }
}

/** Registers `<ld-quiz>` once. */
export function defineQuiz(): void {
  if (!customElements.get('ld-quiz')) customElements.define('ld-quiz', QuizElement);
}
