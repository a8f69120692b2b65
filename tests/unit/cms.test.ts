import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { cmsConfig, collectionFields, type CmsField } from '../../src/lib/cms.ts';
import { COLLECTIONS, NEWS_CATEGORIES, STATION_SERVICES } from '../../src/lib/enums.ts';

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

  it('serialises to YAML-safe JSON', () => {
    expect(() => z.json().parse(JSON.parse(JSON.stringify(config)))).not.toThrow();
  });

  it('uses the editorial workflow and the Chinese interface', () => {
    expect(config).toMatchObject({ publish_mode: 'editorial_workflow', locale: 'zh_Hans', local_backend: true });
  });
});
