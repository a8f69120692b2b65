import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { cmsConfig, collectionFields } from '../../src/lib/schema/cms.ts';
import { backendFromEnv, cmsWarnings, localBackendUrl, type CmsEnv } from '../../src/lib/schema/cms-backend.ts';
import { cmsCsp } from '../../src/lib/schema/cms-csp.ts';
import { maxLengthPattern, schemaNode, toField, type CmsField } from '../../src/lib/schema/cms-fields.ts';
import { t } from '../../src/i18n/t.ts';
import { COLLECTIONS, NEWS_CATEGORIES, STATION_SERVICES, TOPIC_SECTIONS } from '../../src/lib/schema/enums.ts';

const config = cmsConfig({ contentRoot: 'content', siteUrl: 'https://example.test/' });
const collections = config.collections as CmsField[];
const field = (fields: CmsField[], name: string) => fields.find((f) => f.name === name)!;

describe('the Decap configuration is generated from the schemas', () => {
  it('has one collection per content collection, in Chinese', () => {
    expect(collections.map((c) => c.name)).toEqual([...COLLECTIONS]);
    for (const c of collections) expect(String(c.label)).toMatch(/\p{Script=Han}/u);
  });

  it('labels every field in Chinese', () => {
    const walk = (fields: CmsField[]): void => {
      for (const f of fields) {
        expect(String(f.label), String(f.name)).toMatch(/\p{Script=Han}/u);
        if (Array.isArray(f.fields)) walk(f.fields as CmsField[]);
      }
    };
    for (const name of COLLECTIONS) walk(collectionFields(name));
  });

  it('turns enums into selects with the same options', () => {
    expect(field(collectionFields('news'), 'category')).toMatchObject({ widget: 'select', options: [...NEWS_CATEGORIES] });
    expect(field(collectionFields('stations'), 'services')).toMatchObject({ widget: 'select', multiple: true, options: [...STATION_SERVICES] });
  });

  it('turns references into relation widgets and marks optional ones', () => {
    expect(field(collectionFields('news'), 'station')).toMatchObject({ widget: 'relation', collection: 'stations', required: false });
    expect(field(collectionFields('diary'), 'station')).toMatchObject({ widget: 'relation', collection: 'stations', required: true });
    expect(field(collectionFields('lessons'), 'course')).toMatchObject({ widget: 'relation', collection: 'courses' });
  });

  it('gives datetimes a default of now and a Beijing-time format the schema reads', () => {
    expect(field(collectionFields('news'), 'published')).toMatchObject({ widget: 'datetime', default: '{{now}}', format: 'YYYY-MM-DD HH:mm' });
    expect(field(collectionFields('diary'), 'date')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
  });

  it('edits quiz questions as a list of objects', () => {
    const quiz = field(collectionFields('lessons'), 'quiz');
    expect(quiz.widget).toBe('list');
    expect((quiz.fields as CmsField[]).map((f) => f.name)).toEqual(['question', 'type', 'options', 'answer', 'explanation']);
  });

  it('survives the YAML that /admin/config.yml serves, unchanged', () => {
    // toStrictEqual: a value YAML cannot carry (undefined, a function, a class instance) fails here.
    const served = yaml.load(yaml.dump(config, { lineWidth: -1, noRefs: true }));
    expect(served).toStrictEqual(config);
  });

  it('uses the editorial workflow and the Chinese interface', () => {
    expect(config).toMatchObject({ publish_mode: 'editorial_workflow', locale: 'zh_Hans', local_backend: { url: 'http://localhost:8081/api/v1' } });
  });

  it('points the local backend at CMS_LOCAL_PORT and refuses a bad port', () => {
    expect(cmsConfig({ contentRoot: 'content', siteUrl: '', env: { CMS_LOCAL_PORT: '8091' } }).local_backend).toEqual({ url: 'http://localhost:8091/api/v1' });
    expect(() => localBackendUrl({ CMS_LOCAL_PORT: 'x' })).toThrow(/port/);
  });

  it('picks a station by any of its buildings and shows the building name', () => {
    expect(field(collectionFields('activities'), 'station')).toMatchObject({
      value_field: '{{slug}}',
      search_fields: ['buildings.*.name', 'contact.address'],
      display_fields: ['buildings.*.name'],
    });
  });

  it('edits question options as strings and answers as whole numbers, one input each', () => {
    const quiz = field(collectionFields('lessons'), 'quiz').fields as CmsField[];
    expect(field(quiz, 'options')).toMatchObject({ widget: 'list', field: { widget: 'string' }, min: 2 });
    expect(field(quiz, 'answer')).toMatchObject({ widget: 'list', field: { widget: 'number', value_type: 'int' }, min: 1 });
    expect(field(quiz, 'type').options).toEqual([
      { label: '单选题', value: 'single' },
      { label: '多选题', value: 'multiple' },
      { label: '判断题', value: 'truefalse' },
    ]);
  });

  it('makes a field with a schema default optional and carries the default', () => {
    expect(field(collectionFields('news'), 'draft')).toMatchObject({ widget: 'boolean', required: false, default: false });
    expect(field(collectionFields('news'), 'tags')).toMatchObject({ widget: 'list', required: false, default: [] });
    expect(field(collectionFields('streets'), 'order')).toMatchObject({ widget: 'number', required: false, default: 0 });
    expect(field(collectionFields('news'), 'title')).toMatchObject({ required: true });
  });

  it('edits nested objects field by field; an optional object has optional parts', () => {
    const staff = field(collectionFields('stations'), 'staff');
    expect(staff).toMatchObject({ widget: 'object', required: true });
    expect(field(staff.fields as CmsField[], 'fullTime')).toMatchObject({ widget: 'number', value_type: 'int', required: true });
    const video = field(collectionFields('lessons'), 'video');
    expect(video).toMatchObject({ widget: 'object', required: false });
    expect((video.fields as CmsField[]).every((f) => f.required === false)).toBe(true);
  });

  it('summarises list items by their first text field', () => {
    expect(field(collectionFields('stations'), 'buildings')).toMatchObject({ summary: '{{fields.name}}', min: 1 });
  });

  it('stores news covers beside the content, with a path relative to the entry', () => {
    const news = collections.find((c) => c.name === 'news')!;
    expect(news).toMatchObject({ media_folder: '../media', public_folder: '../media' });
    expect(field(collectionFields('news'), 'cover')).toMatchObject({ widget: 'image', required: false });
  });

  it('gives every collection without a title field an identifier field it has', () => {
    for (const c of collections.filter((c) => c.folder)) {
      const names = (c.fields as CmsField[]).map((f) => f.name);
      const id = String(c.identifier_field ?? 'title');
      expect(names, String(c.name)).toContain(id.split('.')[0]);
    }
  });
});

describe('production backends come from the environment', () => {
  it.each([
    [{}, { name: 'git-gateway', branch: 'main' }],
    [
      { CMS_BACKEND: 'forgejo', CMS_REPO: 'dangjian/site', CMS_BASE_URL: 'https://git.example.gov.cn/', CMS_APP_ID: 'abc' },
      {
        name: 'forgejo',
        repo: 'dangjian/site',
        branch: 'main',
        base_url: 'https://git.example.gov.cn',
        api_root: 'https://git.example.gov.cn/api/v1',
        app_id: 'abc',
      },
    ],
    [
      { CMS_BACKEND: 'gitea', CMS_REPO: 'a/b', CMS_BRANCH: 'site', CMS_BASE_URL: 'https://g.test', CMS_APP_ID: 'x' },
      { name: 'gitea', repo: 'a/b', branch: 'site', base_url: 'https://g.test', api_root: 'https://g.test/api/v1', app_id: 'x' },
    ],
    [
      { CMS_BACKEND: 'gitlab', CMS_REPO: 'a/b', CMS_APP_ID: 'x' },
      { name: 'gitlab', repo: 'a/b', auth_type: 'pkce', app_id: 'x' },
    ],
    [
      { CMS_BACKEND: 'github', CMS_REPO: 'a/b', CMS_BASE_URL: 'https://auth.example.test' },
      { name: 'github', repo: 'a/b', base_url: 'https://auth.example.test' },
    ],
  ] as [CmsEnv, CmsField][])('%j', (env, expected) => {
    expect(backendFromEnv(env)).toEqual(expect.objectContaining(expected));
  });

  it.each([
    [{ CMS_BACKEND: 'svn' }, /not supported/],
    [{ CMS_BACKEND: 'gitea' }, /CMS_REPO/],
    [{ CMS_BACKEND: 'forgejo', CMS_REPO: 'a/b' }, /CMS_BASE_URL and CMS_APP_ID/],
  ] as [CmsEnv, RegExp][])('refuses %j', (env, message) => {
    expect(() => backendFromEnv(env)).toThrow(message);
  });

  const gitea: CmsEnv = { CMS_BACKEND: 'gitea', CMS_REPO: 'a/b', CMS_BASE_URL: 'https://g.test', CMS_APP_ID: 'x' };
  it.each([
    ['forgejo', { ...gitea, CMS_BACKEND: 'forgejo' }, 'editorial_workflow'],
    ['gitlab', { CMS_BACKEND: 'gitlab', CMS_REPO: 'a/b' }, 'editorial_workflow'],
    ['github', { CMS_BACKEND: 'github', CMS_REPO: 'a/b' }, 'editorial_workflow'],
    // Decap's gitea backend refuses the editorial workflow: the whole CMS would fail to load.
    ['gitea', gitea, undefined],
  ] as [string, CmsEnv, string | undefined][])('%s: publish_mode %s', (_, env, mode) => {
    expect(cmsConfig({ contentRoot: 'content', siteUrl: '', env }).publish_mode).toBe(mode);
  });

  it('warns at build time, naming the backend and the alternatives, when review is not available', () => {
    expect(cmsWarnings({ ...gitea, CMS_BACKEND: 'forgejo' })).toEqual([]);
    const [warning, ...rest] = cmsWarnings(gitea);
    expect(rest).toEqual([]);
    expect(warning).toContain('CMS_BACKEND=gitea');
    expect(warning).toContain('CMS_BACKEND=forgejo');
    expect(warning).toContain('CMS_BACKEND=gitlab');
  });

  it('lets /admin connect only to itself, blobs, decap-server and the configured Git server', () => {
    expect(cmsCsp({ CMS_BACKEND: 'forgejo', CMS_REPO: 'a/b', CMS_BASE_URL: 'https://git.example.gov.cn', CMS_APP_ID: 'x' })).toContain(
      "connect-src 'self' blob: http://localhost:8081 https://git.example.gov.cn;",
    );
    const csp = cmsCsp({});
    expect(csp).toContain("script-src 'self' 'unsafe-eval';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
  });
});

describe('topics (专题) in the CMS', () => {
  const fields = collectionFields('topics');
  const topics = collections.find((c) => c.name === 'topics')!;

  it('is a collection of Markdown files whose body is the introduction, banners stored beside the content', () => {
    expect(topics).toMatchObject({ folder: 'content/topics', extension: 'md', create: true, media_folder: '../media' });
    expect(field(fields, 'body')).toMatchObject({ widget: 'markdown', required: true, label: '专题介绍' });
  });

  it('has a required banner picture with a required text alternative', () => {
    expect(field(fields, 'banner')).toMatchObject({ widget: 'image', required: true });
    expect(field(fields, 'bannerAlt')).toMatchObject({ widget: 'string', required: true });
  });

  it('asks for start and end as days without a time; the end is optional', () => {
    expect(field(fields, 'start')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false, required: true });
    expect(field(fields, 'end')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false, required: false });
  });

  it('picks entries from any section through a typed list, one relation widget per section', () => {
    const entries = field(fields, 'entries');
    expect(entries).toMatchObject({ widget: 'list', typeKey: 'type', required: false, default: [] });
    const types = entries.types as CmsField[];
    expect(types.map((t) => t.name)).toEqual([...TOPIC_SECTIONS]);
    for (const t of types) {
      expect(String(t.label)).toMatch(/\p{Script=Han}/u);
      expect(t.fields).toEqual([expect.objectContaining({ name: 'entry', widget: 'relation', collection: t.name, required: true })]);
    }
  });
});

