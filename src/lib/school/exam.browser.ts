/**
 * The browser side of a course exam (`<ld-exam>`, Exam.astro). It draws a paper from the bank
 * with a seeded shuffle of questions and options (the seed is kept on the paper, so the same
 * paper can be drawn again for a review), runs the optional countdown (announced at one minute
 * left, submitted at zero), scores it against the pass mark, brings the result into view with a
 * review of every answer, and keeps the attempt.
 */
import { drawPaper, formatClock, scorePaper, secondsLeft } from './exam.ts';
import { addAttempt, bestAttempt, loadProgress, saveProgress } from './progress.ts';
import { browserStore } from '../key-value-store.browser.ts';
import { answerLetters, optionLetter } from './school.ts';
import { formatDateTime } from '../dates.ts';
import { el, messages, nodes, readIsland } from '../dom.browser.ts';
import type { QuestionType } from '../schema/enums.ts';
import { showResult } from './result-view.browser.ts';

export interface BankQuestion {
  question: string;
  type: QuestionType;
  options: string[];
  answer: number[];
  explanation: string;
  lesson: { href: string; title: string };
}

/** A fresh seed for an attempt. */
function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? Date.now() >>> 0;
}

export class ExamElement extends HTMLElement {
  /** Dictionary lookup, read from data-messages when connected (attributes are all there then). */
  t: ReturnType<typeof messages> = (key) => key;
  bank: BankQuestion[] = [];
  paper: BankQuestion[] = [];
  timer: number | undefined;
  warned = false;
  confirmMissing = false;

  connectedCallback() {
    this.t = messages(this);
    this.bank = readIsland<BankQuestion[]>(this, '[data-bank]') ?? [];
    this.piece('nojs').hidden = true;
    this.piece('intro').hidden = false;
    this.querySelector('[data-start]')?.addEventListener('click', () => this.start());
    this.renderAttempts();
  }

