/**
 * The 网上咨询建言渠道 setting (互动回应, 国办秘函〔2019〕19号): a link to the district portal's
 * 留言 page or a mailbox; the inspection fails 互动回应差 while it is empty.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { makeSchemas } from '../../src/lib/schema/schema.ts';

const { settings } = makeSchemas({ ref: () => z.string(), image: () => z.string() });
const demo = yaml.load(readFileSync('content/settings/site.yaml', 'utf8')) as Record<string, unknown>;

describe('the consultation channel setting', () => {
  it.each(['https://www.example.gov.cn/hudong/liuyan/', 'mailto:liuyan@example.gov.cn'])('accepts %s', (consultation) => {
    expect(settings.safeParse({ ...demo, consultation }).success).toBe(true);
  });
  it('may be left empty (the inspection then flags it)', () => {
    const { consultation: _, ...rest } = demo;
    expect(settings.safeParse(rest).success).toBe(true);
  });
  it.each(['http://www.example.gov.cn/liuyan/', 'javascript:alert(1)', 'liuyan@example.gov.cn', 'https://a b'])(
    'refuses %s, naming the field',
    (consultation) => {
      const r = settings.safeParse({ ...demo, consultation });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['consultation']);
    },
  );
  it('the demo has one', () => expect(demo.consultation).toMatch(/^https:\/\//));
});
