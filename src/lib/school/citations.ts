/**
 * A chief editor checks every party rule a lesson states against its source, so a paragraph
 * that cites an article (第二十五条) must also name the document it is from (《…》): "第二十五条"
 * alone cannot be checked. Paragraphs are blocks of text separated by blank lines.
 */

/** An article reference: 第 + a Chinese or Arabic number + 条. */
const ARTICLE = /第[一二三四五六七八九十百零〇两\d]+条/u;
/** A document title in book-title marks. */
const DOCUMENT = /《[^《》\n]+》/u;

/** A paragraph that cites an article without naming its document. */
export interface UncitedArticle {
  /** 1-based line of the paragraph's first line within the text given. */
  line: number;
  /** The article reference found, e.g. 第二十五条. */
  article: string;
}

/** Paragraphs of a Markdown body that mention 第…条 but name no 《document》. */
export function uncitedArticles(body: string): UncitedArticle[] {
  const found: UncitedArticle[] = [];
  const lines = body.split(/\r?\n/);
  let start = 0;
  let paragraph: string[] = [];
  const flush = () => {
    const text = paragraph.join('\n');
    const article = ARTICLE.exec(text);
    if (article && !DOCUMENT.test(text)) found.push({ line: start + 1, article: article[0] });
    paragraph = [];
  };
  lines.forEach((line, i) => {
    if (line.trim() === '' || /^#{1,6}\s/.test(line)) {
      if (paragraph.length) flush();
      if (line.trim() !== '') {
        start = i;
        paragraph = [line];
        flush();
      }
      return;
    }
    if (paragraph.length === 0) start = i;
    paragraph.push(line);
  });
  if (paragraph.length) flush();
  return found;
}

/** The validator's findings for one lesson body: one line per paragraph, naming its line. */
export function citationProblems(file: string, body: string): { file: string; field: string; message: string }[] {
  return uncitedArticles(body).map((u) => ({
    file,
    field: '',
    message: `正文第 ${u.line} 行起的段落提到“${u.article}”，但没有写明出自哪个文件：请在同一段写上文件全称（如《中国共产党党员教育管理工作条例》（2019年）${u.article}），便于核对`,
  }));
}