  piece(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-${name}]`) ?? document.createElement('div');
  }

  start(seed = newSeed()) {
    this.paper = drawPaper(this.bank, Number(this.dataset.draw), seed);
    this.warned = false;
    this.confirmMissing = false;
    const t = this.t;
    const limit = Number(this.dataset.timeLimit ?? 0);
    const clock = el('span', { 'data-clock': true }, formatClock(limit * 60));
    const form = el(
      'form',
      { novalidate: true },
      ...this.paper.map((q, i) =>
        el(
          'fieldset',
          {},
          el('legend', {}, el('span', { class: 'number' }, t('school.quiz.number', { n: i + 1, type: t(`school.type.${q.type}`) })), q.question),
          el(
            'ul',
            { class: 'options' },
            ...q.options.map((option, j) =>
              el(
                'li',
                {},
                el(
                  'label',
                  {},
                  el('input', { type: q.type === 'multiple' ? 'checkbox' : 'radio', name: `exam-q${i}`, value: j }),
                  el('span', {}, `${optionLetter(j)}. ${option}`),
                ),
              ),
            ),
          ),
        ),
      ),
      el('p', { class: 'missing', 'data-missing': true }),
      el('p', {}, el('button', { type: 'submit', class: 'ld-button--primary' }, t('school.exam.submit'))),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.finish(form, false);
    });
    const paper = this.piece('paper');
    paper.dataset.seed = String(seed);
    paper.replaceChildren(
      ...nodes(
        el('h2', { tabindex: -1 }, t('school.exam.heading')),
        limit > 0 ? el('p', { class: 'clock' }, `${t('school.exam.timeLeft')} `, clock) : null,
        form,
      ),
    );
    this.piece('intro').hidden = true;
    this.piece('result').hidden = true;
    paper.hidden = false;
    paper.querySelector<HTMLElement>('h2')?.focus();
    if (limit > 0) {
      const startedAt = Date.now();
      const tick = () => {
        const left = secondsLeft(limit, startedAt, Date.now());
        clock.textContent = formatClock(left);
        if (left <= 60 && !this.warned) {
          this.warned = true;
          this.piece('announce').textContent = t('school.exam.oneMinute');
        }
        if (left === 0) this.finish(form, true);
      };
      this.timer = window.setInterval(tick, 1000);
    }
  }

  finish(form: HTMLFormElement, timeUp: boolean) {
    const t = this.t;
    const responses = [...form.querySelectorAll('fieldset')].map((f) => [...f.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value)));
    const missing = responses.filter((r) => r.length === 0).length;
    if (!timeUp && missing > 0 && !this.confirmMissing) {
      this.confirmMissing = true;
      const note = form.querySelector<HTMLElement>('[data-missing]');
      if (note) {
        note.textContent = t('school.exam.unanswered', { count: missing });
        showResult(note);
      }
      this.piece('announce').textContent = t('school.exam.unanswered', { count: missing });
      return;
    }
    window.clearInterval(this.timer);
    const score = scorePaper(this.paper, responses, Number(this.dataset.passMark));
    const course = this.dataset.course ?? '';
    const store = browserStore();
    saveProgress(
      store,
      addAttempt(loadProgress(store).record, course, {
        at: new Date().toISOString(),
        correct: score.correct,
        total: score.total,
        percent: score.percent,
        passed: score.passed,
      }),
    );
    const retake = el('button', { type: 'button' }, t('school.exam.retake'));
    retake.addEventListener('click', () => this.start());
    const verdict = t(score.passed ? 'school.exam.passed' : 'school.exam.failed');
    const result = this.piece('result');
    const summary = el(
      'div',
      { class: 'summary', 'data-summary': true },
      el('h2', {}, t('school.exam.result')),
      timeUp ? el('p', {}, t('school.exam.timeUp')) : null,
      el('p', { class: 'score', 'data-score': score.percent }, t('school.exam.score', { percent: score.percent, correct: score.correct, total: score.total })),
      el(
        'p',
        { class: score.passed ? 'passed' : 'failed', 'data-passed': String(score.passed) },
        el('span', { 'aria-hidden': 'true' }, score.passed ? '✓ ' : '✗ '),
        verdict,
      ),
    );
    result.replaceChildren(
      ...nodes(
        summary,
        el('p', {}, retake),
        el('h3', {}, t('school.exam.review')),
        el(
          'ol',
          { class: 'review' },
          ...this.paper.map((q, i) => {
            const chosen = responses[i] ?? [];
            const right = score.results[i];
            return el(
              'li',
              { 'data-result': right ? 'right' : 'wrong' },
              el('p', { class: 'q' }, q.question),
              el(
                'p',
                {},
                t('school.exam.yourAnswer', { answer: chosen.length ? answerLetters(chosen) : t('school.exam.noAnswer') }),
                '（',
                el('span', { 'aria-hidden': 'true' }, right ? '✓ ' : '✗ '),
                t(right ? 'school.exam.right' : 'school.exam.wrong'),
                '）',
              ),
              el('p', {}, t('school.answer', { answer: answerLetters(q.answer) })),
              el('p', {}, t('school.explanation', { text: q.explanation })),
              right ? null : el('p', { 'data-reread': true }, t('school.exam.reread'), el('a', { href: q.lesson.href }, q.lesson.title)),
            );
          }),
        ),
      ),
    );
    this.piece('paper').hidden = true;
    this.piece('paper').replaceChildren();
    result.hidden = false;
    this.piece('announce').textContent = `${t('school.exam.score', { percent: score.percent, correct: score.correct, total: score.total })}${verdict}`;
    showResult(summary);
    this.renderAttempts();
  }

  renderAttempts() {
    const t = this.t;
    const exams = loadProgress(browserStore()).record.exams;
    const course = this.dataset.course ?? '';
    const attempts = Object.hasOwn(exams, course) ? (exams[course] ?? []) : [];
    const best = bestAttempt(attempts);
    this.piece('attempts').hidden = false;
    this.piece('attempt-list').replaceChildren(
      ...nodes(
        best ? el('p', { 'data-best': best.percent }, t('school.exam.best', { percent: best.percent })) : el('p', {}, t('school.exam.noAttempts')),
        attempts.length
          ? el(
              'ol',
              { reversed: true },
              ...[...attempts].reverse().map((a) =>
                el(
                  'li',
                  {},
                  t('school.exam.attempt', {
                    date: formatDateTime(new Date(a.at)),
                    percent: a.percent,
                    status: t(a.passed ? 'school.exam.pass' : 'school.exam.fail'),
                  }),
                ),
              ),
            )
          : null,
      ),
    );
  }
}

/** Registers `<ld-exam>` once. */
export function defineExam(): void {
  if (!customElements.get('ld-exam')) customElements.define('ld-exam', ExamElement);
}