describe("fields come from zod's public JSON Schema", () => {
  const fieldOf = (schema: z.ZodType) => {
    const parent = schemaNode(z.object({ x: schema }));
    return toField('x', parent.properties!.x!, parent.required?.includes('x') ?? false);
  };

  it("a string's .max() becomes Decap validation and is said in the hint", () => {
    const f = fieldOf(z.string().max(5).meta({ title: '名称', description: '简短的名称' }));
    expect(f).toMatchObject({ widget: 'string', label: '名称', hint: `简短的名称${t('cms.hint.separator')}${t('cms.maxLength.hint', { max: 5 })}` });
    const [pattern, message] = f.pattern as [string, string];
    expect(message).toBe(t('cms.maxLength.error', { max: 5 }));
    const re = new RegExp(pattern);
    expect(re.test('五个汉字啊')).toBe(true);
    expect(re.test('两行\n文字')).toBe(true);
    expect(re.test('六个汉字啊啊')).toBe(false);
  });

  it('a string without .max() gets no pattern', () => {
    expect(fieldOf(z.string().meta({ title: '名称' }))).not.toHaveProperty('pattern');
  });

  it('every summary field of the content model says its limit', () => {
    const summary = field(collectionFields('news'), 'summary');
    expect(summary.pattern).toEqual(maxLengthPattern(200));
    expect(String(summary.hint)).toContain(t('cms.maxLength.hint', { max: 200 }));
  });

  it.each([
    ['an integer', z.number().int(), { widget: 'number', value_type: 'int' }],
    ['a float', z.number(), { widget: 'number', value_type: 'float' }],
    ['a boolean with a default', z.boolean().default(false), { widget: 'boolean', default: false, required: false }],
    ['an optional string', z.string().optional(), { widget: 'string', required: false }],
    ['an enum', z.enum(['甲', '乙']), { widget: 'select', options: ['甲', '乙'] }],
    ['a list of strings', z.array(z.string()).min(2), { widget: 'list', min: 2, field: { name: 'item', label: 'x', widget: 'string' } }],
  ])('%s', (_, schema, expected) => expect(fieldOf(schema)).toMatchObject(expected));

  it('refuses a schema it has no widget for, naming the field', () => {
    expect(() => fieldOf(z.null())).toThrow(/"x"/);
  });
});
