/**
 * Splits text for speech synthesis. Browsers cut off long utterances (Chromium stops after
 * about 15 seconds), so the text is spoken as a queue of sentence-sized chunks.
 */
export function speakableChunks(text: string, maxLength = 120): string[] {
  const sentences = text
    .replace(/[ \t\u3000]+/g, ' ')
    .split(/(?<=[。！？；!?;])\s*|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const chunks: string[] = [];
  for (const sentence of sentences) {
    for (let i = 0; i < sentence.length; i += maxLength) chunks.push(sentence.slice(i, i + maxLength));
  }
  return chunks;
}
