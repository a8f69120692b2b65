/**
 * The browser side of 每日一题 (`<ld-daily>`, DailyQuestion.astro). It picks the entry for
 * today's Beijing date from the JSON island, lets the reader answer once, shows the verdict in
 * words (and an icon) with the explanation, moves focus to the verdict and scrolls it into view,
 * and keeps the answer, the streak and the history in the learning record.
 */
import { isCorrect } from './exam.ts';
import { pickDaily, streak } from './daily-question.ts';
import { beijingDay, beijingNoon, formatDate } from '../dates.ts';
import { dailyHistory, loadProgress, recordDaily, saveProgress, type DailyAnswer } from './progress.ts';
import { browserStore } from '../key-value-store.browser.ts';
import { answerLetters, optionLetter } from './school.ts';
import { el, messages, nodes, readIsland } from '../dom.browser.ts';
import type { DailyEntry } from './daily-entries.content.ts';
import { showResult } from './result-view.browser.ts';

/** Noon in Beijing on a "YYYY-MM-DD" day, for formatting the date. */
const dayDate = beijingNoon;

export class DailyElement extends HTMLElement {
  /** Dictionary lookup, read from data-messages when connected (attributes are all there then). */
  t: ReturnType<typeof messages> = (key) => key;
  list: DailyEntry[] = [];
  today = '';
  entry: DailyEntry | undefined;

  connectedCallback() {
    this.t = messages(this);
    this.list = readIsland<DailyEntry[]>(this, '[data-list]') ?? [];
    const now = new Date();
    this.today = beijingDay(now);
    this.entry = pickDaily(this.list, now);
    if (!this.entry) return;
    this.piece('static').hidden = true;
    const daily = loadProgress(browserStore()).record.daily;
    const answered = Object.hasOwn(daily, this.today) ? daily[this.today] : undefined;
    if (answered) this.showResult(this.entry, answered, false);
    else this.showQuestion(this.entry);
    this.renderProgress();
  }

  piece(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-${name}]`) ?? document.createElement('div');
  }

  header(entry: DailyEntry): Node[] {
    const t = this.t;
    return nodes(
      el('h2', { tabindex: -1 }, t('school.daily.of', { date: formatDate(dayDate(this.today)) })),
      el('p', { class: 'ld-meta' }, t('school.daily.from', { course: entry.course })),
    ) as Node[];
  }

  showQuestion(entry: DailyEntry) {
    const t = this.t;
    const form = el(
      'form',
      { novalidate: true },
      el(
        'fieldset',
        {},
        el('legend', {}, el('span', { class: 'type' }, t(`school.type.${entry.type}`)), entry.question),
        el(
          'ul',
          { class: 'options' },
          ...entry.options.map((option, j) =>
            el(
              'li',
              {},
              el(
                'label',
                {},
                el('input', { type: entry.type === 'multiple' ? 'checkbox' : 'radio', name: 'daily', value: j }),
                el('span', {}, `${optionLetter(j)}. ${option}`),
              ),
            ),
          ),
        ),
      ),
      el('p', { class: 'missing', 'data-missing': true }),
      el('p', {}, el('button', { type: 'submit', class: 'ld-button--primary' }, t('school.daily.submit'))),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const chosen = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value));
      if (chosen.length === 0) {
        const note = form.querySelector<HTMLElement>('[data-missing]');
        if (note) {
          note.textContent = t('school.daily.choose');
          showResult(note);
        }
        this.piece('announce').textContent = t('school.daily.choose');
        return;
      }
      const answer: DailyAnswer = { question: entry.key, chosen, correct: isCorrect(entry, chosen), at: new Date().toISOString() };
      const store = browserStore();
      const record = recordDaily(loadProgress(store).record, this.today, answer);
      const saved = saveProgress(store, record);
      this.showResult(entry, Object.hasOwn(record.daily, this.today) ? (record.daily[this.today] ?? answer) : answer, true, saved);
      this.renderProgress();
    });
    this.piece('live').replaceChildren(...this.header(entry), form);
    this.piece('live').hidden = false;
  }

  showResult(entry: DailyEntry, answer: DailyAnswer, focus: boolean, saved = true) {
    const t = this.t;
    const right = answer.correct;
    const live = this.piece('live');
    const verdictText = t(right ? 'school.daily.right' : 'school.daily.wrong');
    // The verdict comes first, above the question it answers, so it is what lands in view.
    const verdict = el(
      'div',
      { class: 'verdict', 'data-verdict': true },
      el(
        'p',
        { class: right ? 'right' : 'wrong' },
        el('span', { 'aria-hidden': 'true' }, right ? '✓ ' : '✗ '),
        el('span', { 'data-correct': String(right) }, verdictText),
      ),
      el('p', {}, t('school.daily.yourAnswer', { answer: answerLetters(answer.chosen) }), ' ', t('school.answer', { answer: answerLetters(entry.answer) })),
    );
    live.replaceChildren(
      ...nodes(
        ...this.header(entry),
        verdict,
        el('p', { class: 'q' }, el('span', { class: 'type' }, t(`school.type.${entry.type}`)), entry.question),
        el('ul', { class: 'options' }, ...entry.options.map((option, j) => el('li', {}, `${optionLetter(j)}. ${option}`))),
        el('p', { 'data-explanation': true }, t('school.explanation', { text: entry.explanation })),
        el('p', {}, t('school.daily.reread'), el('a', { href: entry.lesson.href }, entry.lesson.title)),
        el('p', { class: 'ld-meta' }, t('school.daily.done')),
        saved ? null : el('p', { class: 'wrong' }, t('school.daily.saveFailed')),
      ),
    );
    live.hidden = false;
    if (focus) {
      this.piece('announce').textContent = verdictText;
      showResult(verdict);
    }
  }

  renderProgress() {
    const t = this.t;
    const record = loadProgress(browserStore()).record;
    const history = dailyHistory(record);
    const { current, longest } = streak(
      history.map((h) => h.day),
      this.today,
    );
    this.piece('streak').textContent = current > 0 || longest > 0 ? t('school.daily.streak', { current, longest }) : t('school.daily.streakNone');
    const byKey = new Map(this.list.map((q) => [q.key, q]));
    this.piece('history').replaceChildren(
      history.length === 0
        ? el('p', {}, t('school.daily.historyEmpty'))
        : el(
            'ol',
            { class: 'history' },
            ...history.slice(0, 30).map((h) =>
              el(
                'li',
                { 'data-day': h.day },
                t('school.daily.historyItem', {
                  date: formatDate(dayDate(h.day)),
                  result: t(h.answer.correct ? 'school.daily.historyRight' : 'school.daily.historyWrong'),
                  question: byKey.get(h.answer.question)?.question ?? t('school.daily.removed'),
                }),
              ),
            ),
          ),
    );
    this.piece('progress').hidden = false;
  }
}

/** Registers `<ld-daily>` once. */
export function defineDaily(): void {
  if (!customElements.get('ld-daily')) customElements.define('ld-daily', DailyElement);
}
