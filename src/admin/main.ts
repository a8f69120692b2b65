/**
 * Glue between Decap (loaded before this module as window.CMS) and the site: safe upload names,
 * pruning of emptied fields before a save, and preview templates styled with the site's CSS.
 */
import { dropEmpty, safeUploadName } from '../lib/schema/cms-naming.ts';
import { isAcceptedUploadName } from '../lib/uploads.ts';
import { t } from '../i18n/t.ts';
import { registerPreviews, type DecapGlobals } from './previews.ts';

interface ImmutableLike {
  toJS(): unknown;
  deleteIn(path: (string | number)[]): ImmutableLike;
}
interface DecapCms {
  registerPreviewStyle(href: string): void;
  registerPreviewTemplate(name: string, component: unknown): void;
  registerEventListener(listener: { name: string; handler: (arg: { entry: { get(key: 'data'): ImmutableLike } }) => unknown }): void;
}

const w = window as unknown as { CMS?: DecapCms } & DecapGlobals;

/**
 * Renames chosen files before Decap reads them (capture phase, ahead of React's listener):
 * Decap would turn a Chinese name into ".jpg", and a second upload of that name would replace
 * the first.
 */
window.addEventListener(
  'change',
  (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.files?.length) return;
    const now = new Date();
    const renamed = new DataTransfer();
    const refused: string[] = [];
    for (const file of input.files) {
      // Decap's config cannot limit upload types (its image widget even offers SVG), so files
      // the build would refuse are dropped here, before they reach the repository.
      if (!isAcceptedUploadName(file.name)) {
        refused.push(file.name);
        continue;
      }
      renamed.items.add(new File([file], safeUploadName(file.name, now), { type: file.type, lastModified: file.lastModified }));
    }
    input.files = renamed.files;
    if (refused.length) window.alert(t('cms.upload.refused', { names: refused.join('”“') }));
    if (!renamed.files.length) event.stopImmediatePropagation();
  },
  true,
);

const cms = w.CMS;
if (cms) {
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => dropEmpty(entry.get('data')),
  });
  cms.registerPreviewStyle('/admin/preview.css');
  registerPreviews(cms, w);
}
